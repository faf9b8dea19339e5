import { Global, Module } from '@nestjs/common';
import { ServiceConfig } from '@plenary/config';
import type { Logger } from 'pino';
import { HealthRegistry } from './health-registry.js';
import { createLogger } from './logger.js';

/** Injection token of the service's pino logger. */
export const LOGGER = Symbol('plenary:logger');
export type { Logger };

@Global()
@Module({
  providers: [
    {
      provide: LOGGER,
      inject: [ServiceConfig],
      useFactory: (c: ServiceConfig) => createLogger(c.service, c.LOG_LEVEL),
    },
    HealthRegistry,
  ],
  exports: [LOGGER, HealthRegistry],
})
export class ObservabilityModule {}
