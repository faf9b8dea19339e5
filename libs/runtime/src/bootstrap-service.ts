import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ConfigError, loadConfig, type ServiceConfig } from '@plenary/config';
import {
  correlationMiddleware,
  createValidationPipe,
  HttpErrorFilter,
  RequestContextInterceptor,
  securityHeaders,
  serveOpenApi,
  WriteRateLimitInterceptor,
  type OpenApiOptions,
} from '@plenary/http';
import { KafkaServerFactory } from '@plenary/messaging';
import { LOGGER, NestPinoLogger, type Logger } from '@plenary/observability';

export interface BootstrapOptions {
  module: new (...args: never[]) => unknown;
  config: new () => ServiceConfig;
  openApi: OpenApiOptions;
}

export interface RunningService {
  app: INestApplication;
  url: string;
  stop(): Promise<void>;
}

/**
 * Creates and starts a service as a hybrid Nest app: the HTTP API and the Kafka transport in
 * one process. Used by each app's main.ts and by tests that run an app in-process.
 */
export async function startService(options: BootstrapOptions): Promise<RunningService> {
  const config = loadConfig(options.config); // fails with every bad variable named, before anything starts
  const app = await NestFactory.create<NestExpressApplication>(options.module, {
    bufferLogs: true,
    bodyParser: false,
  });
  const logger = app.get<Logger>(LOGGER);
  app.useLogger(new NestPinoLogger(logger));
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(correlationMiddleware(logger));
  app.use(securityHeaders());
  app.useBodyParser('json', { limit: config.HTTP_BODY_LIMIT });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpErrorFilter(logger));
  // After the guards (interceptors always are): keyed by the authenticated caller, never before a 401.
  app.useGlobalInterceptors(
    new WriteRateLimitInterceptor(config.HTTP_WRITE_RATE_LIMIT),
    new RequestContextInterceptor(),
  );
  if (config.CORS_ORIGINS?.length) {
    app.enableCors({
      origin: config.CORS_ORIGINS,
      exposedHeaders: ['ETag', 'X-Correlation-Id', 'Location', 'Idempotent-Replayed', 'Retry-After'],
    });
  }
  serveOpenApi(app, options.openApi);

  app.connectMicroservice({ strategy: app.get(KafkaServerFactory).create() });
  await app.startAllMicroservices();
  await app.listen(config.HTTP_PORT, config.HTTP_HOST);
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1').replace('0.0.0.0', '127.0.0.1');
  logger.info({ url }, `${config.service} service listening`);

  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= shutdown(app, logger, config));
  return { app, url, stop };
}

/** Stops taking requests, drains consumers, flushes the outbox, then closes the store; bounded in time. */
async function shutdown(app: INestApplication, logger: Logger, config: ServiceConfig): Promise<void> {
  const timer = setTimeout(() => {
    logger.error(`shutdown took longer than ${config.SHUTDOWN_TIMEOUT_MS} ms; exiting`);
    process.exit(1);
  }, config.SHUTDOWN_TIMEOUT_MS);
  timer.unref();
  // Requests first: what they write is then in the outbox before the relay's last flush,
  // which runs in app.close() after the consumers have drained.
  const server = app.getHttpServer() as import('node:http').Server;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections?.();
  await closed;
  await app.close();
  clearTimeout(timer);
  logger.info('stopped');
}

/** main.ts of every app: start, stop cleanly on SIGTERM/SIGINT, exit with a clear message on bad config. */
export async function runService(options: BootstrapOptions): Promise<void> {
  let service: RunningService;
  try {
    service = await startService(options);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
    } else {
      process.stderr.write(`failed to start: ${(error as Error).stack ?? String(error)}\n`);
    }
    process.exit(1);
  }
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      void service.stop().then(() => process.exit(0));
    });
  }
}
