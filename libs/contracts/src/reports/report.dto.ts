import {
  ApiProperty,
  ApiPropertyOptional,
  IntersectionType,
  OmitType,
  PartialType,
  PickType,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsObject, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { IsLanguageCode } from '../validation/is-language-code.js';
import { ReportContent } from './report-content.js';

/** The content of a new draft: a title, and whatever else is ready (the rest defaults to empty). */
export class ReportContentInput extends IntersectionType(
  PickType(ReportContent, ['title'] as const),
  PartialType(OmitType(ReportContent, ['title'] as const)),
) {}

export class CreateReportDto {
  @ApiProperty({ example: 'en', description: 'ISO 639-1; one report per language per meeting.' })
  @IsLanguageCode()
  language: string;

  @ApiPropertyOptional({
    example: true,
    description: 'The version other languages translate; default: true for the first report of a meeting.',
  })
  @IsOptional()
  @IsBoolean()
  original?: boolean;

  @ApiProperty({ type: ReportContentInput })
  // ValidateNested alone lets a missing object through.
  @IsObject()
  @ValidateNested()
  @Type(() => ReportContentInput)
  content: ReportContentInput;
}

/** PATCH /reports/:id/draft (with If-Match): the fields sent replace the draft's; summary sent as null is removed. */
export class UpdateDraftDto extends PartialType(ReportContent) {}

export class PublishReportDto {
  @ApiPropertyOptional({
    example: 'Added the list of follow-up actions agreed by correspondence.',
    description: 'Required for an amendment.',
  })
  @IsOptional()
  @IsString()
  @Length(3, 2_000)
  changeNote?: string;
}

export class WithdrawReportDto {
  @ApiProperty({ example: 'Published by mistake before the chair’s approval.' })
  @IsString()
  @Length(3, 2_000)
  reason: string;
}
