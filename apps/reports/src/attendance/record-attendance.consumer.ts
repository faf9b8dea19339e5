import { Controller } from '@nestjs/common';
import { type MessageOf, PARTICIPANT_VIEW_MESSAGE_TYPES } from '@plenary/contracts';
import { IdempotentByVersion, OnMessages } from '@plenary/messaging';
import { AttendanceService } from './attendance.service.js';

/**
 * Compiles each meeting's attendance from the participants topic, many messages at a time (a
 * fresh service rebuilds from the whole topic). Version-guarded copies: a redelivery changes
 * nothing, so no inbox is kept for these messages.
 */
@Controller()
export class RecordAttendanceConsumer {
  constructor(private readonly attendance: AttendanceService) {}

  @OnMessages('delegation.registered', 'delegation.updated', 'delegation.withdrawn')
  @IdempotentByVersion()
  async recordDelegations(messages: MessageOf<'delegation.registered'>[]): Promise<void> {
    await this.attendance.recordDelegations(messages.map((message) => message.data.delegation));
  }

  @OnMessages(...PARTICIPANT_VIEW_MESSAGE_TYPES)
  @IdempotentByVersion()
  async recordParticipants(messages: MessageOf<'participant.registered'>[]): Promise<void> {
    await this.attendance.recordParticipants(messages.map((message) => message.data.participant));
  }
}
