import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { ServiceConfig } from '@plenary/config';
import { LOGGER, type Logger } from '@plenary/observability';
import { isDuplicateKeyError } from '@plenary/persistence';
import type { Collection, Connection } from 'mongoose';
import { randomUUID } from 'node:crypto';

const PURGE_EVERY_MS = 60 * 60 * 1000;

/** The first response to a key, as it is answered again. */
export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  /** The JSON body as sent; absent for an empty one. */
  body?: string;
}

interface IdempotencyRecord {
  _id: string;
  fingerprint: string;
  state: 'in-progress' | 'done';
  /** The attempt that holds the key while in progress: only it completes or releases it. */
  claim: string;
  /** Until then an in-progress key belongs to its attempt; after it, the attempt is taken for dead. */
  leaseUntil: Date;
  createdAt: Date;
  response?: StoredResponse;
}

export type ClaimResult =
  | { outcome: 'claimed'; claim: string }
  | { outcome: 'replay'; response: StoredResponse }
  | { outcome: 'other-request' }
  | { outcome: 'in-progress' };

/**
 * The Idempotency-Key records of this service, in its own database (collection
 * idempotency_keys). A key is claimed with one insert before the work, so that of two
 * concurrent requests with one key only one does it (a unique _id is the store's only lock);
 * the response is stored on the same document after. Keys are deleted once older than
 * IDEMPOTENCY_KEY_RETENTION_HOURS, hourly: the store has no TTL indexes.
 */
@Injectable()
export class IdempotencyStore implements OnModuleInit, OnModuleDestroy {
  private collection!: Collection<IdempotencyRecord>;
  private purgeTimer: NodeJS.Timeout | undefined;

  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly config: ServiceConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.purgeTimer) return; // a hybrid app runs init hooks twice
    this.collection = this.connection.collection<IdempotencyRecord>('idempotency_keys');
    await this.collection.createIndex({ createdAt: 1 });
    this.purgeTimer = setInterval(() => void this.purge(), PURGE_EVERY_MS).unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.purgeTimer);
  }

  /** Takes the key for this request, or says what became of the request that took it. */
  async claim(id: string, fingerprint: string, now = new Date()): Promise<ClaimResult> {
    const claim = randomUUID();
    const leaseUntil = new Date(now.getTime() + this.config.IDEMPOTENCY_KEY_LEASE_SECONDS * 1000);
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await this.collection.insertOne({
          _id: id,
          fingerprint,
          state: 'in-progress',
          claim,
          leaseUntil,
          createdAt: now,
        });
        return { outcome: 'claimed', claim };
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
      const existing = await this.collection.findOne({ _id: id });
      if (!existing) continue; // released or purged in between: try to take it again
      if (existing.fingerprint !== fingerprint) return { outcome: 'other-request' };
      if (existing.state === 'done' && existing.response)
        return { outcome: 'replay', response: existing.response };
      if (existing.leaseUntil.getTime() > now.getTime()) return { outcome: 'in-progress' };
      // The attempt that held it died without an answer: this one takes over, if no one else did.
      const taken = await this.collection.updateOne(
        { _id: id, state: 'in-progress', claim: existing.claim },
        { $set: { claim, leaseUntil } },
      );
      return taken.modifiedCount === 1 ? { outcome: 'claimed', claim } : { outcome: 'in-progress' };
    }
    return { outcome: 'in-progress' };
  }

  /** Stores the response of the attempt that holds the key. */
  async complete(id: string, claim: string, response: StoredResponse): Promise<void> {
    await this.collection.updateOne({ _id: id, claim }, { $set: { state: 'done', response } });
  }

  /** The attempt failed without effect: the key is free again for a retry. */
  async release(id: string, claim: string): Promise<void> {
    await this.collection.deleteOne({ _id: id, claim, state: 'in-progress' });
  }

  /** Deletes the keys older than the retention. */
  async purge(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.IDEMPOTENCY_KEY_RETENTION_HOURS * 3600_000);
    try {
      const { deletedCount } = await this.collection.deleteMany({ createdAt: { $lt: cutoff } });
      return deletedCount;
    } catch (error) {
      this.logger.warn({ err: error }, 'idempotency keys clean-up failed; will try again in an hour');
      return 0;
    }
  }
}
