import { describe, expect, it } from '@jest/globals';
import { BadRequestException, NotFoundException, type ArgumentsHost } from '@nestjs/common';
import { createLogger } from '@plenary/observability';
import { AppException } from './app-exception.js';
import { HttpErrorFilter } from './http-error.filter.js';

function respond(exception: unknown, headersBefore: Record<string, string> = {}, headersSent = false) {
  const sent: {
    status?: number;
    body?: Record<string, unknown>;
    headers: Record<string, string>;
    destroyed?: boolean;
  } = { headers: { ...headersBefore } };
  const response = {
    headersSent,
    setHeader: (name: string, value: string) => void (sent.headers[name] = value),
    removeHeader: (name: string) => void delete sent.headers[name],
    status(code: number) {
      sent.status = code;
      return this;
    },
    json: (body: Record<string, unknown>) => void (sent.body = body),
    destroy: () => void (sent.destroyed = true),
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

  it('labels the error JSON though the handler had set a file type and name before failing', () => {
    const sent = respond(new AppException(403, 'FORBIDDEN', 'Not your delegation.'), {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="participants.csv"',
    });
    expect(sent.status).toBe(403);
    expect(sent.headers).toEqual({ 'Content-Type': 'application/json; charset=utf-8' });
    expect(sent.body).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('cuts the connection when a file failed after its headers were sent', () => {
    const sent = respond(new Error('the PDF stream broke'), { 'Content-Type': 'application/pdf' }, true);
    expect(sent.destroyed).toBe(true);
    expect(sent.body).toBeUndefined();
  });
});
