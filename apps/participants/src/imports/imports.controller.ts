import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@plenary/auth';
import {
  IMPORT_CONTENT_TYPES,
  ImportTemplateQuery,
  ParticipantImportProgressView,
  ParticipantImportView,
  RunParticipantImportDto,
} from '@plenary/contracts';
import { ApiErrors, UuidPipe } from '@plenary/http';
import { Clock } from '@plenary/runtime';
import type { Request, Response } from 'express';
import { ImportRunner } from './import-runner.service.js';
import { importTemplateCsv, importTemplateXlsx } from './import-template.js';
import { toImportProgressView } from './import-view.mapper.js';
import { ImportsErrorCode, ImportsException } from './imports.exception.js';
import { ImportsService } from './imports.service.js';

@ApiTags('participant imports')
@ApiBearerAuth()
@Controller()
export class ImportsController {
  constructor(
    private readonly imports: ImportsService,
    private readonly runner: ImportRunner,
    private readonly clock: Clock,
  ) {}

  @Get('participant-imports/template.xlsx')
  @Roles('secretariat', 'coordinator')
  @ApiOperation({
    summary: 'The XLSX template of a file of people, in one language',
    description: 'Header row and role and gender lists in the language asked; one example row.',
  })
  @ApiOkResponse({
    content: { [IMPORT_CONTENT_TYPES.xlsx]: { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiErrors(400)
  async templateXlsx(
    @Query() query: ImportTemplateQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const lang = query.lang ?? 'en';
    const file = await importTemplateXlsx(lang);
    response.type(IMPORT_CONTENT_TYPES.xlsx);
    response.setHeader('Content-Disposition', `attachment; filename="people-template-${lang}.xlsx"`);
    return new StreamableFile(file);
  }

  @Get('participant-imports/template.csv')
  @Roles('secretariat', 'coordinator')
  @ApiOperation({ summary: 'The CSV template of a file of people, in one language (UTF-8 with BOM)' })
  @ApiOkResponse({ content: { 'text/csv': { schema: { type: 'string' } } } })
  @ApiErrors(400)
  templateCsv(@Query() query: ImportTemplateQuery, @Res({ passthrough: true }) response: Response): string {
    const lang = query.lang ?? 'en';
    response.type('text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="people-template-${lang}.csv"`);
    return importTemplateCsv(lang);
  }

  @Post('delegations/:delegationId/participant-imports')
  @Roles('secretariat', 'coordinator')
  @ApiOperation({
    summary: 'Upload a file of people (CSV or XLSX) and get its preview; nothing is registered',
    description:
      'The body is the file itself (at most 2 MB and 2,000 people). Each row is checked as one registration is (RegisterParticipantDto, Latin names) and against the delegation now: one delegation per person, one head, the places left, the same person twice in the file. Headers in any of the six languages or the column keys.',
  })
  @ApiConsumes('text/csv', IMPORT_CONTENT_TYPES.xlsx)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiCreatedResponse({ type: ParticipantImportView })
  @ApiErrors(400, 403, 404, 409, 413, 415)
  async preview(
    @Param('delegationId', UuidPipe) delegationId: string,
    @Req() request: Request,
    @CurrentPrincipal() actor: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ParticipantImportView> {
    const file: unknown = request.body;
    if (!Buffer.isBuffer(file))
      throw new ImportsException(ImportsErrorCode.EMPTY_FILE, 'Send the file itself as the request body.');
    const view = await this.imports.preview(delegationId, file, actor);
    response.location(`/participant-imports/${view.id}`);
    return view;
  }

  @Get('participant-imports/:id')
  @Roles('secretariat', 'coordinator')
  @ApiOperation({ summary: 'An import with every row, its errors and its outcome' })
  @ApiOkResponse({ type: ParticipantImportView })
  @ApiErrors(400, 403, 404)
  get(
    @Param('id', UuidPipe) id: string,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<ParticipantImportView> {
    return this.imports.get(id, viewer);
  }

  @Get('participant-imports/:id/progress')
  @Roles('secretariat', 'coordinator')
  @ApiOperation({ summary: "An import's progress and counts, without its rows (to poll)" })
  @ApiOkResponse({ type: ParticipantImportProgressView })
  @ApiErrors(400, 403, 404)
  async progress(
    @Param('id', UuidPipe) id: string,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<ParticipantImportProgressView> {
    return toImportProgressView(await this.imports.find(id, viewer), this.clock.now());
  }

  @Post('participant-imports/:id/run')
  @HttpCode(202)
  @Roles('secretariat', 'coordinator')
  @ApiOperation({
    summary: 'Register the rows of an import (valid rows, or all or nothing); resume one interrupted',
    description:
      'Answers at once (202) and registers in the background, each row as one registration is made; poll /progress. Sent again while it runs, it changes nothing; sent after the instance doing it stopped, it resumes where it was. A row is never registered twice.',
  })
  @ApiAcceptedResponse({ type: ParticipantImportProgressView })
  @ApiErrors(400, 403, 404, 409)
  run(
    @Param('id', UuidPipe) id: string,
    @Body() input: RunParticipantImportDto,
    @CurrentPrincipal() actor: Principal,
  ): Promise<ParticipantImportProgressView> {
    return this.runner.start(id, input.mode, actor);
  }
}
