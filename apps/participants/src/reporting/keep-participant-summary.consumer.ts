import { Controller } from '@nestjs/common';
import type { MessageOf } from '@plenary/contracts';
import { OnMessage } from '@plenary/messaging';
import { SummaryProjection } from './summary-projection.service.js';

/**
 * The participants service reads its own topic here to keep each meeting's summary: every
 * participant message carries the participant's whole view at a version.
 */
@Controller()
export class KeepParticipantSummaryConsumer {
  constructor(private readonly projection: SummaryProjection) {}

  @OnMessage(
    'participant.registered',
    'participant.updated',
    'participant.accredited',
    'participant.rejected',
    'participant.checked-in',
    'participant.withdrawn',
  )
  async countParticipant(message: MessageOf<'participant.registered'>): Promise<void> {
    await this.projection.apply([message]);
  }
}
