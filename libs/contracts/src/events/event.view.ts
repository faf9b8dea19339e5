import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Min,
  ValidateNested,
} from 'class-validator';
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

  @ApiProperty({ enum: PARTY_STANDINGS, isArray: true, example: ['member', 'initiator', 'host', 'chair'] })
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(PARTY_STANDINGS, { each: true })
  standings: PartyStanding[];
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

export class ProcessView {
  @ApiProperty({ example: 'Almaty Process on Refugee Protection and International Migration' })
  @IsString()
  name: string;

  @ApiPropertyOptional({ example: 'AP' })
  @IsOptional()
  @IsString()
  acronym?: string;
}

export class TimeSlotView {
  @ApiProperty({ example: '2027-11-21T04:00:00.000Z' })
  @IsDateString()
  startsAt: string;

  @ApiProperty({ example: '2027-11-21T04:30:00.000Z' })
  @IsDateString()
  endsAt: string;
}

export class PresenterView {
  @ApiProperty({ example: 'Daulet Argandykov' })
  @IsString()
  name: string;

  @ApiPropertyOptional({ example: 'Vice-Minister of Healthcare and Social Development' })
  @IsOptional()
  @IsString()
  position?: string;

  @ApiPropertyOptional({ example: 'KAZ', description: 'Code of the party the presenter speaks for.' })
  @IsOptional()
  @IsString()
  party?: string;
}

export class DocumentLinkView {
  @ApiProperty({ example: 'Concept note' })
  @IsString()
  title: string;

  @ApiProperty({ example: 'https://documents.example.org/almaty-process/concept-note.pdf' })
  @IsString()
  url: string;
}

export class AgendaItemView {
  @ApiProperty({ example: '0192f0c4-8c3d-7e4f-9a0b-1c2d3e4f5a6b' })
  @IsString()
  id: string;

  @ApiProperty({ example: 'Opening of the meeting and welcome statement' })
  @IsString()
  title: string;

  @ApiPropertyOptional({
    example: 'Welcome on behalf of the Government of Kazakhstan, chair of the process.',
  })
  @IsOptional()
  @IsString()
  description?: string;

  @ApiPropertyOptional({ type: TimeSlotView })
  @IsOptional()
  @ValidateNested()
  @Type(() => TimeSlotView)
  slot?: TimeSlotView;

  @ApiProperty({ type: [PresenterView] })
  @ValidateNested({ each: true })
  @Type(() => PresenterView)
  presenters: PresenterView[];

  @ApiProperty({ type: [DocumentLinkView] })
  @ValidateNested({ each: true })
  @Type(() => DocumentLinkView)
  documents: DocumentLinkView[];
}

export class RegistrationView {
  @ApiProperty({ example: '2027-09-01T00:00:00.000Z' })
  @IsDateString()
  opensAt: string;

  @ApiProperty({ example: '2027-11-07T18:00:00.000Z' })
  @IsDateString()
  closesAt: string;

  @ApiProperty({ example: 6, description: 'Most participants one delegation may register.' })
  @IsInt()
  @Min(1)
  quotaPerDelegation: number;
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

  @ApiProperty({ enum: EVENT_STATES, example: 'announced' })
  @IsIn(EVENT_STATES)
  state: EventState;

  @ApiPropertyOptional({ type: ProcessView })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProcessView)
  process?: ProcessView;

  @ApiPropertyOptional({
    example: 'A regional consultative process on refugee protection and migration in Central Asia.',
  })
  @IsOptional()
  @IsString()
  description?: string;

  @ApiProperty({ example: ['ru', 'en'], description: 'Working languages, ISO 639-1.' })
  @IsString({ each: true })
  languages: string[];

  @ApiProperty({ example: '2027-11-21T04:00:00.000Z', description: 'UTC; show it in timeZone.' })
  @IsDateString()
  startsAt: string;

  @ApiProperty({ example: '2027-11-21T13:00:00.000Z' })
  @IsDateString()
  endsAt: string;

  @ApiProperty({ example: 'Asia/Almaty', description: 'IANA time zone of the venue.' })
  @IsString()
  timeZone: string;

  @ApiPropertyOptional({ type: VenueView })
  @IsOptional()
  @ValidateNested()
  @Type(() => VenueView)
  venue?: VenueView;

  @ApiPropertyOptional({ example: 'KAZ', description: 'Code of the host party.' })
  @IsOptional()
  @IsString()
  hostParty?: string;

  @ApiPropertyOptional({ example: 'KAZ', description: 'Code of the chairing party.' })
  @IsOptional()
  @IsString()
  chairParty?: string;

  @ApiProperty({ type: [PartyView] })
  @ValidateNested({ each: true })
  @Type(() => PartyView)
  parties: PartyView[];

  @ApiProperty({ type: [AgendaItemView], description: 'In order.' })
  @ValidateNested({ each: true })
  @Type(() => AgendaItemView)
  agenda: AgendaItemView[];

  @ApiPropertyOptional({ type: RegistrationView })
  @IsOptional()
  @ValidateNested()
  @Type(() => RegistrationView)
  registration?: RegistrationView;

  @ApiPropertyOptional({
    example: 'Postponed at the request of the chair.',
    description: 'Why it was last cancelled or postponed.',
  })
  @IsOptional()
  @IsString()
  stateReason?: string;

  @ApiProperty({ example: 4, description: 'Increases by one with every change; send it back in If-Match.' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiProperty({ example: '2027-09-01T08:00:00.000Z' })
  @IsDateString()
  createdAt: string;

  @ApiProperty({ example: '2027-12-12T11:09:00.000Z' })
  @IsDateString()
  updatedAt: string;
}
