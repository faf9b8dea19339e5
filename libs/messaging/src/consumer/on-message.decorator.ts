import { applyDecorators, UseFilters } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import type { MessageType } from '@plenary/contracts';
import { PassErrorsToTransport } from './pass-errors-to-transport.filter.js';

/**
 * Handles one or more message types from the contract. The method receives MessageOf<T>: the
 * envelope with the validated payload. Delivery is at least once; a redelivered id is dropped
 * before the handler runs (the inbox; not for a handler marked @IdempotentByVersion, whose
 * version guard does it), and a handler that keeps failing sends the message to the
 * dead-letter topic. @OnMessages takes the messages in batches. The handler's errors reach PlenaryKafkaServer as they were thrown (a hybrid
 * app's consumer cannot take global filters: it is initialised when connected).
 */
export function OnMessage(...types: [MessageType, ...MessageType[]]): MethodDecorator {
  return applyDecorators(EventPattern(types), UseFilters(new PassErrorsToTransport()));
}
