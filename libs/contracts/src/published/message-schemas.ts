// class-transformer publishes its metadata storage without types; the nested-class references live there.
// @ts-expect-error: untyped deep import
import { defaultMetadataStorage } from 'class-transformer/cjs/storage.js';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import { MessageCatalog } from '../messages/message-catalog.js';
import type { MessageDefinition } from '../messages/message-definition.js';

export type JsonSchema = Record<string, unknown>;

const DEFS = '#/$defs/';

/** Every class with validation metadata, as JSON Schema, nested classes by reference. */
function allSchemas(): Record<string, JsonSchema> {
  return validationMetadatasToSchemas({
    classTransformerMetadataStorage: defaultMetadataStorage,
    refPointerPrefix: DEFS,
    // Date-times are ISO 8601 with an offset or Z: what JSON Schema calls date-time.
    additionalConverters: { isDateString: { type: 'string', format: 'date-time' } },
  }) as Record<string, JsonSchema>;
}

function referencedNames(schema: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) schema.forEach((item) => referencedNames(item, found));
  else if (schema && typeof schema === 'object') {
    for (const [key, value] of Object.entries(schema)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith(DEFS))
        found.add(value.slice(DEFS.length));
      else referencedNames(value, found);
    }
  }
  return found;
}

/** Sorts object keys, so that generated files are stable and diffs between releases readable. */
export function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sorted((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/**
 * The JSON Schema (draft 2020-12) of one message type's payload, self-contained: the classes it
 * nests are in $defs. Generated from the same class-validator decorators that validate the
 * payload when a service consumes it, so the published contract and the check cannot drift.
 */
export function payloadSchema(
  definition: Pick<MessageDefinition, 'type' | 'version' | 'payload' | 'description'>,
): JsonSchema {
  const schemas = allSchemas();
  const root = schemas[definition.payload.name];
  if (!root) throw new Error(`no validation metadata for ${definition.payload.name}`);
  const defs: Record<string, JsonSchema> = {};
  const pending = [...referencedNames(root)];
  while (pending.length > 0) {
    const name = pending.pop()!;
    if (defs[name]) continue;
    defs[name] = schemas[name];
    pending.push(...[...referencedNames(schemas[name])].filter((n) => !defs[n]));
  }
  return sorted({
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `urn:plenary:message:${definition.type}:${definition.version}`,
    title: `${definition.type} v${definition.version}`,
    description: definition.description,
    ...root,
    ...(Object.keys(defs).length > 0 ? { $defs: defs } : {}),
  }) as JsonSchema;
}

/** Every message type Plenary publishes, with the schema of its payload. */
export function messageSchemas(): Array<{ definition: MessageDefinition; schema: JsonSchema }> {
  return Object.values(MessageCatalog).map((definition) => ({
    definition,
    schema: payloadSchema(definition),
  }));
}
