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
import { EventView } from '../events/event.view.js';
import { AttendanceView } from './attendance.view.js';
import { ReportContent } from './report-content.js';

/** draft → in-review → published; a later published version supersedes it. */
export const REPORT_VERSION_STATES = ['draft', 'in-review', 'published', 'superseded'] as const;
export type ReportVersionState = (typeof REPORT_VERSION_STATES)[number];

/** The state of the report as a whole: its working version's, or published, or withdrawn. */
export const REPORT_STATES = ['draft', 'in-review', 'published', 'withdrawn'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

export class PublishedVersionView {
  @ApiProperty({
    example: 2,
    description: 'The version number: 1 for the first publication, then one per amendment.',
  })
  @IsInt()
  @Min(1)
  number: number;

  @ApiProperty({ type: ReportContent })
  @ValidateNested()
  @Type(() => ReportContent)
  content: ReportContent;

  @ApiProperty({ type: AttendanceView, description: 'Frozen when this version was published.' })
  @ValidateNested()
  @Type(() => AttendanceView)
  attendance: AttendanceView;

  @ApiProperty({ example: '2027-12-12T12:09:00.000Z' })
  @IsDateString()
  publishedAt: string;

  @ApiPropertyOptional({ example: 'Added the follow-up actions agreed by correspondence.' })
  @IsOptional()
  @IsString()
  changeNote?: string;
}

export class WithdrawalView {
  @ApiProperty({ example: 'Published by mistake before the chair’s approval.' })
  @IsString()
  reason: string;

  @ApiProperty({ example: '2027-12-13T08:00:00.000Z' })
  @IsDateString()
  at: string;
}

export class WorkingVersionView {
  @ApiProperty({ example: 3 })
  @IsInt()
  @Min(1)
  number: number;

  @ApiProperty({ enum: ['draft', 'in-review'] })
  @IsIn(['draft', 'in-review'])
  state: 'draft' | 'in-review';
}

/**
 * A report as anyone may see it, and as the reports topic carries it: the published content
 * (never a draft's), so that a web site can render the outcome from the message alone.
 */
export class ReportView {
  @ApiProperty({ example: '0192f0d1-1a2b-7c3d-8e4f-5a6b7c8d9e0f' })
  @IsString()
  id: string;

  @ApiProperty({ example: '0192f0c4-5b1e-7d3a-9f10-6a1d2e3c4b5a' })
  @IsString()
  eventId: string;

  @ApiProperty({ example: 'en' })
  @IsString()
  language: string;

  @ApiProperty({ example: true, description: 'The version other languages translate.' })
  @IsBoolean()
  original: boolean;

  @ApiProperty({ enum: REPORT_STATES, example: 'published' })
  @IsIn(REPORT_STATES)
  state: ReportState;

  @ApiPropertyOptional({ type: PublishedVersionView, description: 'The version in force.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PublishedVersionView)
  published?: PublishedVersionView;

  @ApiPropertyOptional({ example: '2027-11-22T09:00:00.000Z', description: 'When version 1 was published.' })
  @IsOptional()
  @IsDateString()
  firstPublishedAt?: string;

  @ApiPropertyOptional({
    type: WorkingVersionView,
    description: 'A draft or a version in review, if one is being written.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => WorkingVersionView)
  working?: WorkingVersionView;

  @ApiPropertyOptional({ type: WithdrawalView })
  @IsOptional()
  @ValidateNested()
  @Type(() => WithdrawalView)
  withdrawal?: WithdrawalView;

  @ApiProperty({
    example: 5,
    description: 'Increases with every change of the report; send it back in If-Match.',
  })
  @IsInt()
  @Min(1)
  version: number;
}

export class ReportVersionView {
  @ApiProperty({ example: 3 })
  number: number;

  @ApiProperty({ enum: REPORT_VERSION_STATES })
  state: ReportVersionState;

  @ApiProperty({ type: ReportContent })
  content: ReportContent;

  @ApiPropertyOptional({ example: 2, description: 'The published version an amendment started from.' })
  basedOn?: number;

  @ApiPropertyOptional()
  changeNote?: string;

  @ApiProperty({ example: '2027-11-21T15:00:00.000Z' })
  createdAt: string;

  @ApiPropertyOptional()
  submittedAt?: string;

  @ApiPropertyOptional()
  publishedAt?: string;

  @ApiPropertyOptional({ type: AttendanceView, description: 'Frozen at publication.' })
  attendance?: AttendanceView;
}

/** What the secretariat sees: the report and its working version's content. */
export class ReportDetailsView extends ReportView {
  @ApiPropertyOptional({ type: ReportVersionView })
  workingVersion?: ReportVersionView;
}

export class ReportVersionSummaryView {
  @ApiProperty({ example: 2 })
  number: number;

  @ApiProperty({ enum: REPORT_VERSION_STATES })
  state: ReportVersionState;

  @ApiProperty({ example: 'Outcome of the meeting…' })
  title: string;

  @ApiPropertyOptional()
  changeNote?: string;

  @ApiProperty()
  createdAt: string;

  @ApiPropertyOptional({
    example: 'Aliya Secretariat',
    description: 'Who started the version, as their sign-in names them.',
  })
  createdBy?: string;

  @ApiPropertyOptional()
  publishedAt?: string;

  @ApiPropertyOptional({ example: 'Aliya Secretariat', description: 'Who published it.' })
  publishedBy?: string;
}

export class ReportDiffView {
  @ApiProperty({ example: 1 })
  from: number;

  @ApiProperty({ example: 2 })
  to: number;

  @ApiProperty({
    description: 'A unified diff of the two versions rendered as Markdown.',
    example: '--- version 1\n+++ version 2\n@@ …',
  })
  unified: string;

  @ApiProperty({ example: 4 })
  linesAdded: number;

  @ApiProperty({ example: 1 })
  linesRemoved: number;
}

export class DossierReportView {
  @ApiProperty({ example: 'en' })
  language: string;

  @ApiProperty({ example: true })
  original: boolean;

  @ApiProperty({ example: '0192f0d1-1a2b-7c3d-8e4f-5a6b7c8d9e0f' })
  reportId: string;

  @ApiProperty({ type: PublishedVersionView })
  published: PublishedVersionView;

  @ApiProperty({ example: { html: '/reports/…​.html', markdown: '/reports/….md', pdf: '/reports/….pdf' } })
  links: { html: string; markdown: string; pdf: string };
}

/** An event's dossier: the meeting, who takes part, and its published outcome, in one document. */
export class DossierView {
  @ApiProperty({ type: EventView })
  event: EventView;

  @ApiProperty({ type: AttendanceView })
  attendance: AttendanceView;

  @ApiProperty({ type: [DossierReportView], description: 'Published reports, the original first.' })
  reports: DossierReportView[];
}
