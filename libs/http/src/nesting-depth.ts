import { fieldPath } from './field-path.js';

/** Deeper than any request the API defines (a report's content is 4 levels), far short of trouble. */
export const MAX_NESTING_DEPTH = 32;

/**
 * The top-level fields of `value` whose objects and arrays nest more than `maxDepth` levels (the
 * body itself is level 1). class-transformer and class-validator recurse once per level, so a
 * body of a few kilobytes of "[[[[…" would otherwise overflow the stack or tie up the process;
 * this walk keeps its own stack and stops at the first level too many of each field.
 */
export function fieldsNestedTooDeeply(value: unknown, maxDepth = MAX_NESTING_DEPTH, root = ''): string[] {
  if (value === null || typeof value !== 'object') return [];
  const fields = Array.isArray(value)
    ? value.map((item, i) => [fieldPath(root, i), item] as const)
    : Object.entries(value).map(([key, item]) => [fieldPath(root, key), item] as const);
  return fields.filter(([, item]) => deeperThan(item, maxDepth - 1)).map(([field]) => field);
}

/** Whether `value` holds objects or arrays more than `levels` levels deep. */
function deeperThan(value: unknown, levels: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth > levels) return true;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return false;
}
