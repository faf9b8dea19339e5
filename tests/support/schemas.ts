import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './local-stack.js';

export const SCHEMAS_DIR = join(ROOT, 'docs/asyncapi/schemas');

/** A JSON Schema validator (Ajv, draft 2020-12 with formats) loaded with the published schemas, by $id. */
export function publishedSchemaValidator(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  for (const file of readdirSync(SCHEMAS_DIR))
    ajv.addSchema(JSON.parse(readFileSync(join(SCHEMAS_DIR, file), 'utf8')));
  return ajv;
}
