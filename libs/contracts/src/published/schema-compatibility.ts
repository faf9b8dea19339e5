import type { JsonSchema } from './message-schemas.js';

const resolve = (node: JsonSchema, root: JsonSchema): JsonSchema => {
  if (typeof node.$ref !== 'string') return node;
  const name = node.$ref.replace('#/$defs/', '');
  return resolve(((root.$defs ?? {}) as Record<string, JsonSchema>)[name] ?? {}, root);
};

const leafOf = (node: JsonSchema) => {
  const { description: _d, title: _t, examples: _e, ...rest } = node;
  return JSON.stringify(rest);
};

/**
 * What a new schema of a message version breaks for subscribers who rely on the released one.
 * The one compatible change is a new optional field; anything else (a field removed, made
 * required or optional, retyped, its allowed values or format changed) needs a new version.
 */
export function incompatibilities(released: JsonSchema, current: JsonSchema): string[] {
  const problems: string[] = [];
  const compare = (before: JsonSchema, after: JsonSchema, path: string, depth: number) => {
    if (depth > 20) return;
    const [a, b] = [resolve(before, released), resolve(after, current)];
    if (a.type !== b.type) {
      problems.push(`${path || 'payload'}: type changed from ${String(a.type)} to ${String(b.type)}`);
      return;
    }
    if (a.type === 'object') {
      const [propsA, propsB] = [
        (a.properties ?? {}) as Record<string, JsonSchema>,
        (b.properties ?? {}) as Record<string, JsonSchema>,
      ];
      const [requiredA, requiredB] = [
        new Set((a.required ?? []) as string[]),
        new Set((b.required ?? []) as string[]),
      ];
      for (const name of Object.keys(propsA)) {
        const field = path ? `${path}.${name}` : name;
        if (!(name in propsB)) problems.push(`${field}: removed`);
        else {
          if (requiredA.has(name) && !requiredB.has(name)) problems.push(`${field}: no longer required`);
          compare(propsA[name], propsB[name], field, depth + 1);
        }
      }
      for (const name of Object.keys(propsB)) {
        if (!(name in propsA) && requiredB.has(name))
          problems.push(`${path ? `${path}.${name}` : name}: added as required`);
        if (name in propsA && !requiredA.has(name) && requiredB.has(name))
          problems.push(`${path ? `${path}.${name}` : name}: now required`);
      }
      return;
    }
    if (a.type === 'array') {
      compare((a.items ?? {}) as JsonSchema, (b.items ?? {}) as JsonSchema, `${path}[]`, depth + 1);
      return;
    }
    if (leafOf(a) !== leafOf(b)) problems.push(`${path}: changed from ${leafOf(a)} to ${leafOf(b)}`);
  };
  compare(released, current, '', 0);
  return problems;
}
