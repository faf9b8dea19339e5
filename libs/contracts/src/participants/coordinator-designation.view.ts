import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Min,
  ValidateNested,
} from 'class-validator';
import { EVENT_STATES, type EventState } from '../events/event-enums.js';

/** The six official languages of the United Nations: what a coordinator may prefer to be written to in. */
export const UN_LANGUAGES = ['ar', 'zh', 'en', 'fr', 'es', 'ru'] as const;
export type UnLanguage = (typeof UN_LANGUAGES)[number];

/** active until the secretariat revokes it; a revoked designation is kept as history. */
export const COORDINATOR_DESIGNATION_STATES = ['active', 'revoked'] as const;
export type CoordinatorDesignationState = (typeof COORDINATOR_DESIGNATION_STATES)[number];

/**
 * A designation as published on the participants topic: who (by name) coordinates which party
 * at which meeting, never their email (no personal contact on any topic). A service that must
 * write to them reads the address from GET /coordinators/{id} with a secretariat token.
 */
export class PublishedCoordinatorDesignationView {
  @ApiProperty({ example: '0192f0c4-8c3d-7e4f-9a0b-1c2d3e4f5a6b' })
  @IsString()
  id: string;

  @ApiProperty({ example: '0192f0c4-5b1e-7d3a-9f10-6a1d2e3c4b5a' })
  @IsString()
  eventId: string;

  @ApiProperty({ example: 'KAZ', description: 'The invited party this person coordinates at the meeting.' })
  @IsString()
  party: string;

  @ApiPropertyOptional({ example: 'Aigerim Nurlanovna' })
  @IsOptional()
  @IsString()
  name?: string;

  @ApiPropertyOptional({ enum: UN_LANGUAGES, example: 'ru', description: 'The language they prefer.' })
  @IsOptional()
  @IsIn(UN_LANGUAGES)
  language?: UnLanguage;

  @ApiProperty({ enum: COORDINATOR_DESIGNATION_STATES, example: 'active' })
  @IsIn(COORDINATOR_DESIGNATION_STATES)
  state: CoordinatorDesignationState;

  @ApiProperty({ example: '2027-09-02T08:30:00.000Z' })
  @IsDateString()
  designatedAt: string;

  @ApiPropertyOptional({ example: '2027-10-02T08:30:00.000Z' })
  @IsOptional()
  @IsDateString()
  revokedAt?: string;
}

/** A designation as the secretariat and the designated person see it (with the email it is for). */
export class CoordinatorDesignationView extends PublishedCoordinatorDesignationView {
  @ApiProperty({
    example: 'focal.point@mfa.kz',
    description: 'Lower-cased; the person acts for the party once signed in with this email, verified.',
  })
  @IsString()
  email: string;

  @ApiProperty({ example: 'secretariat-1', description: 'The subject of the secretariat officer.' })
  @IsString()
  designatedBy: string;

  @ApiPropertyOptional({ example: 'secretariat-1' })
  @IsOptional()
  @IsString()
  revokedBy?: string;
}

export class CoordinatorDesignationListView {
  @ApiProperty({ type: [CoordinatorDesignationView] })
  @ValidateNested({ each: true })
  @Type(() => CoordinatorDesignationView)
  items: CoordinatorDesignationView[];
}

export class CoordinatedRegistrationView {
  @ApiProperty({ example: '2027-09-01T00:00:00.000Z' })
  @IsDateString()
  opensAt: string;

  @ApiProperty({ example: '2027-11-07T13:00:00.000Z' })
  @IsDateString()
  closesAt: string;

  @ApiProperty({ example: 6, description: 'Places per delegation.' })
  @IsInt()
  @Min(0)
  quotaPerDelegation: number;
}

/** The meeting of a coordination, as the participants service knows it. */
export class CoordinatedMeetingView {
  @ApiProperty({ example: '0192f0c4-5b1e-7d3a-9f10-6a1d2e3c4b5a' })
  @IsString()
  id: string;

  @ApiProperty({ example: 'Almaty Process: Senior Officials Meeting' })
  @IsString()
  title: string;

  @ApiProperty({ example: '2027-11-21T04:00:00.000Z' })
  @IsDateString()
  startsAt: string;

  @ApiProperty({ example: '2027-11-21T13:00:00.000Z' })
  @IsDateString()
  endsAt: string;

  @ApiProperty({ example: 'Asia/Almaty' })
  @IsString()
  timeZone: string;

  @ApiProperty({ enum: EVENT_STATES, example: 'registration-open' })
  @IsIn(EVENT_STATES)
  state: EventState;

  @ApiPropertyOptional({ type: CoordinatedRegistrationView })
  @IsOptional()
  @ValidateNested()
  @Type(() => CoordinatedRegistrationView)
  registration?: CoordinatedRegistrationView;
}

/** One party the signed-in person coordinates at one meeting. */
export class CoordinationView extends CoordinatorDesignationView {
  @ApiPropertyOptional({ example: 'Kazakhstan', description: "The party's name as the meeting invited it." })
  @IsOptional()
  @IsString()
  partyName?: string;

  @ApiProperty({ type: CoordinatedMeetingView })
  @ValidateNested()
  @Type(() => CoordinatedMeetingView)
  event: CoordinatedMeetingView;

  @ApiPropertyOptional({
    example: '0192f0c4-7a2b-7c3d-8e4f-5a6b7c8d9e0f',
    description: "The party's delegation to the meeting, once registered.",
  })
  @IsOptional()
  @IsString()
  delegationId?: string;
}

/** GET /me/coordinations: what the signed-in person may act for. */
export class MyCoordinationsView {
  @ApiProperty({ type: [CoordinationView] })
  @ValidateNested({ each: true })
  @Type(() => CoordinationView)
  items: CoordinationView[];

  @ApiProperty({
    example: true,
    description: 'Whether the identity provider verified the email; designations count only when it did.',
  })
  @IsBoolean()
  emailVerified: boolean;

  @ApiPropertyOptional({
    example: 'Your email address is not verified by your identity provider; designations apply once it is.',
    description: 'Why the list is empty when it is for a reason the person can act on.',
  })
  @IsOptional()
  @IsString()
  notice?: string;
}
