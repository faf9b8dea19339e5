import { describe, expect, it } from '@jest/globals';
import { SequenceWatch } from './sequence-watch.js';

describe('SequenceWatch', () => {
  it('tells in-order messages, a gap and a reordering apart, per topic and key', () => {
    const watch = new SequenceWatch();
    expect(watch.observe('t', 'a', 4)).toBe('first');
    expect(watch.observe('t', 'a', 5)).toBe('in-order');
    expect(watch.observe('t', 'b', 1)).toBe('first');
    expect(watch.observe('t', 'a', 8)).toBe('gap');
    expect(watch.observe('t', 'a', 6)).toBe('reordered');
    expect(watch.observe('t', 'a', 9)).toBe('in-order');
    expect(watch.observe('u', 'a', 1)).toBe('first');
    expect(watch.observe('t', 'a', undefined)).toBe('unsequenced');
    expect(watch.getCounts()).toEqual({ gaps: 1, missing: 2, reordered: 1 });
  });

  it('counts no gap for messages passed over (types or versions this consumer does not read)', () => {
    const watch = new SequenceWatch();
    watch.observe('t', 'a', 1);
    watch.advance('t', 'a', 2);
    expect(watch.observe('t', 'a', 3)).toBe('in-order');
    expect(watch.getCounts()).toEqual({ gaps: 0, missing: 0, reordered: 0 });
  });

  it('starts again from the next message after a reset (a rebalance)', () => {
    const watch = new SequenceWatch();
    watch.observe('t', 'a', 1);
    watch.reset();
    expect(watch.observe('t', 'a', 7)).toBe('first');
    expect(watch.getCounts().gaps).toBe(0);
  });
});
