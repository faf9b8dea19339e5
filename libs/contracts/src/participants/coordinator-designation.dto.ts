import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { UN_LANGUAGES, type UnLanguage } from './coordinator-designation.view.js';

const PARTY_CODE = /^[A-Z][A-Z0-9-]{1,15}$/;
const PARTY_MESSAGE = '$property must be a party code such as KAZ or UNHCR';

/** Emails are compared as the identity provider states them: trimmed and lower-cased. */
const normalEmail = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;

/** POST /events/{eventId}/coordinators: the secretariat designates a party's coordinator by email. */
export class DesignateCoordinatorDto {
  @ApiProperty({ example: 'KAZ', description: 'Code of a party invited to the meeting.' })
  @Matches(PARTY_CODE, { message: PARTY_MESSAGE })
  party: string;

  @ApiProperty({
    example: 'focal.point@mfa.kz',
    description: 'The email the person signs in with (trimmed and lower-cased here).',
  })
  @Transform(normalEmail)
  @IsEmail({}, { message: '$property must be an email address such as focal.point@mfa.kz' })
  @Length(3, 254)
  email: string;

  @ApiPropertyOptional({ example: 'Aigerim Nurlanovna' })
  @IsOptional()
  @IsString()
  @Length(2, 200)
  name?: string;

  @ApiPropertyOptional({ enum: UN_LANGUAGES, example: 'ru', description: 'One of ar, zh, en, fr, es, ru.' })
  @IsOptional()
  @IsIn(UN_LANGUAGES, { message: `$property must be one of ${UN_LANGUAGES.join(', ')}` })
  language?: UnLanguage;
}

/** GET /events/{eventId}/coordinators?party= */
export class ListCoordinatorDesignationsQuery {
  @ApiPropertyOptional({ example: 'KAZ', description: "Only this party's coordinators." })
  @IsOptional()
  @Matches(PARTY_CODE, { message: PARTY_MESSAGE })
  party?: string;
}
