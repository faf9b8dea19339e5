import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { ServiceConfig } from '@plenary/config';
import { LOGGER, type Logger } from '@plenary/observability';
import { isDuplicateKeyError } from '@plenary/persistence';
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

  async seen(messageId: string): Promise<boolean> {
    return (await this.collection.countDocuments({ _id: messageId }, { limit: 1 })) > 0;
  }

  async record(messageId: string, type: string): Promise<void> {
    try {
      await this.collection.insertOne({ _id: messageId, type, processedAt: new Date() });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error; // another instance recorded it first
    }
  }
}
