import { Controller } from '@nestjs/common';
import type { MessageOf } from '@plenary/contracts';
import { OnMessage } from '@plenary/messaging';
import { DelegationsService } from './delegations.service.js';

/** A cancelled meeting cancels its delegations; a postponed one gives them a notice. */
@Controller()
export class ReactToMeetingChangesConsumer {
  constructor(private readonly delegations: DelegationsService) {}

  @OnMessage('event.cancelled')
  async cancelDelegationsWhenMeetingIsCancelled(message: MessageOf<'event.cancelled'>): Promise<void> {
    await this.delegations.reactToMeeting(message.data.event, 'event.cancelled');
  }

  @OnMessage('event.postponed')
  async noticeDelegationsWhenMeetingIsPostponed(message: MessageOf<'event.postponed'>): Promise<void> {
    await this.delegations.reactToMeeting(message.data.event, 'event.postponed');
  }
}
