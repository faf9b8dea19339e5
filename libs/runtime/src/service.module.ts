import { type DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@plenary/auth';
import { ConfigModule, type ServiceConfig } from '@plenary/config';
import { IdempotencyModule } from '@plenary/http';
import { MessagingModule, type MessagingOptions } from '@plenary/messaging';
import { ObservabilityModule } from '@plenary/observability';
import { PersistenceModule } from '@plenary/persistence';
import { Clock } from './clock.js';
import { AsyncApiController } from './asyncapi.controller.js';
import { HealthController } from './health.controller.js';

export interface ServiceModuleOptions {
  config: new () => ServiceConfig;
  messaging: MessagingOptions;
}

/** The plumbing every Plenary service has: config, logs, health, its database, Kafka, auth, Idempotency-Key. */
@Module({})
export class ServiceModule {
  static forRoot(options: ServiceModuleOptions): DynamicModule {
    return {
      module: ServiceModule,
      imports: [
        ConfigModule.forRoot(options.config),
        ObservabilityModule,
        PersistenceModule,
        MessagingModule.forRoot(options.messaging),
        AuthModule,
        IdempotencyModule,
      ],
      controllers: [HealthController, AsyncApiController],
      providers: [Clock],
      exports: [Clock],
      global: true,
    };
  }
}
