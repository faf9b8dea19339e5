import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@plenary/auth';
import {
  CreateReportDto,
  PublishReportDto,
  ReportDetailsView,
  ReportDiffView,
  ReportVersionSummaryView,
  ReportVersionView,
  ReportView,
  UpdateDraftDto,
  WithdrawReportDto,
} from '@plenary/contracts';
import { ApiErrors, etagOf, Idempotent, IfMatch, IntegerPipe, requireIfMatch, UuidPipe } from '@plenary/http';
import type { Response } from 'express';
import { ReportsService } from './reports.service.js';

// Every action answers 400 to a malformed id or If-Match.
const OPTIONAL_IF_MATCH = {
  name: 'If-Match',
  required: false,
  description: 'Optional: refuse (412) if the report changed since.',
};
const IF_MATCH = { name: 'If-Match', required: true, description: 'The ETag you last read, e.g. "3".' };
// anyOf, not oneOf: a details view is also a valid plain view, so it would match both.
const ONE_OF_VIEWS = {
  anyOf: [{ $ref: getSchemaPath(ReportDetailsView) }, { $ref: getSchemaPath(ReportView) }],
};

const withEtag = <T extends { version: number }>(response: Response, view: T): T => {
  response.setHeader('ETag', etagOf(view.version));
  return view;
};

@ApiTags('reports')
@ApiBearerAuth()
@ApiExtraModels(ReportView, ReportDetailsView)
@Controller()
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Post('events/:eventId/reports')
  @Idempotent()
  @Roles('secretariat')
  @ApiOperation({ summary: 'Start the outcome report of a meeting in one language (version 1, draft)' })
  @ApiCreatedResponse({ type: ReportDetailsView })
  @ApiErrors(400, 403, 404, 409)
  async create(
    @Param('eventId', UuidPipe) eventId: string,
    @Body() input: CreateReportDto,
    @CurrentPrincipal() actor: Principal,
    @Res({ passthrough: true }) response: Response,
  ) {
    const report = await this.reports.create(eventId, input, actor);
    response.location(`/reports/${report.id}`);
    return withEtag(response, report);
  }

  @Get('events/:eventId/reports')
  @ApiOperation({
    summary: "A meeting's reports, one per language",
    description: 'Drafts for the secretariat only.',
  })
  @ApiOkResponse({ schema: { type: 'array', items: ONE_OF_VIEWS } })
  @ApiErrors(400)
  list(@Param('eventId', UuidPipe) eventId: string, @CurrentPrincipal() viewer: Principal) {
    return this.reports.list(eventId, viewer);
  }

  @Get('reports/:id')
  @ApiOperation({
    summary: 'Read a report: the version in force, and for the secretariat the one being written',
    description: 'Rendered: /reports/{id}.html, .md, .pdf.',
  })
  @ApiOkResponse({ schema: ONE_OF_VIEWS })
  @ApiErrors(400, 404)
  async get(
    @Param('id', UuidPipe) id: string,
    @CurrentPrincipal() viewer: Principal,
    @Res({ passthrough: true }) response: Response,
  ) {
    return withEtag(response, await this.reports.get(id, viewer));
  }

  @Patch('reports/:id/draft')
  @Roles('secretariat')
  @ApiOperation({ summary: 'Edit the draft (the fields sent replace the draft’s)' })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: ReportDetailsView })
  @ApiErrors(400, 403, 404, 409, 412, 428)
  async edit(
    @Param('id', UuidPipe) id: string,
    @Body() input: UpdateDraftDto,
    @IfMatch() v: number | undefined,
    @CurrentPrincipal() actor: Principal,
    @Res({ passthrough: true }) response: Response,
  ) {
    return withEtag(response, await this.reports.editDraft(id, input, actor, requireIfMatch(v)));
  }

  @Post('reports/:id/submit')
  @Roles('secretariat')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send the draft to review (draft → in-review)' })
  @ApiHeader(OPTIONAL_IF_MATCH)
  @ApiOkResponse({ type: ReportDetailsView })
  @ApiErrors(400, 403, 404, 409, 412)
  async submit(
    @Param('id', UuidPipe) id: string,
    @IfMatch() v: number | undefined,
    @Res({ passthrough: true }) r: Response,
  ) {
    return withEtag(r, await this.reports.submit(id, v));
  }

  @Post('reports/:id/return')
  @Roles('secretariat')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send the version in review back to draft' })
  @ApiHeader(OPTIONAL_IF_MATCH)
  @ApiOkResponse({ type: ReportDetailsView })
  @ApiErrors(400, 403, 404, 409, 412)
  async returnToDraft(
    @Param('id', UuidPipe) id: string,
    @IfMatch() v: number | undefined,
    @Res({ passthrough: true }) r: Response,
  ) {
    return withEtag(r, await this.reports.returnToDraft(id, v));
  }

  @Post('reports/:id/publish')
  @Roles('secretariat')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Publish the version in review',
    description:
      'Needs the meeting in session or concluded and a summary; an amendment needs a change note. Attendance is frozen into it.',
  })
  @ApiHeader(OPTIONAL_IF_MATCH)
  @ApiOkResponse({ type: ReportDetailsView })
  @ApiErrors(400, 403, 404, 409, 412)
  async publish(
    @Param('id', UuidPipe) id: string,
    @Body() input: PublishReportDto,
    @IfMatch() v: number | undefined,
    @CurrentPrincipal() actor: Principal,
    @Res({ passthrough: true }) r: Response,
  ) {
    return withEtag(r, await this.reports.publish(id, input.changeNote, actor, v));
  }

  @Post('reports/:id/amend')
  @Roles('secretariat')
  @HttpCode(200)
  @ApiOperation({ summary: 'Start an amendment: a new draft from the published version' })
  @ApiHeader(OPTIONAL_IF_MATCH)
  @ApiOkResponse({ type: ReportDetailsView })
  @ApiErrors(400, 403, 404, 409, 412)
  async amend(
    @Param('id', UuidPipe) id: string,
    @IfMatch() v: number | undefined,
    @CurrentPrincipal() actor: Principal,
    @Res({ passthrough: true }) r: Response,
  ) {
    return withEtag(r, await this.reports.amend(id, actor, v));
  }

  @Post('reports/:id/withdraw')
  @Roles('secretariat')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw the published report, with a reason' })
  @ApiHeader(OPTIONAL_IF_MATCH)
  @ApiOkResponse({ type: ReportDetailsView })
  @ApiErrors(400, 403, 404, 409, 412)
  async withdraw(
    @Param('id', UuidPipe) id: string,
    @Body() input: WithdrawReportDto,
    @IfMatch() v: number | undefined,
    @CurrentPrincipal() actor: Principal,
    @Res({ passthrough: true }) r: Response,
  ) {
    return withEtag(r, await this.reports.withdraw(id, input.reason, actor, v));
  }

  @Get('reports/:id/versions')
  @Roles('secretariat')
  @ApiOperation({ summary: 'The versions of a report' })
  @ApiOkResponse({ type: [ReportVersionSummaryView] })
  @ApiErrors(400, 403, 404)
  versions(@Param('id', UuidPipe) id: string) {
    return this.reports.versions(id);
  }

  @Get('reports/:id/versions/:number')
  @Roles('secretariat')
  @ApiOperation({ summary: 'Read any version' })
  @ApiOkResponse({ type: ReportVersionView })
  @ApiErrors(400, 403, 404)
  version(@Param('id', UuidPipe) id: string, @Param('number', IntegerPipe) number: number) {
    return this.reports.version(id, number);
  }

  @Get('reports/:id/diff')
  @Roles('secretariat')
  @ApiOperation({ summary: 'What changed between two versions, as a unified diff of their Markdown' })
  @ApiQuery({ name: 'from', example: 1 })
  @ApiQuery({ name: 'to', example: 2 })
  @ApiOkResponse({ type: ReportDiffView })
  @ApiErrors(400, 403, 404)
  diff(
    @Param('id', UuidPipe) id: string,
    @Query('from', IntegerPipe) from: number,
    @Query('to', IntegerPipe) to: number,
  ) {
    return this.reports.diff(id, from, to);
  }
}
