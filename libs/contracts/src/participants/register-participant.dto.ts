import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../common/page.query.js';
import { DELEGATION_ROLES, GENDERS, PARTICIPANT_STATES } from './participant.view.js';
import type { DelegationRole, Gender, ParticipantState } from './participant.view.js';

export class PersonNameInput {
  @ApiProperty({ example: 'Даулет', description: 'Given name in the original script.' })
  @IsString()
  @Length(1, 100)
  given: string;

  @ApiProperty({ example: 'Аргандыков', description: 'Family name in the original script.' })
  @IsString()
  @Length(1, 100)
  family: string;

  @ApiPropertyOptional({
    example: 'Daulet',
    description: 'Required when the original is not in Latin script.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  givenLatin?: string;

  @ApiPropertyOptional({
    example: 'Argandykov',
    description: 'Required when the original is not in Latin script.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  familyLatin?: string;
}

/** A person a coordinator (or the secretariat) registers in a delegation. */
export class RegisterParticipantDto {
  @ApiProperty({ type: PersonNameInput })
  // ValidateNested alone lets a missing object through.
  @IsObject()
  @ValidateNested()
  @Type(() => PersonNameInput)
  name: PersonNameInput;

  @ApiPropertyOptional({ example: 'H.E. Mr.' })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  honorific?: string;

  @ApiPropertyOptional({ example: 'Vice-Minister of Healthcare and Social Development' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  position?: string;

  @ApiPropertyOptional({ example: 'Ministry of Healthcare and Social Development' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  organization?: string;

  @ApiProperty({ enum: DELEGATION_ROLES, example: 'head', description: 'One head per delegation.' })
  @IsIn(DELEGATION_ROLES)
  role: DelegationRole;

  @ApiProperty({
    example: 'd.argandykov@enbek.gov.kz.example',
    description: 'One person, one delegation per meeting (case-insensitive).',
  })
  @IsEmail()
  @Length(3, 254)
  email: string;

  @ApiPropertyOptional({
    enum: GENDERS,
    example: 'male',
    description: 'For meeting statistics; never published.',
  })
  @IsOptional()
  @IsIn(GENDERS)
  gender?: Gender;

  @ApiPropertyOptional({
    example: 'Step-free access.',
    description: 'Seen by the secretariat and the coordinator only.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  accessibilityNeeds?: string;
}

/** PATCH /participants/:id (with If-Match). Optional fields sent as null are removed. */
export class UpdateParticipantDto extends PartialType(RegisterParticipantDto) {}

export class RejectParticipantDto {
  @ApiProperty({ example: 'No credentials letter received for this person.' })
  @IsString()
  @Length(3, 1000)
  reason: string;
}

/** The orders the participant list comes in; a cursor continues the order it was made in. */
export const PARTICIPANT_SORTS = ['party', 'name', 'state', 'badge'] as const;
export type ParticipantSort = (typeof PARTICIPANT_SORTS)[number];

export class ListParticipantsQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'KAZ' })
  @IsOptional()
  @Matches(/^[A-Z][A-Z0-9-]{1,15}$/, { message: 'party must be a party code such as KAZ or UNHCR' })
  party?: string;

  @ApiPropertyOptional({ enum: DELEGATION_ROLES })
  @IsOptional()
  @IsIn(DELEGATION_ROLES)
  role?: DelegationRole;

  @ApiPropertyOptional({ enum: PARTICIPANT_STATES })
  @IsOptional()
  @IsIn(PARTICIPANT_STATES)
  state?: ParticipantState;

  @ApiPropertyOptional({
    example: 'даулет',
    description: 'Beginning of a name, in either script; several words narrow down.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;

  @ApiPropertyOptional({
    enum: PARTICIPANT_SORTS,
    default: 'party',
    description:
      'party: by party, then name (the default); name: by Latin family and given name; state: by state, then party and name; badge: by badge number, those without one first.',
  })
  @IsOptional()
  @IsIn(PARTICIPANT_SORTS)
  sort?: ParticipantSort;
}
