import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IMPORT_LANGUAGES, type ImportLanguage } from './participant-import-format.js';

/**
 * valid-rows: the rows without errors are registered, the others skipped, and a row refused on
 * the way (someone took the last place meanwhile) is reported and the rest go on.
 * all-or-nothing: only a file without errors is imported; if a row is refused on the way, the
 * rows this import registered are withdrawn again.
 */
export const IMPORT_MODES = ['valid-rows', 'all-or-nothing'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export class RunParticipantImportDto {
  @ApiProperty({ enum: IMPORT_MODES, example: 'valid-rows' })
  @IsIn(IMPORT_MODES)
  mode: ImportMode;
}

export class ImportTemplateQuery {
  @ApiPropertyOptional({
    enum: IMPORT_LANGUAGES,
    default: 'en',
    description: 'The language of the header row and of the role and gender lists.',
  })
  @IsOptional()
  @IsIn(IMPORT_LANGUAGES)
  lang?: ImportLanguage;
}
