import { Controller } from '@nestjs/common';
import type { MessageOf } from '@plenary/contracts';
import { OnMessage } from '@plenary/messaging';
import { AttendanceService } from './attendance.service.js';

/** Compiles each meeting's attendance from the participants topic. */
@Controller()
export class RecordAttendanceConsumer {
  constructor(private readonly attendance: AttendanceService) {}

  @OnMessage('delegation.registered', 'delegation.updated', 'delegation.withdrawn')
  async recordDelegation(message: MessageOf<'delegation.registered'>): Promise<void> {
    await this.attendance.recordDelegation(message.data.delegation);
  }

  @OnMessage(
    'participant.registered',
    'participant.updated',
    'participant.accredited',
    'participant.rejected',
    'participant.checked-in',
    'participant.withdrawn',
  )
  async recordParticipant(message: MessageOf<'participant.registered'>): Promise<void> {
    await this.attendance.recordParticipant(message.data.participant);
  }
}
