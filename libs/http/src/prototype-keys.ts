import { fieldPath } from './field-path.js';

/** Keys that reach an object's prototype when a value is copied or merged into another object. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The paths of every own key "__proto__", "constructor" or "prototype", at any depth. JSON.parse
 * and the query parser keep such keys as ordinary properties; Nest's ValidationPipe silently
 * deletes them, so a polluting request would pass as a valid one. We refuse it instead. The
 * walk keeps its own stack: a value nested deeper than the call stack cannot crash it. The value
 * under a refused key is not looked into: its key is the error.
 */
export function findPrototypeKeys(value: unknown, root = ''): string[] {
  const found: string[] = [];
  const seen = new WeakSet<object>();
  // [value, path, whether its key is one of PROTOTYPE_KEYS]
  const stack: Array<[unknown, string, boolean]> = [[value, root, false]];
  while (stack.length) {
    const [current, path, refused] = stack.pop()!;
    if (refused) {
      found.push(path);
      continue;
    }
    if (current === null || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    const children: Array<[unknown, string, boolean]> = Array.isArray(current)
      ? current.map((item, i) => [item, fieldPath(path, i), false])
      : Object.entries(current).map(([key, item]) => [item, fieldPath(path, key), PROTOTYPE_KEYS.has(key)]);
    // Reversed onto the stack, so that paths come out in document order.
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return found;
}
