import {
  type CallHandler,
  type ExecutionContext,
  HttpStatus,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Observable } from 'rxjs';
import { AppException } from './app-exception.js';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** What the auth guard leaves on a request it has let through (libs/auth depends on this lib, not the reverse). */
interface WithPrincipal {
  principal?: { subject: string };
}

/**
 * A token bucket per caller: `perMinute` writes a minute, in bursts of up to as many. Reads are
 * never limited.
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

/**
 * The caller is the authenticated subject, so that every spelling of one token's Authorization
 * header ("bearer", a tab, two spaces), and every token of one person, share a bucket. A public
 * route has no principal: its caller is the client address.
 */
export function callerOf(request: Request): string {
  const principal = (request as Request & WithPrincipal).principal;
  return principal ? `subject:${principal.subject}` : `address:${request.ip}`;
}

/**
 * 429 with Retry-After once a caller has used up its writes; `perMinute` 0 turns the limit off.
 * An interceptor, because interceptors run after the guards: a request without a valid token
 * gets the auth guard's 401 and takes nothing from anyone's bucket.
 */
@Injectable()
export class WriteRateLimitInterceptor implements NestInterceptor {
  private readonly limiter: WriteRateLimiter;

  constructor(private readonly perMinute: number) {
    this.limiter = new WriteRateLimiter(perMinute);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (this.perMinute <= 0 || context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    if (!WRITES.has(request.method)) return next.handle();
    const caller = callerOf(request);
    const retryAfter = this.limiter.take(caller);
    if (retryAfter === 0) return next.handle();
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(retryAfter));
    const who = caller.startsWith('subject:') ? 'This token' : 'This address';
    throw new AppException(
      HttpStatus.TOO_MANY_REQUESTS,
      'TOO_MANY_WRITES',
      `${who} has made more than ${this.perMinute} changes in a minute; try again in ${retryAfter} s.`,
    );
  }
}
