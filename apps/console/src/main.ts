import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ConfigError, loadConfig } from '@plenary/config';
import { correlationMiddleware, HttpErrorFilter, securityHeaders } from '@plenary/http';
import { LOGGER, NestPinoLogger, type Logger } from '@plenary/observability';
import { IMPORT_MAX_BYTES } from '@plenary/contracts';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response } from 'express';
import { fileURLToPath } from 'node:url';
import { AppModule } from './app.module.js';
import { clientFiles } from './client-files/client-files.js';
import { ConsoleConfig } from './console.config.js';

/** Where a coordinator uploads a file of people (POST /delegations/:id/participant-imports). */
const IMPORT_UPLOAD_PATH = /^\/api\/participants\/delegations\/[^/]+\/participant-imports$/;

/** Where `npm run build` puts the web client, relative to this file in dist/. */
const BUILT_CLIENT = fileURLToPath(new URL('../../../console-client', import.meta.url));

async function start(): Promise<void> {
  const config = loadConfig(ConsoleConfig);
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    bufferLogs: true,
    bodyParser: false,
  });
  const logger = app.get<Logger>(LOGGER);
  app.useLogger(new NestPinoLogger(logger));
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(correlationMiddleware(logger));
  app.use(securityHeaders());
  app.use(cookieParser());
  // Bodies are forwarded as they came: the service they are meant for validates them. A file of
  // people for a bulk import may be larger than any JSON body, up to the limit that service takes.
  const importFile = express.raw({ type: () => true, limit: IMPORT_MAX_BYTES });
  app.use((request: Request, response: Response, next: NextFunction) =>
    request.method === 'POST' && IMPORT_UPLOAD_PATH.test(request.path)
      ? importFile(request, response, next)
      : next(),
  );
  app.use('/api', express.raw({ type: () => true, limit: config.HTTP_BODY_LIMIT }));
  app.useGlobalFilters(new HttpErrorFilter(logger));
  app.use(...clientFiles(config.CONSOLE_CLIENT_DIR ?? BUILT_CLIENT));
  await app.listen(config.HTTP_PORT, config.HTTP_HOST);
  logger.info({ url: config.CONSOLE_PUBLIC_URL }, 'console listening');
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      const server = app.getHttpServer() as import('node:http').Server;
      server.closeAllConnections?.(); // open live streams would hold the close forever
      void app.close().then(() => process.exit(0));
    });
  }
}

try {
  await start();
} catch (error) {
  process.stderr.write(
    error instanceof ConfigError
      ? `${error.message}\n`
      : `failed to start: ${(error as Error).stack ?? String(error)}\n`,
  );
  process.exit(1);
}
