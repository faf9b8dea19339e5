import { describe, expect, it } from '@jest/globals';
import { BadRequestException, NotFoundException, type ArgumentsHost } from '@nestjs/common';
import { createLogger } from '@plenary/observability';
import { AppException } from './app-exception.js';
import { HttpErrorFilter } from './http-error.filter.js';

function respond(exception: unknown) {
  const sent: { status?: number; body?: Record<string, unknown>; headers: Record<string, string> } = {
    headers: {},
  };
  const response = {
    setHeader: (name: string, value: string) => void (sent.headers[name] = value),
    status(code: number) {
      sent.status = code;
      return this;
    },
    json: (body: Record<string, unknown>) => void (sent.body = body),
  };
  const request = { correlationId: 'corr-1', method: 'POST', originalUrl: '/x' };
  const host = {
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }),
  } as unknown as ArgumentsHost;
  new HttpErrorFilter(createLogger('test', 'silent')).catch(exception, host);
  return sent;
}

describe('HttpErrorFilter', () => {
  it('answers an AppException with its status, code, message and field errors', () => {
    const sent = respond(new AppException(409, 'DELEGATION_EXISTS', 'Kazakhstan already has a delegation.'));
    expect(sent.status).toBe(409);
    expect(sent.body).toEqual({
      statusCode: 409,
      code: 'DELEGATION_EXISTS',
      message: 'Kazakhstan already has a delegation.',
      correlationId: 'corr-1',
    });
  });

  it('names invalid JSON as such', () => {
    const cause = Object.assign(new SyntaxError('Unexpected token'), {
      status: 400,
      type: 'entity.parse.failed',
    });
    const sent = respond(new BadRequestException('Unexpected token', { cause }));
    expect(sent.body).toMatchObject({ statusCode: 400, code: 'INVALID_JSON' });
  });

  it('gives Nest exceptions a code from their status', () => {
    expect(respond(new NotFoundException('Cannot GET /nowhere')).body).toMatchObject({
      statusCode: 404,
      code: 'NOT_FOUND',
    });
  });

  it('turns a store outage into a 503 with Retry-After, changing nothing', () => {
    const outage = Object.assign(new Error('Server selection timed out'), {
      name: 'MongoServerSelectionError',
    });
    const sent = respond(outage);
    expect(sent.status).toBe(503);
    expect(sent.headers['Retry-After']).toBe('5');
    expect(sent.body).toMatchObject({ code: 'STORE_UNAVAILABLE' });
  });

  it('hides the details of an unexpected error', () => {
    const sent = respond(new TypeError("Cannot read properties of undefined (reading 'secret')"));
    expect(sent.status).toBe(500);
    expect(sent.body).toMatchObject({ code: 'INTERNAL_ERROR', correlationId: 'corr-1' });
    expect(JSON.stringify(sent.body)).not.toContain('secret');
  });
});
