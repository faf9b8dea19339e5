import { asyncApiDocument, messageId, payloadSchema, publishedVersions } from '@plenary/contracts';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { ROOT } from './lib/dev-stack.js';

/**
 * The published contract, generated from libs/contracts (run after a contract change, commit the result):
 *   npm run contracts            writes docs/asyncapi/asyncapi.yaml and docs/asyncapi/schemas/<type>.v<n>.json
 *   npm run contracts -- release also copies every schema not yet released to libs/contracts/released/,
 *                                the baseline the compatibility test holds later changes to
 */
export const ASYNCAPI_DIR = join(ROOT, 'docs/asyncapi');
export const SCHEMAS_DIR = join(ASYNCAPI_DIR, 'schemas');
export const RELEASED_DIR = join(ROOT, 'libs/contracts/released');

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

function generate(): void {
  mkdirSync(SCHEMAS_DIR, { recursive: true });
  writeFileSync(join(ASYNCAPI_DIR, 'asyncapi.yaml'), stringify(asyncApiDocument(), { lineWidth: 0 }));
  const written = new Set<string>();
  for (const version of publishedVersions()) {
    const file = `${messageId(version)}.json`;
    writeFileSync(join(SCHEMAS_DIR, file), json(payloadSchema(version)));
    written.add(file);
  }
  for (const stale of readdirSync(SCHEMAS_DIR).filter((f) => !written.has(f))) {
    process.stderr.write(`note: ${stale} is no longer published; delete it once its period is over\n`);
  }
  process.stdout.write(`wrote docs/asyncapi/asyncapi.yaml and ${written.size} schemas\n`);
}

function release(): void {
  mkdirSync(RELEASED_DIR, { recursive: true });
  let count = 0;
  for (const version of publishedVersions()) {
    const file = join(RELEASED_DIR, `${messageId(version)}.json`);
    if (existsSync(file)) continue; // a released schema is never rewritten
    writeFileSync(file, json(payloadSchema(version)));
    count++;
  }
  process.stdout.write(`released ${count} new message versions to libs/contracts/released/\n`);
}

generate();
if (process.argv.includes('release')) release();
