import { createHash } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { correlationIdOf } from './correlation.middleware.js';
import type { ErrorResponse } from './error-response.js';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * A token bucket per caller: `perMinute` writes a minute, in bursts of up to as many. Reads are
 * never limited. The caller is the bearer token (hashed, never kept), else the client address.
 */
export class WriteRateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one write from the caller's bucket: 0 when allowed, else the seconds until the next one is. */
  take(caller: string): number {
    const now = this.now();
    const ratePerMs = this.perMinute / 60_000;
    const bucket = this.buckets.get(caller) ?? { tokens: this.perMinute, updatedAt: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.updatedAt) * ratePerMs);
    bucket.updatedAt = now;
    this.buckets.set(caller, bucket);
    if (this.buckets.size > 10_000) this.forgetFull(now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - bucket.tokens) / ratePerMs / 1000);
  }

  /** Buckets that have refilled carry no information: drop them so memory stays bounded. */
  private forgetFull(now: number): void {
    const ratePerMs = this.perMinute / 60_000;
    for (const [caller, bucket] of this.buckets)
      if (bucket.tokens + (now - bucket.updatedAt) * ratePerMs >= this.perMinute) this.buckets.delete(caller);
  }
}

export function callerOf(request: Request): string {
  const authorization = request.header('authorization');
  return authorization
    ? `token:${createHash('sha256').update(authorization).digest('base64url')}`
    : `address:${request.ip}`;
}

/** 429 with Retry-After once a caller has used up its writes; `perMinute` 0 turns the limit off. */
export function writeRateLimit(perMinute: number) {
  const limiter = new WriteRateLimiter(perMinute);
  return (request: Request, response: Response, next: NextFunction): void => {
    if (perMinute <= 0 || !WRITES.has(request.method)) return next();
    const retryAfter = limiter.take(callerOf(request));
    if (retryAfter === 0) return next();
    const body: ErrorResponse = {
      statusCode: 429,
      code: 'TOO_MANY_WRITES',
      message: `This token has made more than ${perMinute} changes in a minute; try again in ${retryAfter} s.`,
      correlationId: correlationIdOf(request),
    };
    response.setHeader('Retry-After', String(retryAfter));
    response.status(429).json(body);
  };
}
