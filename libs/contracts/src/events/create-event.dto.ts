import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsIanaTimeZone } from '../validation/is-iana-time-zone.js';
import { IsLanguageCode } from '../validation/is-language-code.js';
import { IsCountryCode, IsPartyCode, IsPartyName } from '../validation/is-party-code.js';
import { EVENT_KINDS, PARTY_KINDS, PARTY_STANDINGS } from './event-enums.js';
import type { EventKind, PartyKind, PartyStanding } from './event-enums.js';

export class PartyInput {
  @ApiProperty({
    example: 'KAZ',
    description: 'ISO 3166-1 alpha-3 code for a state (its name is derived), or an organisation acronym.',
  })
  @IsPartyCode()
  code: string;

  @ApiPropertyOptional({
    enum: PARTY_KINDS,
    example: 'organization',
    description: 'Default: state for an ISO alpha-3 code, else organization.',
  })
  @IsOptional()
  @IsIn(PARTY_KINDS)
  kind?: PartyKind;

  @ApiPropertyOptional({
    example: 'International Organization for Migration',
    description: "Required for an organisation; a state's name comes from ISO 3166.",
  })
  @IsPartyName()
  name?: string;

  @ApiProperty({ enum: PARTY_STANDINGS, isArray: true, example: ['member', 'initiator'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(PARTY_STANDINGS, { each: true })
  standings: PartyStanding[];
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

export class ProcessInput {
  @ApiProperty({ example: 'Almaty Process on Refugee Protection and International Migration' })
  @IsString()
  @Length(2, 300)
  name: string;

  @ApiPropertyOptional({ example: 'AP' })
  @IsOptional()
  @IsString()
  @Length(1, 30)
  acronym?: string;
}

export class TimeSlotInput {
  @ApiProperty({ example: '2027-11-21T09:00:00+05:00' })
  @IsDateString({ strict: true })
  startsAt: string;

  @ApiProperty({ example: '2027-11-21T09:30:00+05:00' })
  @IsDateString({ strict: true })
  endsAt: string;
}

export class PresenterInput {
  @ApiProperty({ example: 'Daulet Argandykov' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiPropertyOptional({ example: 'Vice-Minister of Healthcare and Social Development' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  position?: string;

  @ApiPropertyOptional({ example: 'KAZ', description: 'Must be a party of the meeting.' })
  @IsOptional()
  @IsString()
  @Length(2, 16)
  party?: string;
}

export class DocumentLinkInput {
  @ApiProperty({ example: 'Concept note' })
  @IsString()
  @Length(1, 300)
  title: string;

  @ApiProperty({ example: 'https://documents.example.org/almaty-process/concept-note.pdf' })
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  url: string;
}

export class AgendaItemInput {
  @ApiProperty({ example: 'Opening of the meeting and welcome statement' })
  @IsString()
  @Length(1, 300)
  title: string;

  @ApiPropertyOptional({ example: 'Welcome on behalf of the Government of Kazakhstan.' })
  @IsOptional()
  @IsString()
  @Length(1, 5000)
  description?: string;

  @ApiPropertyOptional({ type: TimeSlotInput, description: 'Must lie within the meeting.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => TimeSlotInput)
  slot?: TimeSlotInput;

  @ApiPropertyOptional({ type: [PresenterInput] })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PresenterInput)
  presenters?: PresenterInput[];

  @ApiPropertyOptional({ type: [DocumentLinkInput] })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => DocumentLinkInput)
  documents?: DocumentLinkInput[];
}

export class RegistrationInput {
  @ApiProperty({ example: '2027-09-01T00:00:00+05:00' })
  @IsDateString({ strict: true })
  opensAt: string;

  @ApiProperty({
    example: '2027-11-07T23:00:00+05:00',
    description: 'Not in the past, not after the meeting ends.',
  })
  @IsDateString({ strict: true })
  closesAt: string;

  @ApiProperty({
    example: 6,
    minimum: 1,
    maximum: 500,
    description: 'Most participants one delegation may register.',
  })
  @IsInt()
  @Min(1)
  @Max(500)
  quotaPerDelegation: number;
}

/** What the secretariat sends to create a meeting (it starts as a draft). */
export class CreateEventDto {
  @ApiProperty({ example: 'Meeting of representatives of member states of the Almaty Process' })
  @IsString()
  @Length(3, 300)
  title: string;

  @ApiProperty({ enum: EVENT_KINDS, example: 'meeting' })
  @IsIn(EVENT_KINDS)
  kind: EventKind;

  @ApiPropertyOptional({ type: ProcessInput, description: 'The process or body the meeting belongs to.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProcessInput)
  process?: ProcessInput;

  @ApiPropertyOptional({
    example: 'A regional consultative process on refugee protection and migration in Central Asia.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 10000)
  description?: string;

  @ApiPropertyOptional({ example: ['ru', 'en'], description: 'Working languages, ISO 639-1.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(12)
  @ArrayUnique()
  @IsLanguageCode({ each: true })
  languages?: string[];

  @ApiProperty({ example: '2027-11-21T09:00:00+05:00', description: 'ISO 8601 with offset; in the future.' })
  @IsDateString({ strict: true })
  startsAt: string;

  @ApiProperty({ example: '2027-11-21T18:00:00+05:00', description: 'Not before startsAt.' })
  @IsDateString({ strict: true })
  endsAt: string;

  @ApiProperty({ example: 'Asia/Almaty', description: 'IANA time zone of the venue.' })
  @IsIanaTimeZone()
  timeZone: string;

  @ApiPropertyOptional({ type: VenueInput })
  @IsOptional()
  @ValidateNested()
  @Type(() => VenueInput)
  venue?: VenueInput;

  @ApiPropertyOptional({ example: 'KAZ', description: 'Code of the host; must be one of the parties.' })
  @IsOptional()
  @IsString()
  @Length(2, 16)
  hostParty?: string;

  @ApiPropertyOptional({ example: 'KAZ', description: 'Code of the chair; must be one of the parties.' })
  @IsOptional()
  @IsString()
  @Length(2, 16)
  chairParty?: string;

  @ApiProperty({
    type: [PartyInput],
    example: [
      { code: 'KAZ', standings: ['member', 'initiator'] },
      { code: 'AFG', standings: ['member'] },
      { code: 'IOM', name: 'International Organization for Migration', standings: ['initiator'] },
      { code: 'UNAMA', name: 'United Nations Assistance Mission in Afghanistan', standings: ['observer'] },
    ],
  })
  @IsArray()
  @ArrayMaxSize(300)
  @ArrayUnique((p: PartyInput) => p?.code, { message: 'parties must not list a party twice' })
  @ValidateNested({ each: true })
  @Type(() => PartyInput)
  parties: PartyInput[];

  @ApiPropertyOptional({ type: [AgendaItemInput], description: 'In order; edit later through /agenda.' })
  @IsOptional()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => AgendaItemInput)
  agenda?: AgendaItemInput[];

  @ApiPropertyOptional({ type: RegistrationInput })
  @IsOptional()
  @ValidateNested()
  @Type(() => RegistrationInput)
  registration?: RegistrationInput;
}
