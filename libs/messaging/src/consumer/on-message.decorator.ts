import { EventPattern } from '@nestjs/microservices';
import type { MessageType } from '@plenary/contracts';

/**
 * Handles one message type from the contract. The method receives MessageOf<T>: the envelope
 * with the validated payload. Delivery is at least once; a redelivered id is dropped before
 * the handler runs, and a handler that keeps failing sends the message to the dead-letter topic.
 */
export function OnMessage(type: MessageType): MethodDecorator {
  return EventPattern(type) as MethodDecorator;
}
