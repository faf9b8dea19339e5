import { getMetadataStorage } from 'class-validator';
import type { JsonSchema } from './message-schemas.js';

const SWAGGER_PROPERTY = 'swagger/apiModelProperties';

/** Classes with validation metadata, by name: the names the generated schemas use in $defs. */
function classesByName(): Map<string, new () => unknown> {
  const storage = getMetadataStorage() as unknown as {
    validationMetadatas: Map<object, unknown> | Array<{ target: unknown }>;
  };
  const targets =
    storage.validationMetadatas instanceof Map
      ? [...storage.validationMetadatas.keys()]
      : storage.validationMetadatas.map((m) => m.target);
  return new Map(
    targets.filter((t): t is new () => unknown => typeof t === 'function').map((t) => [t.name, t] as const),
  );
}

function exampleOfProperty(owner: (new () => unknown) | undefined, property: string): unknown {
  if (!owner) return undefined;
  for (
    let proto = owner.prototype;
    proto && proto !== Object.prototype;
    proto = Object.getPrototypeOf(proto)
  ) {
    const meta = Reflect.getMetadata(SWAGGER_PROPERTY, proto, property) as { example?: unknown } | undefined;
    if (meta?.example !== undefined) return meta.example;
  }
  return undefined;
}

/**
 * An example payload for a schema, from the examples the classes' API documentation gives
 * (@ApiProperty), filling what has none with a plain value of the right type. Used for the
 * AsyncAPI document; a test checks that every example is valid against its schema.
 */
export function exampleFor(schema: JsonSchema): unknown {
  const classes = classesByName();
  const defs = (schema.$defs ?? {}) as Record<string, JsonSchema>;

  const build = (node: JsonSchema, owner: (new () => unknown) | undefined, depth: number): unknown => {
    if (depth > 40) return undefined; // deep enough for any contract; guards against cycles
    if (typeof node.$ref === 'string') {
      const name = node.$ref.replace('#/$defs/', '');
      return build(defs[name] ?? {}, classes.get(name), depth + 1);
    }
    if (Array.isArray(node.enum)) return node.enum[0];
    if ('const' in node) return node.const;
    switch (node.type) {
      case 'object': {
        const properties = (node.properties ?? {}) as Record<string, JsonSchema>;
        return Object.fromEntries(
          Object.entries(properties)
            .map(([key, child]) => {
              const given = exampleOfProperty(owner, key);
              const usable =
                given !== undefined &&
                !(child.$ref || (child.type === 'array' && (child.items as JsonSchema)?.$ref));
              return [key, usable ? given : build(child, undefined, depth + 1)] as const;
            })
            .filter(([, value]) => value !== undefined),
        );
      }
      case 'array': {
        const item = node.items ? build(node.items as JsonSchema, undefined, depth + 1) : undefined;
        return item === undefined ? [] : [item];
      }
      case 'integer':
      case 'number':
        return typeof node.minimum === 'number' ? node.minimum : 1;
      case 'boolean':
        return true;
      case 'string':
        return node.format === 'date-time' ? '2027-11-21T04:00:00.000Z' : 'text';
      default:
        return undefined;
    }
  };
  return build(schema, undefined, 0);
}
