import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import type { Logger } from '@plenary/observability';
import { isStoreUnavailableError } from '@plenary/persistence';
import type { Request, Response } from 'express';
import { AppException } from './app-exception.js';
import type { ErrorResponse } from './error-response.js';
import { correlationIdOf, loggedPath } from './correlation.middleware.js';

const CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  412: 'PRECONDITION_FAILED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  428: 'PRECONDITION_REQUIRED',
  429: 'TOO_MANY_REQUESTS',
};

/** Errors raised by the body parser before Nest sees the request. */
function bodyParserError(exception: unknown): { status: number; type: string } | undefined {
  const e = exception as { status?: number; type?: string; statusCode?: number };
  return typeof e?.type === 'string' && typeof (e.status ?? e.statusCode) === 'number'
    ? { status: (e.status ?? e.statusCode)!, type: e.type }
    : undefined;
}

/**
 * Every HTTP error leaves as one JSON shape (ErrorResponse) with a stable code. Store outages
 * become 503 with Retry-After; anything unexpected becomes a 500 that is logged in full but
 * reveals nothing.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const body = this.toBody(exception, request);
    if (response.headersSent) {
      // A file that failed while being sent: its status is gone, so cutting the connection is
      // the only way left to tell the client that what it got is incomplete.
      response.destroy();
      return;
    }
    if (body.statusCode === HttpStatus.SERVICE_UNAVAILABLE) response.setHeader('Retry-After', '5');
    // A handler of a CSV, calendar or PDF may have set its media type (and a download's file
    // name) before failing; res.json() keeps a Content-Type already set, so the error would be
    // labelled, or saved, as the file. The error is JSON, and says so.
    response.removeHeader('Content-Disposition');
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown, request: Request): ErrorResponse {
    const correlationId = correlationIdOf(request);
    if (exception instanceof AppException) {
      return {
        statusCode: exception.getStatus(),
        code: exception.code,
        message: exception.message,
        ...(exception.errors ? { errors: exception.errors } : {}),
        correlationId,
      };
    }
    // Express' body parser errors arrive wrapped in an HttpException (its cause) or raw.
    const parserError = bodyParserError(exception instanceof HttpException ? exception.cause : exception);
    if (parserError?.type === 'entity.parse.failed') {
      return {
        statusCode: 400,
        code: 'INVALID_JSON',
        message: 'The request body is not valid JSON.',
        correlationId,
      };
    }
    if (parserError?.type === 'entity.too.large') {
      return {
        statusCode: 413,
        code: 'PAYLOAD_TOO_LARGE',
        message: 'The request body is too large.',
        correlationId,
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const payload = exception.getResponse();
      const message =
        typeof payload === 'string'
          ? payload
          : Array.isArray((payload as { message?: unknown }).message)
            ? (payload as { message: string[] }).message.join('; ')
            : String((payload as { message?: unknown }).message ?? exception.message);
      return { statusCode: status, code: CODES[status] ?? `HTTP_${status}`, message, correlationId };
    }
    if (parserError && parserError.status < 500) {
      return {
        statusCode: parserError.status,
        code: CODES[parserError.status] ?? 'BAD_REQUEST',
        message: 'The request body could not be read.',
        correlationId,
      };
    }
    if (isStoreUnavailableError(exception)) {
      this.logger.warn({ err: exception, correlationId }, 'store unavailable');
      return {
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        code: 'STORE_UNAVAILABLE',
        message: 'The service cannot reach its database right now; nothing was changed. Try again shortly.',
        correlationId,
      };
    }
    this.logger.error(
      { err: exception, correlationId, method: request.method, url: loggedPath(request.originalUrl) },
      'unhandled error',
    );
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      code: 'INTERNAL_ERROR',
      message: 'Something went wrong on our side. The error is logged under this correlation id.',
      correlationId,
    };
  }
}
