import { describe, expect, it } from '@jest/globals';
import type { OutboxEntry } from './outbox-carrier.js';
import { type OpenGap, publishOrder, type PublishOrderInput } from './publish-order.js';

const entry = (key: string, sequence: number | undefined, id = `${key}-${sequence}`): OutboxEntry => ({
  id,
  type: 'delegation.withdrawn',
  version: 1,
  topic: 'plenary.participants',
  key,
  source: '/plenary/participants',
  subject: `delegations/${id}`,
  time: new Date('2027-01-01T00:00:00Z'),
  correlationId: id,
  causationId: id,
  data: '{}',
  ...(sequence !== undefined ? { sequence } : {}),
});

const input = (overrides: Partial<PublishOrderInput>): PublishOrderInput => ({
  pending: [],
  published: new Map(),
  abandoned: new Map(),
  horizon: Number.POSITIVE_INFINITY,
  gaps: new Map<string, OpenGap>(),
  now: 1_000_000,
  graceMs: 5000,
  ...overrides,
});

const ids = (entries: OutboxEntry[]) => entries.map((e) => e.id);

describe('publishOrder', () => {
  it("sends each key's messages in sequence order, whatever order (and collection) they were read in", () => {
    const order = publishOrder(
      input({ pending: [entry('m', 3), entry('n', 1), entry('m', 1), entry('m', 2), entry('n', 2)] }),
    );
    expect(ids(order.send.filter((e) => e.key === 'm'))).toEqual(['m-1', 'm-2', 'm-3']);
    expect(ids(order.send.filter((e) => e.key === 'n'))).toEqual(['n-1', 'n-2']);
    expect(order.held).toEqual([]);
  });

  it('goes on from the sequence already published', () => {
    const order = publishOrder(
      input({ pending: [entry('m', 8), entry('m', 7)], published: new Map([['m', 6]]) }),
    );
    expect(ids(order.send)).toEqual(['m-7', 'm-8']);
  });

  it('holds what follows a missing sequence, within the grace period, and only for that key', () => {
    const gaps = new Map<string, OpenGap>();
    const order = publishOrder(input({ pending: [entry('m', 1), entry('m', 3), entry('n', 1)], gaps }));
    expect(ids(order.send)).toEqual(['m-1', 'n-1']);
    expect(order.held).toEqual(['m']);
    expect(gaps.get('m')).toEqual({ expected: 2, since: 1_000_000 });
  });

  it('sends the held message as soon as the missing one is read', () => {
    const gaps = new Map<string, OpenGap>([['m', { expected: 2, since: 1_000_000 }]]);
    const order = publishOrder(
      input({
        pending: [entry('m', 3), entry('m', 2)],
        published: new Map([['m', 1]]),
        gaps,
        now: 1_001_000,
      }),
    );
    expect(ids(order.send)).toEqual(['m-2', 'm-3']);
    expect(gaps.has('m')).toBe(false);
  });

  it('skips a sequence no document holds once the grace period is over (a write that failed)', () => {
    const gaps = new Map<string, OpenGap>([['m', { expected: 2, since: 1_000_000 }]]);
    const order = publishOrder(
      input({ pending: [entry('m', 3)], published: new Map([['m', 1]]), gaps, now: 1_005_000 }),
    );
    expect(ids(order.send)).toEqual(['m-3']);
    expect(order.skipped).toEqual([{ key: 'm', from: 2, to: 2 }]);
  });

  it('does not wait for a sequence whose write reported that it failed', () => {
    const order = publishOrder(
      input({
        pending: [entry('m', 4)],
        published: new Map([['m', 1]]),
        abandoned: new Map([['m', new Set([2, 3])]]),
      }),
    );
    expect(ids(order.send)).toEqual(['m-4']);
    expect(order.skipped).toEqual([]);
  });

  it('never skips a sequence that may sit in a document the read did not reach (beyond the horizon)', () => {
    const gaps = new Map<string, OpenGap>([['m', { expected: 2, since: 0 }]]);
    const order = publishOrder(
      input({ pending: [entry('m', 1), entry('m', 9)], horizon: 2, gaps, now: 1_000_000_000 }),
    );
    expect(ids(order.send)).toEqual(['m-1']);
    expect(order.held).toEqual(['m']);
    expect(order.skipped).toEqual([]);
  });

  it('sends again what is at or below the published mark (sent, not yet cleared), for consumers to drop', () => {
    const order = publishOrder(
      input({ pending: [entry('m', 2), entry('m', 3)], published: new Map([['m', 2]]) }),
    );
    expect(ids(order.send)).toEqual(['m-2', 'm-3']);
  });

  it('sends messages written before sequences existed first, oldest first, once each', () => {
    const old = { ...entry('m', undefined, 'old'), time: new Date('2026-01-01T00:00:00Z') };
    const order = publishOrder(input({ pending: [entry('m', 1), old, old] }));
    expect(ids(order.send)).toEqual(['old', 'm-1']);
  });
});
