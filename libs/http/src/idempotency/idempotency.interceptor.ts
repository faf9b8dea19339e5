import {
  type CallHandler,
  type ExecutionContext,
  HttpStatus,
  Inject,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { LOGGER, type Logger } from '@plenary/observability';
import type { Request, Response } from 'express';
import { from, type Observable, of } from 'rxjs';
import { catchError, mergeMap } from 'rxjs/operators';
import { AppException } from '../app-exception.js';
import { idempotencyRecordId, parseIdempotencyKey, requestFingerprint } from './idempotency-key.js';
import { IdempotencyStore, type StoredResponse } from './idempotency-store.js';

interface WithPrincipal {
  principal?: { subject: string; role: string; eventId?: string; party?: string };
}

/** The headers of a creation that a client relies on, answered again with the first response. */
const REPLAYED_HEADERS = ['location', 'etag', 'content-type'] as const;

/** Set on an answer that is the stored first response to the key, not a new execution. */
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';

/**
 * Idempotency-Key on a POST that creates something (see Idempotent): the same key and body
 * from the same caller get the first response again, with no second effect; another body with
 * that key gets 422; a request arriving while the first is still being handled gets 409 (retry
 * shortly). Only successful responses are kept: a refused request changed nothing, so it frees
 * the key and its retry runs again.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly store: IdempotencyStore,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request & WithPrincipal>();
    const response = http.getResponse<Response>();
    const key = parseIdempotencyKey(request.headers['idempotency-key']);
    if (key === undefined) return next.handle();
    const principal = request.principal;
    // The same person under another role or for another party is another caller.
    const caller = principal
      ? [principal.role, principal.subject, principal.eventId ?? '', principal.party ?? ''].join('|')
      : '';
    const id = idempotencyRecordId(caller, key);
    const fingerprint = requestFingerprint(request.method, request.originalUrl, request.body);

    return from(this.store.claim(id, fingerprint)).pipe(
      mergeMap((claimed) => {
        switch (claimed.outcome) {
          case 'replay':
            return of(this.replay(response, claimed.response));
          case 'other-request':
            throw new AppException(
              HttpStatus.UNPROCESSABLE_ENTITY,
              'IDEMPOTENCY_KEY_REUSED',
              'This Idempotency-Key was already used for a different request (another body or path). Use a new key for a new request.',
              [{ field: 'Idempotency-Key', messages: ['was already used for a different request'] }],
            );
          case 'in-progress':
            response.setHeader('Retry-After', '1');
            throw new AppException(
              HttpStatus.CONFLICT,
              'IDEMPOTENCY_KEY_IN_PROGRESS',
              'A request with this Idempotency-Key is still in progress; retry in a moment to get its response.',
            );
          case 'claimed':
            return next.handle().pipe(
              mergeMap(async (body: unknown) => {
                await this.remember(id, claimed.claim, response, body);
                return body;
              }),
              catchError(async (error: unknown) => {
                await this.store.release(id, claimed.claim).catch(() => undefined);
                throw error;
              }),
            );
        }
      }),
    );
  }

  private replay(response: Response, stored: StoredResponse): unknown {
    response.status(stored.status);
    for (const [name, value] of Object.entries(stored.headers)) response.setHeader(name, value);
    response.setHeader(IDEMPOTENT_REPLAYED_HEADER, 'true');
    return stored.body === undefined ? undefined : (JSON.parse(stored.body) as unknown);
  }

  private async remember(id: string, claim: string, response: Response, body: unknown): Promise<void> {
    const headers: Record<string, string> = {};
    for (const name of REPLAYED_HEADERS) {
      const value = response.getHeader(name);
      if (value !== undefined) headers[name] = String(value);
    }
    try {
      await this.store.complete(id, claim, {
        status: response.statusCode,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (error) {
      // The work is done and answered; a retry meanwhile gets 409 until the key's lease ends.
      this.logger.warn({ err: error }, 'idempotency: the response could not be stored for its key');
    }
  }
}
