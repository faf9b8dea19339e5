import { Controller } from '@nestjs/common';
import type { EventView, MessageOf } from '@plenary/contracts';
import { OnMessage } from '@plenary/messaging';
import { DelegationsService } from './delegations.service.js';
import { MeetingReactions } from './meeting-reactions.service.js';

/**
 * A cancelled meeting cancels its delegations; a postponed one gives them a notice. Each
 * reaction happens once per meeting version, and never for a version older than or equal to
 * one already reacted to: a re-driven old event.postponed (a new message id, so the inbox does
 * not know it) would otherwise put the old dates back in every delegation's notice.
 * Recorded after the reaction: a crash in between reacts again to the same version, which
 * changes nothing (delegations already in that state are left alone).
 */
@Controller()
export class ReactToMeetingChangesConsumer {
  constructor(
    private readonly delegations: DelegationsService,
    private readonly reactions: MeetingReactions,
  ) {}

  @OnMessage('event.cancelled')
  async cancelDelegationsWhenMeetingIsCancelled(message: MessageOf<'event.cancelled'>): Promise<void> {
    await this.reactOnce(message.data.event, 'event.cancelled');
  }

  @OnMessage('event.postponed')
  async noticeDelegationsWhenMeetingIsPostponed(message: MessageOf<'event.postponed'>): Promise<void> {
    await this.reactOnce(message.data.event, 'event.postponed');
  }

  private async reactOnce(event: EventView, type: 'event.cancelled' | 'event.postponed'): Promise<void> {
    if (!(await this.reactions.isNew(event.id, event.version))) return;
    await this.delegations.reactToMeeting(event, type);
    await this.reactions.reacted(event.id, event.version, type);
  }
}
