import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDateString, IsIn, IsInt, IsOptional, IsString, Min, ValidateNested } from 'class-validator';
import { PARTY_KINDS } from '../events/event-enums.js';
import type { PartyKind } from '../events/event-enums.js';

export const DELEGATION_STATES = ['registered', 'credentials-received', 'accredited', 'withdrawn'] as const;
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

/** A delegation as its coordinator and the secretariat see it: with the coordinator's contact. */
export class DelegationDetailsView extends DelegationView {
  @ApiProperty({ type: CoordinatorView })
  coordinator: CoordinatorView;
}
