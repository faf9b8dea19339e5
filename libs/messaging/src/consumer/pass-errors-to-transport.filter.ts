import { Catch, type RpcExceptionFilter } from '@nestjs/common';
import { type Observable, throwError } from 'rxjs';

/**
 * Nest's default filter for message handlers turns every unknown error into an opaque
 * `{ status: 'error', message: 'Internal server error' }`. PlenaryKafkaServer needs the error
 * itself: a store outage must pause the partition, not count towards the dead-letter topic.
 */
@Catch()
export class PassErrorsToTransport implements RpcExceptionFilter<unknown> {
  catch(exception: unknown): Observable<never> {
    return throwError(() => exception);
  }
}
