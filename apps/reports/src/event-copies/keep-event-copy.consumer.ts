import { Controller } from '@nestjs/common';
import type { MessageOf } from '@plenary/contracts';
import { IdempotentByVersion, OnMessages } from '@plenary/messaging';
import { EventCopiesService } from './event-copies.service.js';

/**
 * Keeps the local copy of each meeting current from the events topic, many messages at a time.
 * Version-guarded copies: a redelivery changes nothing, so no inbox is kept for them (another
 * handler of the same type that reacts to it keeps the inbox for that type).
 */
@Controller()
export class KeepEventCopyConsumer {
  constructor(private readonly copies: EventCopiesService) {}

  @OnMessages(
    'event.created',
    'event.updated',
    'event.agenda-changed',
    'event.announced',
    'event.registration-opened',
    'event.registration-closed',
    'event.started',
    'event.concluded',
    'event.cancelled',
    'event.postponed',
    'event.deleted',
  )
  @IdempotentByVersion()
  async keepEventCopies(messages: MessageOf<'event.created' | 'event.deleted'>[]): Promise<void> {
    await this.copies.applyAll(
      messages.map((message) => ({ event: message.data.event, deleted: message.type === 'event.deleted' })),
    );
  }
}
