import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { ParticipantDetailsView } from './participant.view.js';

const splitIds = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : value;

export const BADGE_LAYOUTS = ['a4', 'a6'] as const;
export type BadgeLayout = (typeof BADGE_LAYOUTS)[number];

/** GET /events/:eventId/badges.pdf?party=&ids=&layout= */
export class BadgesQuery {
  @ApiPropertyOptional({
    enum: BADGE_LAYOUTS,
    default: 'a4',
    description: 'a4: four A6 badges per A4 sheet, with cut lines; a6: one badge per A6 page.',
  })
  @IsOptional()
  @IsIn(BADGE_LAYOUTS)
  layout?: BadgeLayout;

  @ApiPropertyOptional({ example: 'KAZ', description: "Only this party's delegation." })
  @IsOptional()
  @Matches(/^[A-Z][A-Z0-9-]{1,15}$/, { message: 'party must be a party code such as KAZ or UNHCR' })
  party?: string;

  @ApiPropertyOptional({
    type: String,
    example: '0192f0c4-9d0e-7f1a-8b2c-3d4e5f6a7b8c,0192f0c4-9d0e-7f1a-8b2c-3d4e5f6a7b8d',
    description: 'Only these participants (comma-separated ids, at most 500); still accredited ones only.',
  })
  @IsOptional()
  @Transform(splitIds)
  @ArrayMaxSize(500, { message: 'ids may name at most 500 participants' })
  @IsUUID('all', { each: true, message: 'ids must be participant ids (UUIDs), comma-separated' })
  ids?: string[];
}

/** POST /events/:eventId/check-ins: the code read from a badge's QR code (or typed under it). */
export class CheckInByCodeDto {
  @ApiProperty({
    example: 'PB1.0192f0c4-5b1e-7d3a-9f10-6a1d2e3c4b5a.0042.q3Jx0YQ2n8dZ1r4kWm7tUg',
    description: 'The code printed under the QR code of a badge.',
  })
  // Only the shape of a string here: whether it is a genuine code only the service can tell
  // (BADGE_CODE_INVALID), and the desk shows one message for any code that is not.
  @IsString()
  @Length(1, 200)
  code: string;
}

/** A check-in at the desk: the person, and whether they had already checked in (then checkedInAt says when). */
export class CheckInView extends ParticipantDetailsView {
  @ApiProperty({
    example: false,
    description: 'True when this badge had already been checked in: nothing changed.',
  })
  alreadyCheckedIn: boolean;
}
