import { Controller } from '@nestjs/common';
import type { MessageOf } from '@plenary/contracts';
import { OnMessage } from '@plenary/messaging';
import { EventCopiesService } from './event-copies.service.js';

/** Keeps the local copy of each meeting current from the events topic. */
@Controller()
export class KeepEventCopyConsumer {
  constructor(private readonly copies: EventCopiesService) {}

  @OnMessage(
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
  )
  async onEventChanged(message: MessageOf<'event.created'>): Promise<void> {
    await this.copies.apply(message.data.event);
  }

  @OnMessage('event.deleted')
  async onEventDeleted(message: MessageOf<'event.deleted'>): Promise<void> {
    await this.copies.apply(message.data.event, true);
  }
}
