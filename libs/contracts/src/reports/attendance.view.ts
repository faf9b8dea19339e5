import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDateString, IsIn, IsInt, IsOptional, IsString, Min, ValidateNested } from 'class-validator';
import { EVENT_STATES } from '../events/event-enums.js';
import type { EventState } from '../events/event-enums.js';
import { DELEGATION_STATES, DelegationPartyView } from '../participants/delegation.view.js';
import type { DelegationState } from '../participants/delegation.view.js';
import { PersonNameView } from '../participants/participant.view.js';

export class AttendanceEventView {
  @ApiProperty({ example: 'Meeting of representatives of member states of the Almaty Process' })
  @IsString()
  title: string;

  @ApiProperty({ enum: EVENT_STATES })
  @IsIn(EVENT_STATES)
  state: EventState;

  @ApiProperty({ example: '2014-11-21T03:00:00.000Z' })
  @IsDateString()
  startsAt: string;

  @ApiProperty({ example: '2014-11-21T12:00:00.000Z' })
  @IsDateString()
  endsAt: string;

  @ApiProperty({ example: 'Asia/Almaty' })
  @IsString()
  timeZone: string;
}

export class HeadOfDelegationView {
  @ApiProperty({ type: PersonNameView })
  @ValidateNested()
  @Type(() => PersonNameView)
  name: PersonNameView;

  @ApiPropertyOptional({ example: 'Vice-Minister of Healthcare and Social Development' })
  @IsOptional()
  @IsString()
  position?: string;
}

export class AttendanceCountsView {
  @ApiProperty({ example: 3, description: 'Registered and attending (pending or accredited).' })
  @IsInt()
  @Min(0)
  participants: number;

  @ApiProperty({ example: 3 })
  @IsInt()
  @Min(0)
  accredited: number;

  @ApiProperty({ example: 2 })
  @IsInt()
  @Min(0)
  checkedIn: number;
}

export class AttendingDelegationView {
  @ApiProperty({ example: '0192f0c4-7a2b-7c3d-8e4f-5a6b7c8d9e0f' })
  @IsString()
  delegationId: string;

  @ApiProperty({ type: DelegationPartyView })
  @ValidateNested()
  @Type(() => DelegationPartyView)
  party: DelegationPartyView;

  @ApiProperty({ enum: DELEGATION_STATES })
  @IsIn(DELEGATION_STATES)
  state: DelegationState;

  @ApiProperty({ example: '2014-11-03T10:15:00.000Z' })
  @IsDateString()
  registeredAt: string;

  @ApiPropertyOptional({ type: HeadOfDelegationView })
  @IsOptional()
  @ValidateNested()
  @Type(() => HeadOfDelegationView)
  head?: HeadOfDelegationView;

  @ApiProperty({ type: AttendanceCountsView })
  @ValidateNested()
  @Type(() => AttendanceCountsView)
  people: AttendanceCountsView;
}

export class AttendanceTotalsView extends AttendanceCountsView {
  @ApiProperty({
    example: 8,
    description: 'Delegations registered and attending (not withdrawn or cancelled).',
  })
  @IsInt()
  @Min(0)
  delegations: number;
}

/** Who takes part in a meeting, as the reports service has compiled it from messages. */
export class AttendanceView {
  @ApiProperty({ example: '0192f0c4-5b1e-7d3a-9f10-6a1d2e3c4b5a' })
  @IsString()
  eventId: string;

  @ApiPropertyOptional({
    type: AttendanceEventView,
    description: 'Absent until the event message has arrived.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => AttendanceEventView)
  event?: AttendanceEventView;

  @ApiProperty({ type: [AttendingDelegationView], description: 'The parties represented, by name.' })
  @ValidateNested({ each: true })
  @Type(() => AttendingDelegationView)
  delegations: AttendingDelegationView[];

  @ApiProperty({ type: AttendanceTotalsView })
  @ValidateNested()
  @Type(() => AttendanceTotalsView)
  totals: AttendanceTotalsView;

  @ApiProperty({
    example: '2014-11-21T12:00:00.000Z',
    description: 'When it was compiled (or frozen, in a published report).',
  })
  @IsDateString()
  compiledAt: string;
}
