import { describe, expect, it } from '@jest/globals';
import { retryWhenStale } from './retry-when-stale.js';

class Stale extends Error {}

describe('retryWhenStale', () => {
  it('tries again after a lost compare-and-set, and returns the first success', async () => {
    const seen: number[] = [];
    const result = await retryWhenStale(
      async (n) => {
        seen.push(n);
        if (n < 3) throw new Stale();
        return 'written';
      },
      (e) => e instanceof Stale,
    );
    expect(result).toBe('written');
    expect(seen).toEqual([1, 2, 3]);
  });

  it('gives up after the last attempt with the stale error', async () => {
    let calls = 0;
    await expect(
      retryWhenStale(
        async () => {
          calls++;
          throw new Stale('still stale');
        },
        (e) => e instanceof Stale,
        4,
      ),
    ).rejects.toThrow('still stale');
    expect(calls).toBe(4);
  });

  it('never retries another error', async () => {
    let calls = 0;
    await expect(
      retryWhenStale(
        async () => {
          calls++;
          throw new Error('refused');
        },
        (e) => e instanceof Stale,
      ),
    ).rejects.toThrow('refused');
    expect(calls).toBe(1);
  });
});
