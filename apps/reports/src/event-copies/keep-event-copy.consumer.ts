import { Controller } from '@nestjs/common';
import type { MessageOf } from '@plenary/contracts';
import { OnMessage } from '@plenary/messaging';
import { EventCopiesService } from './event-copies.service.js';

/** Keeps the local copy of each meeting current from the events topic. */
@Controller()
export class KeepEventCopyConsumer {
  constructor(private readonly copies: EventCopiesService) {}

  @OnMessage('event.created')
  async onEventCreated(message: MessageOf<'event.created'>): Promise<void> {
    await this.copies.apply(message.data.event);
  }
}
