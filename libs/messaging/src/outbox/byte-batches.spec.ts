import { describe, expect, it } from '@jest/globals';
import { encodedSize, REQUEST_OVERHEAD_BYTES, splitByBytes } from './byte-batches.js';

const limit = 10_000 + REQUEST_OVERHEAD_BYTES;

describe('splitByBytes', () => {
  it('cuts a run into consecutive batches that each fit the limit, keeping the order', () => {
    const sizes = [4000, 4000, 4000, 1000, 9000, 500];
    const { batches, oversized } = splitByBytes(sizes, (s) => s, limit);
    expect(batches).toEqual([
      [4000, 4000],
      [4000, 1000],
      [9000, 500],
    ]);
    expect(batches.flat()).toEqual(sizes);
    expect(oversized).toEqual([]);
    for (const batch of batches) expect(batch.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(10_000);
  });

  it('takes out an item that alone exceeds the limit and goes on with the ones after it', () => {
    const { batches, oversized } = splitByBytes([100, 10_001, 200], (s) => s, limit);
    expect(oversized).toEqual([10_001]);
    expect(batches).toEqual([[100, 200]]);
  });

  it('also cuts by count', () => {
    expect(splitByBytes([1, 1, 1, 1, 1], (s) => s, limit, 2).batches).toEqual([[1, 1], [1, 1], [1]]);
  });

  it('sends nothing for nothing', () => {
    expect(splitByBytes([], (s: number) => s, limit)).toEqual({ batches: [], oversized: [] });
  });
});

describe('encodedSize', () => {
  it('counts key, value and headers in bytes (UTF-8), not characters', () => {
    const plain = encodedSize({ key: 'k', value: 'a'.repeat(1000), headers: { ce_id: 'x' } });
    const wide = encodedSize({ key: 'k', value: 'é'.repeat(1000), headers: { ce_id: 'x' } });
    expect(plain).toBeGreaterThan(1000);
    expect(wide - plain).toBe(1000);
    expect(encodedSize({ key: 'k', value: null })).toBeLessThan(100);
  });
});
