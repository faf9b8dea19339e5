import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorResponse } from './error-response.js';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid request: one entry per bad field in `errors`.',
  401: 'Missing, expired or invalid bearer token.',
  403: 'The token does not allow this.',
  404: 'Not found.',
  409: 'Refused in the current state; the message says why.',
  412: 'The resource changed since it was read (If-Match).',
  503: 'The store is unreachable, or (PDFs) every renderer is busy; nothing was changed. Retry after Retry-After.',
};

/** Documents the error responses of an endpoint with the shared ErrorResponse body. */
export function ApiErrors(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...[...new Set([...statuses, 401, 503])].map((status) =>
      ApiResponse({ status, description: DESCRIPTIONS[status] ?? 'Error.', type: ErrorResponse }),
    ),
  );
}
