import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { RequestContext } from '@plenary/observability';
import type { Request } from 'express';
import { Observable } from 'rxjs';
import { correlationIdOf, requestIdOf } from './correlation.middleware.js';

interface WithPrincipal {
  principal?: { subject: string; role: string };
}

/**
 * Runs the route handler inside the request's context (correlation id, request id as the
 * cause, the authenticated actor), so messages written by it carry them.
 */
@Injectable()
export class RequestContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request & WithPrincipal>();
    const requestId = requestIdOf(request) ?? '';
    const principal = request.principal;
    const data = {
      correlationId: correlationIdOf(request) ?? requestId,
      causationId: requestId,
      ...(principal ? { actor: { id: principal.subject, role: principal.role } } : {}),
    };
    return new Observable((subscriber) =>
      RequestContext.run(data, () => next.handle().subscribe(subscriber)),
    );
  }
}
