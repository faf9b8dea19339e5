import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsDateString,
  IsIn,
  IsOptional,
  IsString,
  Length,
  ValidateNested,
} from 'class-validator';
import { IsIanaTimeZone } from '../validation/is-iana-time-zone.js';
import { IsNotBefore } from '../validation/is-not-before.js';
import { EVENT_KINDS, PARTY_KINDS, PARTY_STANDINGS } from './event-enums.js';
import type { EventKind, PartyKind, PartyStanding } from './event-enums.js';
import { IsCountryCode, IsPartyCode, IsPartyName } from '../validation/is-party-code.js';

export class PartyInput {
  @ApiProperty({
    example: 'KAZ',
    description: 'ISO 3166-1 alpha-3 code for a state (its name is derived), or an organisation acronym.',
  })
  @IsPartyCode()
  code: string;

  @ApiPropertyOptional({
    enum: PARTY_KINDS,
    description: 'Default: state for an ISO alpha-3 code, else organization.',
  })
  @IsOptional()
  @IsIn(PARTY_KINDS)
  kind?: PartyKind;

  @ApiPropertyOptional({
    example: 'International Organization for Migration',
    description: 'Required for an organisation.',
  })
  @IsPartyName()
  name?: string;

  @ApiProperty({ enum: PARTY_STANDINGS, example: 'member' })
  @IsIn(PARTY_STANDINGS)
  standing: PartyStanding;
}

export class VenueInput {
  @ApiProperty({ example: 'Hotel InterContinental Almaty' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiPropertyOptional({ example: '181 Zheltoksan Street' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  address?: string;

  @ApiProperty({ example: 'Almaty' })
  @IsString()
  @Length(1, 100)
  city: string;

  @ApiProperty({ example: 'KAZ', description: 'ISO 3166-1 alpha-3' })
  @IsCountryCode()
  country: string;
}

/** What the secretariat sends to create a meeting (in draft). */
export class CreateEventDto {
  @ApiProperty({ example: 'Meeting of representatives of member states of the Almaty Process' })
  @IsString()
  @Length(3, 300)
  title: string;

  @ApiProperty({ enum: EVENT_KINDS, example: 'meeting' })
  @IsIn(EVENT_KINDS)
  kind: EventKind;

  @ApiProperty({ example: '2027-11-21T09:00:00+06:00', description: 'ISO 8601 with offset.' })
  @IsDateString({ strict: true })
  startsAt: string;

  @ApiProperty({ example: '2027-11-21T18:00:00+06:00' })
  @IsDateString({ strict: true })
  @IsNotBefore('startsAt')
  endsAt: string;

  @ApiProperty({ example: 'Asia/Almaty', description: 'IANA time zone of the venue.' })
  @IsIanaTimeZone()
  timeZone: string;

  @ApiPropertyOptional({ type: VenueInput })
  @IsOptional()
  @ValidateNested()
  @Type(() => VenueInput)
  venue?: VenueInput;

  @ApiProperty({
    type: [PartyInput],
    example: [
      { code: 'KAZ', standing: 'chair' },
      { code: 'AFG', standing: 'member' },
      { code: 'IOM', name: 'International Organization for Migration', standing: 'initiator' },
    ],
  })
  @ArrayMaxSize(300)
  @ArrayUnique((p: PartyInput) => p?.code, { message: 'parties must not list a party twice' })
  @ValidateNested({ each: true })
  @Type(() => PartyInput)
  parties: PartyInput[];
}
