import { redactText, type Logger } from '@plenary/observability';
import type { NextFunction, Request, Response } from 'express';
import { v7 as uuidv7 } from 'uuid';

const SAFE_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** No route is longer; anyone can send a path of many kilobytes, and each would be a log line that size. */
export const LOGGED_PATH_LIMIT = 512;

/**
 * The path as logged: at most LOGGED_PATH_LIMIT characters, marked when cut. Masked before it is
 * cut, so a cut cannot leave the part of an email that the logger would no longer recognise.
 */
export function loggedPath(path: string): string {
  if (path.length <= LOGGED_PATH_LIMIT) return path;
  return `${redactText(path).slice(0, LOGGED_PATH_LIMIT)}… (${path.length} characters)`;
}

interface Correlated {
  correlationId?: string;
  requestId?: string;
}

export function correlationIdOf(request: Request): string | undefined {
  return (request as Request & Correlated).correlationId;
}

export function requestIdOf(request: Request): string | undefined {
  return (request as Request & Correlated).requestId;
}

/**
 * Gives each request an id and a correlation id (taken from X-Correlation-Id when the caller
 * sends one), echoes both in the response, and logs one line per request when it finishes.
 */
export function correlationMiddleware(logger: Logger) {
  const log = logger.child({ component: 'http' });
  return (request: Request, response: Response, next: NextFunction): void => {
    const incoming = request.header('x-correlation-id');
    const requestId = uuidv7();
    const correlationId = incoming && SAFE_ID.test(incoming) ? incoming : requestId;
    Object.assign(request, { correlationId, requestId } satisfies Correlated);
    response.setHeader('X-Correlation-Id', correlationId);
    response.setHeader('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    response.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const entry = {
        correlationId,
        requestId,
        method: request.method,
        path: loggedPath(request.path),
        status: response.statusCode,
        ms,
      };
      // Probes come every few seconds; a not-ready answer is a state, not an error.
      if (request.path.startsWith('/health')) log.debug(entry, 'probe');
      else if (response.statusCode >= 500) log.error(entry, 'request failed');
      else log.info(entry, 'request');
    });
    next();
  };
}
