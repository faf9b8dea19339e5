import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDateString, IsIn, IsInt, IsOptional, IsString, Min, ValidateNested } from 'class-validator';
import { DelegationPartyView } from './delegation.view.js';

/** The role of a person in their delegation; one head per delegation. */
export const DELEGATION_ROLES = ['head', 'alternate', 'member', 'adviser', 'expert', 'observer'] as const;
export type DelegationRole = (typeof DELEGATION_ROLES)[number];

/** pending → accredited (with a badge) or rejected; withdrawn; reinstated back to pending. */
export const PARTICIPANT_STATES = ['pending', 'accredited', 'rejected', 'withdrawn'] as const;
export type ParticipantState = (typeof PARTICIPANT_STATES)[number];

/** For meeting statistics only; never published. */
export const GENDERS = ['female', 'male', 'other', 'undisclosed'] as const;
export type Gender = (typeof GENDERS)[number];

export class PersonNameView {
  @ApiProperty({ example: 'Даулет', description: 'In the original script.' })
  @IsString()
  given: string;

  @ApiProperty({ example: 'Аргандыков' })
  @IsString()
  family: string;

  @ApiProperty({ example: 'Daulet', description: 'In Latin script (the same when the original is Latin).' })
  @IsString()
  givenLatin: string;

  @ApiProperty({ example: 'Argandykov' })
  @IsString()
  familyLatin: string;
}

/** What anyone may see of a participant: observers' public list. */
export class PublicParticipantView {
  @ApiProperty({ example: '0192f0c4-9d0e-7f1a-8b2c-3d4e5f6a7b8c' })
  @IsString()
  id: string;

  @ApiProperty({ example: '0192f0c4-5b1e-7d3a-9f10-6a1d2e3c4b5a' })
  @IsString()
  eventId: string;

  @ApiProperty({ example: '0192f0c4-7a2b-7c3d-8e4f-5a6b7c8d9e0f' })
  @IsString()
  delegationId: string;

  @ApiProperty({ type: DelegationPartyView })
  @ValidateNested()
  @Type(() => DelegationPartyView)
  party: DelegationPartyView;

  @ApiProperty({ type: PersonNameView })
  @ValidateNested()
  @Type(() => PersonNameView)
  name: PersonNameView;

  @ApiPropertyOptional({ example: 'H.E. Mr.' })
  @IsOptional()
  @IsString()
  honorific?: string;

  @ApiPropertyOptional({ example: 'Vice-Minister of Healthcare and Social Development' })
  @IsOptional()
  @IsString()
  position?: string;

  @ApiPropertyOptional({ example: 'Ministry of Healthcare and Social Development' })
  @IsOptional()
  @IsString()
  organization?: string;

  @ApiProperty({ enum: DELEGATION_ROLES, example: 'head' })
  @IsIn(DELEGATION_ROLES)
  role: DelegationRole;
}

/**
 * A participant as the participants topic publishes it: public fields and accreditation, but
 * no email, gender or accessibility needs.
 */
export class ParticipantView extends PublicParticipantView {
  @ApiProperty({ enum: PARTICIPANT_STATES, example: 'accredited' })
  @IsIn(PARTICIPANT_STATES)
  state: ParticipantState;

  @ApiPropertyOptional({ example: '0042', description: 'Unique within the meeting; set on accreditation.' })
  @IsOptional()
  @IsString()
  badgeNumber?: string;

  @ApiPropertyOptional({
    example: 'No credentials letter received.',
    description:
      "Over HTTP, to the participant's coordinator and the secretariat only. Never set in messages: the reason is a private word to the delegation (kept in the schema so that v1 stays compatible).",
  })
  @IsOptional()
  @IsString()
  rejectionReason?: string;

  @ApiPropertyOptional({ example: '2027-11-21T03:12:00.000Z' })
  @IsOptional()
  @IsDateString()
  checkedInAt?: string;

  @ApiProperty({ example: 2 })
  @IsInt()
  @Min(1)
  version: number;

  @ApiProperty({ example: '2027-10-01T08:00:00.000Z' })
  @IsDateString()
  createdAt: string;

  @ApiProperty({ example: '2027-10-02T08:00:00.000Z' })
  @IsDateString()
  updatedAt: string;
}

/** What the participant's own coordinator and the secretariat see. */
export class ParticipantDetailsView extends ParticipantView {
  @ApiProperty({ example: 'd.argandykov@enbek.gov.kz.example' })
  email: string;

  @ApiPropertyOptional({ enum: GENDERS })
  gender?: Gender;

  @ApiPropertyOptional({ example: 'Step-free access; a seat near the door.' })
  accessibilityNeeds?: string;

  @ApiPropertyOptional({
    example: 'PB1.0192f0c4-5b1e-7d3a-9f10-6a1d2e3c4b5a.0042.q3Jx0YQ2n8dZ1r4kWm7tUg',
    description:
      "The badge's signed code (its QR code), once a badge number exists; checked in by POST /events/{eventId}/check-ins. Never published in messages.",
  })
  badgeCode?: string;
}

export class ParticipantPageView {
  @ApiProperty({
    description:
      'ParticipantDetailsView for the secretariat and for a coordinator’s own people, else PublicParticipantView.',
    type: [ParticipantDetailsView],
  })
  items: Array<ParticipantDetailsView | PublicParticipantView>;

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

export class CountView {
  @ApiProperty({ example: 'KAZ' })
  key: string;

  @ApiProperty({ example: 6 })
  count: number;
}

export class PartySummaryView {
  @ApiProperty({ type: DelegationPartyView })
  party: DelegationPartyView;

  @ApiProperty({ example: 6 })
  total: number;

  @ApiProperty({ example: { pending: 1, accredited: 5 } })
  byState: Record<string, number>;

  @ApiProperty({ example: 4, description: "The party's accredited participants who have checked in." })
  checkedIn: number;
}

/** How many checked in during one interval of the check-in timeline. */
export class CheckInBucketView {
  @ApiProperty({ example: '2027-11-21T03:30:00.000Z', description: 'Start of the interval, in UTC.' })
  startsAt: string;

  @ApiProperty({ example: 7 })
  count: number;
}

/**
 * Check-ins over time, in intervals as long as the span asks for (a morning in 5 or 10 minutes,
 * several days in hours) so that a chart has at most a few dozen bars.
 */
export class CheckInTimelineView {
  @ApiProperty({
    example: 30,
    description:
      'Length of each interval: 1, 5, 10, 15 or 30 minutes, 1, 2, 3, 6 or 12 hours, or a day (1440).',
  })
  bucketMinutes: number;

  @ApiProperty({
    example: 'Asia/Kabul',
    description:
      "The meeting's time zone, in which intervals of 30 minutes or more start on the hour, the half-day or midnight; UTC when the meeting is unknown here.",
  })
  timeZone: string;

  @ApiProperty({
    type: [CheckInBucketView],
    description:
      'Consecutive intervals from the first check-in to the last, empty ones included; empty when nobody has checked in. The counts add up to checkedIn.',
  })
  buckets: CheckInBucketView[];
}

/** Counts for one meeting: by party, role, state, gender balance (overall and among heads), check-ins over time. */
export class ParticipantSummaryView {
  @ApiProperty({ example: '0192f0c4-5b1e-7d3a-9f10-6a1d2e3c4b5a' })
  eventId: string;

  @ApiProperty({ example: 42, description: 'All registered participants, whatever their state.' })
  total: number;

  @ApiProperty({ example: { pending: 3, accredited: 37, rejected: 1, withdrawn: 1 } })
  byState: Record<string, number>;

  @ApiProperty({
    example: { head: 8, member: 20, adviser: 10, expert: 4 },
    description: 'Active participants (pending or accredited).',
  })
  byRole: Record<string, number>;

  @ApiProperty({
    example: { female: 17, male: 22, undisclosed: 3 },
    description: 'Active participants; "unknown" when not given.',
  })
  byGender: Record<string, number>;

  @ApiProperty({
    example: { female: 3, male: 5 },
    description:
      'Active heads of delegation by gender (the gender balance among heads, beside byGender among all); "unknown" when not given.',
  })
  headsByGender: Record<string, number>;

  @ApiProperty({ example: 12, description: 'Accredited participants who have checked in.' })
  checkedIn: number;

  @ApiProperty({ type: CheckInTimelineView, description: 'When the checkedIn participants checked in.' })
  checkInsOverTime: CheckInTimelineView;

  @ApiProperty({ type: [PartySummaryView] })
  byParty: PartySummaryView[];

  @ApiPropertyOptional({
    example: '2027-11-21T03:12:00.000Z',
    description:
      'The counts are kept up to date from the participant messages and follow a change within moments: this is the time of the latest change they count. Absent while the meeting has no participants.',
  })
  asOf?: string;
}
