import { describe, expect, it } from '@jest/globals';
import { WriteRateLimiter } from './write-rate-limit.js';

describe('WriteRateLimiter', () => {
  it('allows a burst of the limit, then refills at the limit per minute', () => {
    let now = 0;
    const limiter = new WriteRateLimiter(3, () => now);
    expect([1, 2, 3].map(() => limiter.take('a'))).toEqual([0, 0, 0]);
    expect(limiter.take('a')).toBe(20); // one write every 20 s
    expect(limiter.take('b')).toBe(0); // each caller has its own bucket
    now += 20_000;
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBeGreaterThan(0);
  });
});
