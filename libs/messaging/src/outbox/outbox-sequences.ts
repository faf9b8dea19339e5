import { Inject, Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { LOGGER, type Logger } from '@plenary/observability';
import { isDuplicateKeyError } from '@plenary/persistence';
import type { Collection, Connection } from 'mongoose';
import type { OutboxEntry } from './outbox-carrier.js';

/** Per key (meeting): the last sequence handed out, and the highest one the relay has published. */
interface SequenceCounter {
  _id: string;
  last: number;
  published?: number;
}

/** A sequence handed out to a write that then failed: no message will ever carry it. */
interface AbandonedSequence {
  _id: string;
  key: string;
  sequence: number;
  at: Date;
}

export const SEQUENCES_COLLECTION = 'outbox_sequences';
export const ABANDONED_SEQUENCES_COLLECTION = 'outbox_abandoned_sequences';

/**
 * The order of a service's messages per key, across all its outbox collections. The store has
 * no multi-document transactions, so the number is taken from a per-key counter (one atomic
 * single-document $inc) just before the write that stores the messages; a write that then
 * fails leaves a hole, which it reports here (abandon) when it can, and which the relay skips
 * after a grace period when it could not (a crash between the two).
 */
@Injectable()
export class OutboxSequences {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  private get counters(): Collection<SequenceCounter> {
    return this.connection.collection<SequenceCounter>(SEQUENCES_COLLECTION);
  }

  private get abandonedSequences(): Collection<AbandonedSequence> {
    return this.connection.collection<AbandonedSequence>(ABANDONED_SEQUENCES_COLLECTION);
  }

  /** Numbers the messages, in the order given, with the next sequences of their keys. */
  async assign(entries: OutboxEntry[]): Promise<OutboxEntry[]> {
    const countByKey = new Map<string, number>();
    for (const entry of entries) countByKey.set(entry.key, (countByKey.get(entry.key) ?? 0) + 1);
    const nextByKey = new Map<string, number>();
    for (const [key, count] of countByKey) {
      const last = await this.take(key, count);
      nextByKey.set(key, last - count + 1);
    }
    return entries.map((entry) => {
      const sequence = nextByKey.get(entry.key)!;
      nextByKey.set(entry.key, sequence + 1);
      return { ...entry, sequence };
    });
  }

  /** Moves the key's counter on by count and returns its new value. */
  private async take(key: string, count: number): Promise<number> {
    for (let attempt = 1; ; attempt++) {
      try {
        const counter = await this.counters.findOneAndUpdate(
          { _id: key },
          { $inc: { last: count } },
          { upsert: true, returnDocument: 'after' },
        );
        return counter!.last;
      } catch (error) {
        // Two first writes about a new key raced to create its counter: the loser increments the winner's.
        if (!isDuplicateKeyError(error) || attempt >= 3) throw error;
      }
    }
  }

  /** Records that the write meant to store these messages failed, so the relay need not wait for them. */
  async abandon(entries: OutboxEntry[]): Promise<void> {
    const abandoned = entries.filter((e) => e.sequence !== undefined);
    if (abandoned.length === 0) return;
    try {
      await this.abandonedSequences.insertMany(
        abandoned.map((e) => ({
          _id: `${e.key}#${e.sequence}`,
          key: e.key,
          sequence: e.sequence!,
          at: new Date(),
        })),
        { ordered: false },
      );
    } catch (error) {
      // Best effort: without the record the relay skips the hole after its grace period.
      if (!isDuplicateKeyError(error))
        this.logger.warn({ err: error }, 'outbox: could not record abandoned sequences');
    }
  }

  /** The highest published sequence of each key (0 for a key never published). */
  async published(keys: string[]): Promise<Map<string, number>> {
    const counters = await this.counters
      .find({ _id: { $in: keys } }, { projection: { _id: 1, published: 1 } })
      .toArray();
    return new Map(keys.map((k) => [k, counters.find((c) => c._id === k)?.published ?? 0]));
  }

  /** The abandoned sequences of these keys. */
  async abandoned(keys: string[]): Promise<Map<string, Set<number>>> {
    const records = await this.abandonedSequences.find({ key: { $in: keys } }).toArray();
    const byKey = new Map<string, Set<number>>();
    for (const r of records) {
      if (!byKey.has(r.key)) byKey.set(r.key, new Set());
      byKey.get(r.key)!.add(r.sequence);
    }
    return byKey;
  }

  /**
   * Moves each key's published mark up (never down), and forgets the abandoned numbers below it.
   * `abandoned`: those read for this pass; a key without any below its mark costs no delete (one
   * write less per pass, in the store that serialises them). A number abandoned after that read
   * is forgotten by the next pass that reads it.
   */
  async markPublished(published: Map<string, number>, abandoned?: Map<string, Set<number>>): Promise<void> {
    if (published.size === 0) return;
    await this.counters.bulkWrite(
      [...published].map(([key, sequence]) => ({
        updateOne: { filter: { _id: key }, update: { $max: { published: sequence } } },
      })),
      { ordered: false },
    );
    const forgotten = [...published].filter(
      ([key, sequence]) => !abandoned || [...(abandoned.get(key) ?? [])].some((s) => s <= sequence),
    );
    if (forgotten.length === 0) return;
    await this.abandonedSequences.deleteMany({
      $or: forgotten.map(([key, sequence]) => ({ key, sequence: { $lte: sequence } })),
    });
  }
}
