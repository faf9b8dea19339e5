import { Controller, Get, Header, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@plenary/auth';
import { ParticipantSummaryView } from '@plenary/contracts';
import { ApiErrors } from '@plenary/http';
import { assertMayActFor } from '../access/party-access.js';
import { ParticipantExportService } from './participant-export.service.js';
import { ParticipantSummaryService } from './participant-summary.service.js';

@ApiTags('participants')
@ApiBearerAuth()
@Controller('events/:eventId')
export class ReportingController {
  constructor(
    private readonly summaries: ParticipantSummaryService,
    private readonly exports: ParticipantExportService,
  ) {}

  @Get('participants/summary')
  @ApiOperation({ summary: 'Counts by party, role, state and gender balance' })
  @ApiOkResponse({ type: ParticipantSummaryView })
  @ApiErrors(400)
  summary(@Param('eventId', ParseUUIDPipe) eventId: string): Promise<ParticipantSummaryView> {
    return this.summaries.summary(eventId);
  }

  @Get('participants.csv')
  @Roles('secretariat', 'coordinator')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="participants.csv"')
  @ApiOperation({
    summary: 'The participant list as CSV for Excel (UTF-8 with BOM)',
    description:
      'The secretariat gets the whole meeting, a coordinator their own delegation. Formula-like cells are neutralised.',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: { type: 'string' } })
  @ApiErrors(400, 403)
  csv(
    @Param('eventId', ParseUUIDPipe) eventId: string,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<string> {
    if (viewer.role === 'coordinator') assertMayActFor(viewer, eventId, viewer.party!);
    return this.exports.csv(eventId, viewer);
  }
}
