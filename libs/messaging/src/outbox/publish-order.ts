import type { OutboxEntry } from './outbox-carrier.js';

/** A hole in a key's sequence that the relay has been waiting on since `since` (ms). */
export interface OpenGap {
  expected: number;
  since: number;
}

export interface PublishOrderInput {
  /** The pending messages read, from any collections, in any order. */
  pending: OutboxEntry[];
  /** Per key, the highest sequence already published. */
  published: Map<string, number>;
  /** Per key, sequences whose write failed: no message carries them. */
  abandoned: Map<string, Set<number>>;
  /**
   * Sequences from here on may sit in documents this read did not reach (a sweep cut by its
   * batch size, or a pass over just-written documents: 0); below it, a missing sequence is not
   * in the store.
   */
  horizon: number;
  /** Holes already being waited on, by key; updated in place. */
  gaps: Map<string, OpenGap>;
  now: number;
  /** How long a hole below the horizon is waited on (a write still under way) before it is skipped. */
  graceMs: number;
}

export interface PublishOrder {
  /** What to send now, each key's messages in sequence order. */
  send: OutboxEntry[];
  /** Keys whose next messages wait for a sequence not yet seen. */
  held: string[];
  /** Holes given up on: sequences from..to of key will never be published. */
  skipped: Array<{ key: string; from: number; to: number }>;
}

/**
 * Decides which pending messages may go now so that each key's messages reach Kafka in the
 * order of their sequences, whichever collection holds them. Messages without a sequence
 * (written before sequences existed) go first, oldest first.
 */
export function publishOrder(input: PublishOrderInput): PublishOrder {
  const byKey = new Map<string, OutboxEntry[]>();
  const unsequenced: OutboxEntry[] = [];
  const seen = new Set<string>();
  for (const entry of input.pending) {
    if (seen.has(entry.id)) continue;
    seen.add(entry.id);
    if (entry.sequence === undefined) unsequenced.push(entry);
    else {
      if (!byKey.has(entry.key)) byKey.set(entry.key, []);
      byKey.get(entry.key)!.push(entry);
    }
  }
  const send = unsequenced.sort(
    (a, b) => new Date(a.time).getTime() - new Date(b.time).getTime() || (a.id < b.id ? -1 : 1),
  );
  const held: string[] = [];
  const skipped: PublishOrder['skipped'] = [];
  for (const [key, entries] of byKey) {
    entries.sort((a, b) => a.sequence! - b.sequence!);
    const abandoned = input.abandoned.get(key) ?? new Set<number>();
    let expected = (input.published.get(key) ?? 0) + 1;
    let holding = false;
    for (const entry of entries) {
      const sequence = entry.sequence!;
      // Already passed (sent before and not yet cleared, or late after its hole was skipped): send again; consumers drop duplicates.
      if (sequence < expected) {
        send.push(entry);
        continue;
      }
      while (expected < sequence && abandoned.has(expected)) expected++;
      if (sequence > expected) {
        const gap = input.gaps.get(key);
        const waitedEnough =
          expected < input.horizon && gap?.expected === expected && input.now - gap.since >= input.graceMs;
        if (!waitedEnough) {
          if (expected < input.horizon && gap?.expected !== expected)
            input.gaps.set(key, { expected, since: input.now });
          holding = true;
          break;
        }
        skipped.push({ key, from: expected, to: sequence - 1 });
      }
      send.push(entry);
      expected = sequence + 1;
    }
    if (holding) held.push(key);
    else input.gaps.delete(key);
  }
  return { send, held, skipped };
}
