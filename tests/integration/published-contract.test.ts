import { describe, expect, it } from '@jest/globals';
import { Parser } from '@asyncapi/parser';
import {
  asyncApiDocument,
  incompatibilities,
  MessageCatalog,
  messageId,
  payloadSchema,
  publishedVersions,
} from '@plenary/contracts';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../support/local-stack.js';
import { publishedSchemaValidator, SCHEMAS_DIR } from '../support/schemas.js';

const ASYNCAPI = join(ROOT, 'docs/asyncapi/asyncapi.yaml');
const RELEASED = join(ROOT, 'libs/contracts/released');
const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

/**
 * The contract other systems rely on: generated from libs/contracts, committed under docs/asyncapi,
 * valid for the official AsyncAPI parser, complete, and compatible with what was released.
 */
describe('the published message contract', () => {
  it('is committed as generated (run npm run contracts after changing a contract)', () => {
    expect(parse(readFileSync(ASYNCAPI, 'utf8'))).toEqual(asyncApiDocument());
    for (const version of publishedVersions()) {
      expect([messageId(version), read(join(SCHEMAS_DIR, `${messageId(version)}.json`))]).toEqual([
        messageId(version),
        payloadSchema(version),
      ]);
    }
    expect(readdirSync(SCHEMAS_DIR).sort()).toEqual(
      publishedVersions()
        .map((v) => `${messageId(v)}.json`)
        .sort(),
    );
  });

  it('is a valid AsyncAPI 3 document for the official parser, with every message the services publish', async () => {
    const { document, diagnostics } = await new Parser().parse(readFileSync(ASYNCAPI, 'utf8'));
    expect(diagnostics.filter((d) => d.severity === 0)).toEqual([]);
    expect(document?.version()).toBe('3.0.0');
    const documented = document!
      .allMessages()
      .all()
      .map((m) => `${m.name()} ${m.payload()?.id()}`);
    for (const type of Object.keys(MessageCatalog)) {
      expect(documented).toContainEqual(expect.stringMatching(new RegExp(`^${type.replace('.', '\\.')} `)));
    }
    expect(
      document!
        .channels()
        .all()
        .map((c) => c.address())
        .sort(),
    ).toEqual(['plenary.events', 'plenary.participants', 'plenary.reports']);
  });

  it('gives every message an example that its own schema accepts', () => {
    const ajv = publishedSchemaValidator();
    const messages = (
      asyncApiDocument().components as {
        messages: Record<string, { examples: Array<{ payload: unknown; headers: Record<string, string> }> }>;
      }
    ).messages;
    for (const message of Object.values(messages)) {
      const [example] = message.examples;
      const validate = ajv.getSchema(example.headers.ce_dataschema)!;
      expect([example.headers.ce_dataschema, validate(example.payload), validate.errors ?? []]).toEqual([
        example.headers.ce_dataschema,
        true,
        [],
      ]);
    }
  });

  it('changes no released message version incompatibly (a new optional field is the one compatible change)', () => {
    const released = readdirSync(RELEASED);
    expect(released.length).toBeGreaterThan(0);
    const current = new Map(publishedVersions().map((v) => [`${messageId(v)}.json`, v]));
    for (const file of released) {
      const version = current.get(file);
      // A released version stays published until its announced end; then its file moves out of released/.
      expect([file, version !== undefined]).toEqual([file, true]);
      expect([file, incompatibilities(read(join(RELEASED, file)), payloadSchema(version!))]).toEqual([
        file,
        [],
      ]);
    }
    expect(existsSync(join(RELEASED, 'event.created.v1.json'))).toBe(true);
  });
});
