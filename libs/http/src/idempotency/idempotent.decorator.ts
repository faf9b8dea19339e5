import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import { ErrorResponse } from '../error-response.js';
import { IDEMPOTENCY_KEY_HEADER } from './idempotency-key.js';
import { IdempotencyInterceptor } from './idempotency.interceptor.js';

/**
 * A POST that creates something accepts Idempotency-Key (see IdempotencyInterceptor), and the
 * OpenAPI document says so.
 */
export function Idempotent(): MethodDecorator {
  return applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: IDEMPOTENCY_KEY_HEADER,
      required: false,
      description:
        'A key of your choosing (e.g. a UUID) that makes a retry safe: the same key and body answer the first response again (status, body, Location, ETag; with Idempotent-Replayed: true) and create nothing more. Keys are per caller and kept for IDEMPOTENCY_KEY_RETENTION_HOURS (24 by default).',
      schema: { type: 'string', minLength: 1, maxLength: 255 },
    }),
    ApiResponse({
      status: 409,
      description:
        'Refused in the current state; the message says why. Also: a request with this Idempotency-Key is still in progress (IDEMPOTENCY_KEY_IN_PROGRESS, Retry-After).',
      type: ErrorResponse,
    }),
    ApiResponse({
      status: 422,
      description: 'This Idempotency-Key was already used for a different request (IDEMPOTENCY_KEY_REUSED).',
      type: ErrorResponse,
    }),
  );
}
