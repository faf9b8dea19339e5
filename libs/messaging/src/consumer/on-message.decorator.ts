import { EventPattern } from '@nestjs/microservices';
import type { MessageType } from '@plenary/contracts';

/**
 * Handles one or more message types from the contract. The method receives MessageOf<T>: the
 * envelope with the validated payload. Delivery is at least once; a redelivered id is dropped
 * before the handler runs, and a handler that keeps failing sends the message to the
 * dead-letter topic.
 */
export function OnMessage(...types: [MessageType, ...MessageType[]]): MethodDecorator {
  return EventPattern(types) as MethodDecorator;
}
