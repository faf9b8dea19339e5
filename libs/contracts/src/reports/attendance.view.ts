import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DelegationPartyView, DELEGATION_STATES } from '../participants/delegation.view.js';
import type { DelegationState } from '../participants/delegation.view.js';
import { EVENT_STATES } from '../events/event-enums.js';
import type { EventState } from '../events/event-enums.js';

export class AttendanceEventView {
  @ApiProperty({ example: 'Meeting of representatives of member states of the Almaty Process' })
  title: string;

  @ApiProperty({ enum: EVENT_STATES })
  state: EventState;

  @ApiProperty({ example: '2014-11-21T09:00:00+06:00' })
  startsAt: string;

  @ApiProperty({ example: '2014-11-21T18:00:00+06:00' })
  endsAt: string;

  @ApiProperty({ example: 'Asia/Almaty' })
  timeZone: string;
}

export class AttendingDelegationView {
  @ApiProperty({ example: '0192f0c4-7a2b-7c3d-8e4f-5a6b7c8d9e0f' })
  delegationId: string;

  @ApiProperty({ type: DelegationPartyView })
  party: DelegationPartyView;

  @ApiProperty({ enum: DELEGATION_STATES })
  state: DelegationState;

  @ApiProperty({ example: '2014-11-03T10:15:00.000Z' })
  registeredAt: string;
}

export class AttendanceTotalsView {
  @ApiProperty({ example: 8, description: 'Delegations registered and not withdrawn.' })
  delegations: number;
}

/** Who takes part in a meeting, as the reports service has compiled it from messages. */
export class AttendanceView {
  @ApiProperty({ example: '0192f0c4-5b1e-7d3a-9f10-6a1d2e3c4b5a' })
  eventId: string;

  @ApiPropertyOptional({
    type: AttendanceEventView,
    description: 'Absent until the event message has arrived.',
  })
  event?: AttendanceEventView;

  @ApiProperty({ type: [AttendingDelegationView] })
  delegations: AttendingDelegationView[];

  @ApiProperty({ type: AttendanceTotalsView })
  totals: AttendanceTotalsView;
}
