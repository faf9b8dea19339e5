import { Controller, Get, Param, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@plenary/auth';
import { ParticipantSummaryView } from '@plenary/contracts';
import { ApiErrors, UuidPipe } from '@plenary/http';
import type { Response } from 'express';
import { assertMayActFor } from '../access/party-access.js';
import { ParticipantExportService } from './participant-export.service.js';
import { ParticipantSummaryService } from './participant-summary.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('participants')
@ApiBearerAuth()
@Controller('events/:eventId')
export class ReportingController {
  constructor(
    private readonly summaries: ParticipantSummaryService,
    private readonly exports: ParticipantExportService,
  ) {}

  @Get('participants/summary')
  @ApiOperation({
    summary: 'Counts by party, role, state and gender balance, and how many are present (checked in)',
  })
  @ApiOkResponse({ type: ParticipantSummaryView })
  @ApiErrors(400)
  summary(@Param('eventId', UuidPipe) eventId: string): Promise<ParticipantSummaryView> {
    return this.summaries.summary(eventId);
  }

  @Get('participants.csv')
  @Roles('secretariat', 'coordinator')
  @ApiOperation({
    summary: 'The participant list as CSV for Excel (UTF-8 with BOM)',
    description:
      'The secretariat gets the whole meeting, a coordinator their own delegation. Formula-like cells are neutralised.',
  })
  // The media type on the 200 only: errors are JSON.
  @ApiOkResponse({ content: { 'text/csv': { schema: { type: 'string' } } } })
  @ApiErrors(400, 403)
  async csv(
    @Param('eventId', UuidPipe) eventId: string,
    @CurrentPrincipal() viewer: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    if (viewer.role === 'coordinator') assertMayActFor(viewer, eventId, viewer.party!);
    const csv = await this.exports.csv(eventId, viewer);
    // Set once it succeeded (not with @Header): an error is JSON, not a participants.csv download.
    response.type('text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', 'attachment; filename="participants.csv"');
    return csv;
  }

  @Get('participants.xlsx')
  @Roles('secretariat', 'coordinator')
  @ApiOperation({
    summary: 'The participant list as an Excel workbook (XLSX)',
    description:
      'The same people and columns as participants.csv: the secretariat gets the whole meeting, a coordinator their own delegation. Names in the original script and in Latin in separate columns, right-to-left text marked so; every value is a text cell, never a formula.',
  })
  // The media type on the 200 only: errors are JSON (ApiProduces would label them too).
  @ApiOkResponse({ content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } } })
  @ApiErrors(400, 403)
  async xlsx(
    @Param('eventId', UuidPipe) eventId: string,
    @CurrentPrincipal() viewer: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    if (viewer.role === 'coordinator') assertMayActFor(viewer, eventId, viewer.party!);
    const workbook = await this.exports.xlsx(eventId, viewer);
    // The file is named from the validated id only: a meeting's title never reaches a header.
    response.type(XLSX);
    response.setHeader('Content-Disposition', `attachment; filename="participants-${eventId}.xlsx"`);
    return new StreamableFile(workbook);
  }
}
