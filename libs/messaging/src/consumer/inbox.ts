import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { ServiceConfig } from '@plenary/config';
import { LOGGER, type Logger } from '@plenary/observability';
import { isOnlyDuplicateKeyErrors } from '@plenary/persistence';
import type { Collection, Connection } from 'mongoose';

const CLEAN_UP_EVERY_MS = 60 * 60 * 1000;

interface ProcessedMessage {
  _id: string;
  type: string;
  processedAt: Date;
}

/**
 * The ids of messages this service has processed, so that a redelivery (same id) has no
 * second effect. Recorded after the handler succeeded: if the service dies in between, the
 * message is handled again, which is why handlers are written to be idempotent as well
 * (projections keep the source's version and ignore what is not newer).
 * Ids older than INBOX_RETENTION_HOURS are deleted hourly: FerretDB has no TTL indexes, and
 * Kafka redelivers within minutes, not days.
 */
@Injectable()
export class Inbox implements OnModuleInit, OnModuleDestroy {
  private collection!: Collection<ProcessedMessage>;
  private cleanUpTimer: NodeJS.Timeout | undefined;

  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly config: ServiceConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.cleanUpTimer) return; // a hybrid app runs init hooks twice
    this.collection = this.connection.collection<ProcessedMessage>('inbox');
    await this.collection.createIndex({ processedAt: 1 });
    this.cleanUpTimer = setInterval(() => void this.forgetOld(), CLEAN_UP_EVERY_MS).unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.cleanUpTimer);
  }

  /** Deletes the ids of messages processed longer ago than the retention. */
  async forgetOld(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.INBOX_RETENTION_HOURS * 3600_000);
    try {
      const { deletedCount } = await this.collection.deleteMany({ processedAt: { $lt: cutoff } });
      return deletedCount;
    } catch (error) {
      this.logger.warn({ err: error }, 'inbox clean-up failed; will try again in an hour');
      return 0;
    }
  }

  /** Which of these message ids have been processed: one read for a whole batch (by _id). */
  async seenAmong(messageIds: string[]): Promise<Set<string>> {
    if (messageIds.length === 0) return new Set();
    const found = await this.collection
      .find({ _id: { $in: messageIds } }, { projection: { _id: 1 } })
      .toArray();
    return new Set(found.map((m) => m._id));
  }

  /** Records processed messages in one write; an id already recorded (by another instance) is left as it is. */
  async recordAll(messages: { id: string; type: string }[]): Promise<void> {
    if (messages.length === 0) return;
    const processedAt = new Date();
    try {
      await this.collection.insertMany(
        messages.map(({ id, type }) => ({ _id: id, type, processedAt })),
        { ordered: false },
      );
    } catch (error) {
      if (!isOnlyDuplicateKeyErrors(error)) throw error;
    }
  }
}
