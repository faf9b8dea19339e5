import { describe, expect, it } from '@jest/globals';
import type { CallHandler, ExecutionContext } from '@nestjs/common';
import { of } from 'rxjs';
import { WriteRateLimiter, WriteRateLimitInterceptor } from './write-rate-limit.js';

describe('WriteRateLimiter', () => {
  it('allows a burst of the limit, then refills at the limit per minute', () => {
    let now = 0;
    const limiter = new WriteRateLimiter(3, () => now);
    expect([1, 2, 3].map(() => limiter.take('a'))).toEqual([0, 0, 0]);
    expect(limiter.take('a')).toBe(20); // one write every 20 s
    expect(limiter.take('b')).toBe(0); // each caller has its own bucket
    now += 20_000;
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBeGreaterThan(0);
  });
});

describe('WriteRateLimitInterceptor', () => {
  const next: CallHandler = { handle: () => of('done') };
  const call = (
    interceptor: WriteRateLimitInterceptor,
    request: { method: string; ip: string; principal?: { subject: string } },
  ) => {
    const headers: Record<string, string> = {};
    const response = { setHeader: (name: string, value: string) => void (headers[name] = value) };
    const context = {
      getType: () => 'http',
      switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }),
    } as unknown as ExecutionContext;
    try {
      interceptor.intercept(context, next);
      return { status: 200, headers };
    } catch (error) {
      return { status: (error as { getStatus(): number }).getStatus(), headers, error };
    }
  };

  it('counts per authenticated subject, whatever the header looked like, and never reads', () => {
    const interceptor = new WriteRateLimitInterceptor(2);
    const alice = { subject: 'alice' };
    expect(call(interceptor, { method: 'POST', ip: '10.0.0.1', principal: alice }).status).toBe(200);
    expect(call(interceptor, { method: 'PATCH', ip: '10.0.0.2', principal: alice }).status).toBe(200);
    const refused = call(interceptor, { method: 'DELETE', ip: '10.0.0.3', principal: alice });
    expect(refused.status).toBe(429);
    expect(refused.headers['Retry-After']).toBe('30');
    expect(refused.error).toMatchObject({
      code: 'TOO_MANY_WRITES',
      message: 'This token has made more than 2 changes in a minute; try again in 30 s.',
    });
    expect(call(interceptor, { method: 'GET', ip: '10.0.0.1', principal: alice }).status).toBe(200);
    expect(call(interceptor, { method: 'POST', ip: '10.0.0.1', principal: { subject: 'bob' } }).status).toBe(
      200,
    );
  });

  it('counts a public route by address, and does nothing when the limit is 0', () => {
    const interceptor = new WriteRateLimitInterceptor(1);
    expect(call(interceptor, { method: 'POST', ip: '10.0.0.9' }).status).toBe(200);
    expect(call(interceptor, { method: 'POST', ip: '10.0.0.9' }).error).toMatchObject({
      message: expect.stringContaining('This address has made more than 1 change'),
    });
    const off = new WriteRateLimitInterceptor(0);
    for (let i = 0; i < 5; i++) expect(call(off, { method: 'POST', ip: '10.0.0.9' }).status).toBe(200);
  });
});
