import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDateString, IsIn, IsInt, IsOptional, IsString, Min, ValidateNested } from 'class-validator';
import { PARTY_KINDS } from '../events/event-enums.js';
import type { PartyKind } from '../events/event-enums.js';

/**
 * registered → credentials-received → accredited; withdrawn by its coordinator (or the
 * secretariat); cancelled when the meeting is cancelled.
 */
export const DELEGATION_STATES = [
  'registered',
  'credentials-received',
  'accredited',
  'withdrawn',
  'cancelled',
] as const;
export type DelegationState = (typeof DELEGATION_STATES)[number];

export class DelegationPartyView {
  @ApiProperty({ example: 'KAZ' })
  @IsString()
  code: string;

  @ApiProperty({ enum: PARTY_KINDS, example: 'state' })
  @IsIn(PARTY_KINDS)
  kind: PartyKind;

  @ApiProperty({ example: 'Kazakhstan' })
  @IsString()
  name: string;
}

/** A delegation as published on the participants topic: no contact details. */
export class DelegationView {
  @ApiProperty({ example: '0192f0c4-7a2b-7c3d-8e4f-5a6b7c8d9e0f' })
  @IsString()
  id: string;

  @ApiProperty({ example: '0192f0c4-5b1e-7d3a-9f10-6a1d2e3c4b5a' })
  @IsString()
  eventId: string;

  @ApiProperty({ type: DelegationPartyView })
  @ValidateNested()
  @Type(() => DelegationPartyView)
  party: DelegationPartyView;

  @ApiProperty({ enum: DELEGATION_STATES, example: 'registered' })
  @IsIn(DELEGATION_STATES)
  state: DelegationState;

  @ApiPropertyOptional({ example: 'Note verbale No. 14-2/1123 of 3 November 2014' })
  @IsOptional()
  @IsString()
  credentialsReference?: string;

  @ApiPropertyOptional({
    example: 'The meeting was postponed to 12 February 2028; this delegation stays registered.',
    description: 'What a change of the meeting (cancelled, postponed) means for this delegation.',
  })
  @IsOptional()
  @IsString()
  notice?: string;

  @ApiPropertyOptional({ example: 'Withdrawn: the minister cannot travel.' })
  @IsOptional()
  @IsString()
  withdrawalReason?: string;

  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  version: number;

  @ApiProperty({ example: '2014-11-03T10:15:00.000Z' })
  @IsDateString()
  createdAt: string;

  @ApiProperty({ example: '2014-11-03T10:15:00.000Z' })
  @IsDateString()
  updatedAt: string;
}

export class CoordinatorView {
  @ApiProperty({ example: 'Aigerim Nurlanovna' })
  name: string;

  @ApiProperty({ example: 'focal.point@mfa.kz' })
  email: string;
}

export class DelegationSeatsView {
  @ApiProperty({ example: 4, description: 'Participants registered and neither withdrawn nor rejected.' })
  taken: number;

  @ApiProperty({ example: 6, description: 'The per-delegation quota of the meeting.' })
  quota: number;

  @ApiPropertyOptional({ example: '0192f0c4-9d0e-7f1a-8b2c-3d4e5f6a7b8c' })
  headParticipantId?: string;
}

/** A delegation as its coordinator and the secretariat see it: with the coordinator's contact and its seats. */
export class DelegationDetailsView extends DelegationView {
  @ApiProperty({ type: CoordinatorView })
  coordinator: CoordinatorView;

  @ApiProperty({ type: DelegationSeatsView })
  seats: DelegationSeatsView;
}
