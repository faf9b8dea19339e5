import { Module, type OnModuleInit } from '@nestjs/common';
import { InjectConnection, MongooseModule } from '@nestjs/mongoose';
import { ServiceConfig } from '@plenary/config';
import { HealthRegistry } from '@plenary/observability';
import type { Connection } from 'mongoose';

/**
 * The service's own database, reached through mongoose. Stays within what both MongoDB and
 * FerretDB 1.24 support: no multi-document transactions, change streams or $lookup.
 */
@Module({
  imports: [
    MongooseModule.forRootAsync({
      inject: [ServiceConfig],
      useFactory: (config: ServiceConfig) => ({
        uri: config.MONGO_URL,
        dbName: config.mongoDatabase,
        appName: `plenary-${config.service}`,
        // Fail fast when the store is away (HTTP answers 503) instead of queueing operations.
        bufferCommands: false,
        serverSelectionTimeoutMS: config.MONGO_TIMEOUT_MS,
        connectTimeoutMS: config.MONGO_TIMEOUT_MS,
        socketTimeoutMS: Math.max(config.MONGO_TIMEOUT_MS * 4, 10_000),
        retryAttempts: 3,
        retryDelay: 1000,
      }),
    }),
  ],
})
export class PersistenceModule implements OnModuleInit {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly health: HealthRegistry,
  ) {}

  onModuleInit(): void {
    this.health.register({
      name: 'store',
      check: async () => {
        await this.connection.db!.admin().ping();
        return { ok: true };
      },
    });
  }
}
