import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Principal } from '@plenary/auth';
import { from, type Observable } from 'rxjs';
import { mergeMap } from 'rxjs/operators';
import { designationsApply, rememberDesignatedParties } from '../access/party-access.js';
import { CoordinatorDesignationsService } from './coordinator-designations.service.js';

/**
 * Before a signed-in coordinator's request reaches its handler, reads the parties their verified
 * email is designated for (one read), so that every access decision of the request
 * (party-access.ts, synchronous at its many call sites) sees them without a read of its own.
 * Read again on every request: a revocation takes effect at once, whichever instance serves it.
 * Global interceptors run after the auth guard (which sets the principal) and before the
 * route's own (Idempotency-Key).
 */
@Injectable()
export class DesignatedPartiesInterceptor implements NestInterceptor {
  constructor(private readonly designations: CoordinatorDesignationsService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const principal = context.switchToHttp().getRequest<{ principal?: Principal }>().principal;
    if (!principal || !designationsApply(principal)) return next.handle();
    return from(this.designations.activePartiesOf(principal.email!)).pipe(
      mergeMap((parties) => {
        rememberDesignatedParties(principal, parties);
        return next.handle();
      }),
    );
  }
}
