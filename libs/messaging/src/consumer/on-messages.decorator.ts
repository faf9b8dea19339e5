import { applyDecorators, UseFilters } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import type { MessageType } from '@plenary/contracts';
import { HANDLER_EXTRAS } from './handler-kinds.js';
import { PassErrorsToTransport } from './pass-errors-to-transport.filter.js';

/**
 * Handles message types in batches: the method receives an array, MessageOf<T>[], of the
 * consecutive messages of these types from one partition's batch, in their order (one
 * message when a message of its types also has another handler). For projections that write
 * many copies in one store command (upsertManyIfNewer), which costs far less than one command
 * per message. The messages arrive as @OnMessage's do (decoded, validated, redeliveries
 * dropped unless the method is also @IdempotentByVersion). A batch that keeps failing is
 * retried with backoff, then its messages are handed over one at a time (each in an array of
 * one, with its own attempts), so that only a bad message goes to the dead-letter topic: the
 * method must therefore be idempotent for a message applied twice.
 */
export function OnMessages(...types: [MessageType, ...MessageType[]]): MethodDecorator {
  return applyDecorators(
    EventPattern(types, { [HANDLER_EXTRAS.batch]: true }),
    UseFilters(new PassErrorsToTransport()),
  );
}
