import { describe, expect, it } from '@jest/globals';
import { fieldsNestedTooDeeply, MAX_NESTING_DEPTH } from './nesting-depth.js';

/** A body whose field "nested" holds objects or arrays down to level `depth` (the body is level 1). */
const bodyOfDepth = (depth: number, arrays = false) => {
  const [open, close] = arrays ? ['[', ']'] : ['{"a":', '}'];
  const levels = depth - 1;
  return JSON.parse(
    `{"title":"x","nested":${open.repeat(levels)}"bottom"${close.repeat(levels)}}`,
  ) as unknown;
};

describe('fieldsNestedTooDeeply', () => {
  it(`accepts ${MAX_NESTING_DEPTH} levels and names the top-level field of one more`, () => {
    expect(fieldsNestedTooDeeply(bodyOfDepth(MAX_NESTING_DEPTH))).toEqual([]);
    expect(fieldsNestedTooDeeply(bodyOfDepth(MAX_NESTING_DEPTH + 1))).toEqual(['nested']);
    expect(fieldsNestedTooDeeply(bodyOfDepth(MAX_NESTING_DEPTH + 1, true))).toEqual(['nested']);
  });

  it('names each field that is too deep, array items by index', () => {
    const deep = { a: { b: 1 } };
    expect(fieldsNestedTooDeeply({ one: deep, two: 'flat', three: [deep] }, 3)).toEqual(['three']);
    expect(fieldsNestedTooDeeply([{ a: 1 }, [[[1]]]], 3)).toEqual(['[1]']);
    expect(fieldsNestedTooDeeply({ x: [[1]] }, 3, 'content')).toEqual([]);
    expect(fieldsNestedTooDeeply({ x: [[[1]]] }, 3, 'content')).toEqual(['content.x']);
  });

  it('has nothing to say about primitives', () => {
    expect(fieldsNestedTooDeeply('x')).toEqual([]);
    expect(fieldsNestedTooDeeply(undefined)).toEqual([]);
  });

  it('measures bodies nested deeper than the call stack', () => {
    expect(fieldsNestedTooDeeply(bodyOfDepth(100_000, true))).toEqual(['nested']);
  });
});
