import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDateString, IsIn, IsInt, IsOptional, IsString, Min, ValidateNested } from 'class-validator';
import { EVENT_KINDS, EVENT_STATES, PARTY_KINDS, PARTY_STANDINGS } from './event-enums.js';
import type { EventKind, EventState, PartyKind, PartyStanding } from './event-enums.js';

export class PartyView {
  @ApiProperty({
    example: 'KAZ',
    description: 'ISO 3166-1 alpha-3 code of a state, or the acronym of an organisation.',
  })
  @IsString()
  code: string;

  @ApiProperty({ enum: PARTY_KINDS, example: 'state' })
  @IsIn(PARTY_KINDS)
  kind: PartyKind;

  @ApiProperty({ example: 'Kazakhstan' })
  @IsString()
  name: string;

  @ApiProperty({ enum: PARTY_STANDINGS, example: 'member' })
  @IsIn(PARTY_STANDINGS)
  standing: PartyStanding;
}

export class VenueView {
  @ApiProperty({ example: 'Hotel InterContinental Almaty' })
  @IsString()
  name: string;

  @ApiPropertyOptional({ example: '181 Zheltoksan Street' })
  @IsOptional()
  @IsString()
  address?: string;

  @ApiProperty({ example: 'Almaty' })
  @IsString()
  city: string;

  @ApiProperty({ example: 'KAZ', description: 'ISO 3166-1 alpha-3' })
  @IsString()
  country: string;
}

/**
 * A meeting as the events service publishes it: the response of its API and the snapshot
 * carried by every events-topic message, so subscribers never have to call back.
 */
export class EventView {
  @ApiProperty({ example: '0192f0c4-5b1e-7d3a-9f10-6a1d2e3c4b5a' })
  @IsString()
  id: string;

  @ApiProperty({ example: 'Meeting of representatives of member states of the Almaty Process' })
  @IsString()
  title: string;

  @ApiProperty({ enum: EVENT_KINDS, example: 'meeting' })
  @IsIn(EVENT_KINDS)
  kind: EventKind;

  @ApiProperty({ enum: EVENT_STATES, example: 'draft' })
  @IsIn(EVENT_STATES)
  state: EventState;

  @ApiProperty({ example: '2014-11-21T09:00:00+06:00' })
  @IsDateString()
  startsAt: string;

  @ApiProperty({ example: '2014-11-21T18:00:00+06:00' })
  @IsDateString()
  endsAt: string;

  @ApiProperty({ example: 'Asia/Almaty' })
  @IsString()
  timeZone: string;

  @ApiPropertyOptional({ type: VenueView })
  @IsOptional()
  @ValidateNested()
  @Type(() => VenueView)
  venue?: VenueView;

  @ApiProperty({ type: [PartyView] })
  @ValidateNested({ each: true })
  @Type(() => PartyView)
  parties: PartyView[];

  @ApiProperty({ example: 1, description: 'Increases by one with every change; use it for If-Match.' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiProperty({ example: '2014-10-01T08:00:00.000Z' })
  @IsDateString()
  createdAt: string;

  @ApiProperty({ example: '2014-12-12T11:09:00.000Z' })
  @IsDateString()
  updatedAt: string;
}
