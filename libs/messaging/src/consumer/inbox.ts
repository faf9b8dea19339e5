import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Collection, Connection } from 'mongoose';
import { isDuplicateKeyError } from '@plenary/persistence';

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
 */
@Injectable()
export class Inbox implements OnModuleInit {
  private collection!: Collection<ProcessedMessage>;

  constructor(@InjectConnection() private readonly connection: Connection) {}

  onModuleInit(): void {
    this.collection = this.connection.collection<ProcessedMessage>('inbox');
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
