import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IMPORT_MODES, type ImportMode } from './participant-import.dto.js';
import { IMPORT_COLUMNS, type ImportColumn } from './participant-import-format.js';
import { DelegationPartyView } from './delegation.view.js';

/**
 * previewed: read and checked, nothing registered; running: rows being registered;
 * rolling-back: an all-or-nothing import withdrawing what it registered; done; rolled-back.
 */
export const IMPORT_STATES = ['previewed', 'running', 'rolling-back', 'done', 'rolled-back'] as const;
export type ImportState = (typeof IMPORT_STATES)[number];

/** imported; refused when registered (the reason in `refusal`); skipped (it had errors); withdrawn again (all-or-nothing undone). */
export const IMPORT_ROW_OUTCOMES = ['imported', 'refused', 'skipped', 'withdrawn'] as const;
export type ImportRowOutcome = (typeof IMPORT_ROW_OUTCOMES)[number];

/** Codes of a row's errors besides the API's own refusal codes (QUOTA_FULL, HEAD_EXISTS, PERSON_ALREADY_REGISTERED). */
export const IMPORT_ROW_ERROR_CODES = [
  'INVALID_VALUE',
  'DUPLICATE_IN_FILE',
  'HEAD_TWICE_IN_FILE',
  'QUOTA_FULL',
  'HEAD_EXISTS',
  'PERSON_ALREADY_REGISTERED',
] as const;

export class ImportRowErrorView {
  @ApiPropertyOptional({
    enum: IMPORT_COLUMNS,
    example: 'email',
    description: 'The cell it is about; absent for the whole row.',
  })
  column?: ImportColumn;

  @ApiProperty({ example: 'DUPLICATE_IN_FILE' })
  code: string;

  @ApiPropertyOptional({
    example: 4,
    description: 'The other row it conflicts with (the same email, a second head).',
  })
  otherRow?: number;

  @ApiProperty({ example: 'The same email is on row 4; one person is registered once.' })
  message: string;
}

export class ImportRefusalView {
  @ApiProperty({ example: 'QUOTA_FULL' })
  code: string;

  @ApiProperty({
    example: 'The delegation of Kazakhstan has all its places taken (quota 40 per delegation).',
  })
  message: string;
}

export class ImportRowView {
  @ApiProperty({ example: 2, description: 'The row number in the file (the header is row 1).' })
  number: number;

  @ApiProperty({
    example: {
      given: 'Даулет',
      family: 'Аргандыков',
      givenLatin: 'Daulet',
      familyLatin: 'Argandykov',
      role: 'head',
      email: 'd.argandykov@mfa.kz.example',
    },
    description: 'The cells as read, by column key; role and gender as keys when written in any language.',
  })
  values: Partial<Record<ImportColumn, string>>;

  @ApiProperty({ type: [ImportRowErrorView], description: 'Empty when the row can be registered.' })
  errors: ImportRowErrorView[];

  @ApiPropertyOptional({ enum: IMPORT_ROW_OUTCOMES })
  outcome?: ImportRowOutcome;

  @ApiPropertyOptional({
    example: '0192f0c4-9d0e-5f1a-8b2c-3d4e5f6a7b8c',
    description: 'The person it registered (the same on every retry).',
  })
  participantId?: string;

  @ApiPropertyOptional({ type: ImportRefusalView })
  refusal?: ImportRefusalView;
}

export class ImportCountsView {
  @ApiProperty({ example: 200 })
  rows: number;

  @ApiProperty({
    example: 197,
    description: 'Rows without errors (at the preview, or when the import started).',
  })
  ready: number;

  @ApiProperty({ example: 3 })
  withErrors: number;

  @ApiProperty({ example: 190 })
  imported: number;

  @ApiProperty({ example: 1 })
  refused: number;

  @ApiProperty({ example: 3 })
  skipped: number;

  @ApiProperty({ example: 0 })
  withdrawn: number;
}

/** What an import has done so far: cheap to poll. */
export class ParticipantImportProgressView {
  @ApiProperty({ example: '0192f0c4-aa0e-7f1a-8b2c-3d4e5f6a7b8c' })
  id: string;

  @ApiProperty({ example: '0192f0c4-5b1e-7d3a-9f10-6a1d2e3c4b5a' })
  eventId: string;

  @ApiProperty({ example: '0192f0c4-7a2b-7c3d-8e4f-5a6b7c8d9e0f' })
  delegationId: string;

  @ApiProperty({ type: DelegationPartyView })
  party: DelegationPartyView;

  @ApiProperty({ enum: ['csv', 'xlsx'] })
  format: 'csv' | 'xlsx';

  @ApiProperty({ enum: IMPORT_STATES })
  state: ImportState;

  @ApiPropertyOptional({ enum: IMPORT_MODES })
  mode?: ImportMode;

  @ApiProperty({
    example: false,
    description:
      'Running or rolling back, but the instance doing it stopped (its lease ran out): run it again to resume.',
  })
  interrupted: boolean;

  @ApiProperty({ example: 120, description: 'Rows finished (imported, refused, skipped or withdrawn).' })
  done: number;

  @ApiProperty({ example: 200, description: 'Rows there are to finish.' })
  total: number;

  @ApiProperty({ type: ImportCountsView })
  counts: ImportCountsView;

  @ApiPropertyOptional({
    type: ImportRefusalView,
    description: 'Why an all-or-nothing import was rolled back, or refused to start.',
  })
  notice?: ImportRefusalView;

  @ApiProperty({ example: 3 })
  version: number;

  @ApiProperty({ example: '2027-10-01T08:00:00.000Z' })
  createdAt: string;

  @ApiProperty({ example: '2027-10-01T08:00:05.000Z' })
  updatedAt: string;
}

/** An import with every row: its values, its errors in place, and what became of it. */
export class ParticipantImportView extends ParticipantImportProgressView {
  @ApiProperty({ type: [ImportRowView] })
  rows: ImportRowView[];
}
