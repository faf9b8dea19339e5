import { PATTERN_EXTRAS_METADATA } from '@nestjs/microservices/constants.js';
import { HANDLER_EXTRAS } from './handler-kinds.js';

/**
 * Declares that an @OnMessage or @OnMessages handler's effect is idempotent by itself: a
 * projection that keeps the source's version and changes only when a message is newer
 * (upsertIfNewer, upsertManyIfNewer). The consumer then makes no inbox read or write for its
 * messages: a redelivery (same id, same content) is applied again and changes nothing.
 * Only for such handlers: one that reacts (changes other records, publishes, counts) stays
 * without it, behind the inbox. A message type with any handler not so marked keeps the inbox.
 * Placed above or below the @OnMessage decorator alike.
 */
export function IdempotentByVersion(): MethodDecorator {
  return (_target, _key, descriptor) => {
    const method = descriptor.value as object;
    Reflect.defineMetadata(
      PATTERN_EXTRAS_METADATA,
      {
        ...(Reflect.getMetadata(PATTERN_EXTRAS_METADATA, method) as object),
        [HANDLER_EXTRAS.idempotent]: true,
      },
      method,
    );
    return descriptor;
  };
}
