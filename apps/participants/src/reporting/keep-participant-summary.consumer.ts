import { Controller } from '@nestjs/common';
import { type MessageOf, PARTICIPANT_VIEW_MESSAGE_TYPES } from '@plenary/contracts';
import { IdempotentByVersion, OnMessages } from '@plenary/messaging';
import { SummaryProjection } from './summary-projection.service.js';

/**
 * The participants service reads its own topic here to keep each meeting's summary: every
 * participant message carries the participant's whole view at a version. Many messages at a
 * time (one summary write per meeting per batch); the projection keeps each contribution at its
 * version and applies only newer ones, so no inbox is kept for these messages.
 */
@Controller()
export class KeepParticipantSummaryConsumer {
  constructor(private readonly projection: SummaryProjection) {}

  @OnMessages(...PARTICIPANT_VIEW_MESSAGE_TYPES)
  @IdempotentByVersion()
  async countParticipants(messages: MessageOf<'participant.registered'>[]): Promise<void> {
    await this.projection.apply(messages);
  }
}
