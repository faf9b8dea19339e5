import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { throttle } from './throttle';

describe('throttle', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: 1_000_000 });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('runs the first call at once', () => {
    const run = jest.fn();
    throttle(run, 2000).call();
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('runs a burst of a hundred calls twice: at once, and once after the window with all of them', () => {
    const run = jest.fn();
    const t = throttle(run, 2000);
    for (let i = 0; i < 100; i++) {
      t.call();
      jest.advanceTimersByTime(10);
    }
    expect(run).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(2000);
    expect(run).toHaveBeenCalledTimes(2);
    jest.advanceTimersByTime(10_000);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('runs at most once per window during a long stream of calls', () => {
    const run = jest.fn();
    const t = throttle(run, 2000);
    for (let i = 0; i < 100; i++) {
      t.call();
      jest.advanceTimersByTime(100);
    }
    // 10 seconds of calls: one at the start, then one per 2 seconds.
    expect(run.mock.calls.length).toBeGreaterThanOrEqual(5);
    expect(run.mock.calls.length).toBeLessThanOrEqual(6);
  });

  it('runs nothing more once cancelled', () => {
    const run = jest.fn();
    const t = throttle(run, 2000);
    t.call();
    t.call();
    t.cancel();
    jest.advanceTimersByTime(5000);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
