import {
  Controller,
  Get,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Public, Roles } from '@plenary/auth';
import { ApiErrors, AppException } from '@plenary/http';
import type { Response } from 'express';
import { ReportsService } from '../reports/reports.service.js';
import { renderHtml } from './render-html.js';
import { renderMarkdown } from './render-markdown.js';
import { renderPdf } from './render-pdf.js';
import type { ReportDocument } from './report-document.js';

const FORMATS = {
  html: { type: 'text/html; charset=utf-8', render: async (doc: ReportDocument) => renderHtml(doc) },
  md: { type: 'text/markdown; charset=utf-8', render: async (doc: ReportDocument) => renderMarkdown(doc) },
  pdf: { type: 'application/pdf', render: (doc: ReportDocument) => renderPdf(doc) },
} as const;
type Format = keyof typeof FORMATS;

const VERSION_QUERY = {
  name: 'version',
  required: false,
  description: 'A published version; default: the one in force.',
};

/**
 * A published report as a page anyone can open (no token: it is public), as Markdown and as a
 * PDF for circulation; and for the secretariat, a preview of any version.
 */
@ApiTags('reports')
@Controller('reports')
export class RenderingController {
  constructor(private readonly reports: ReportsService) {}

  private async send(response: Response, format: Format, doc: ReportDocument, id: string) {
    const { type, render } = FORMATS[format];
    const body = await render(doc);
    response.type(type);
    if (format === 'pdf') response.setHeader('Content-Disposition', `inline; filename="report-${id}.pdf"`);
    return typeof body === 'string' ? body : new StreamableFile(body);
  }

  @Get(':id.html')
  @Public()
  @ApiOperation({ summary: 'The public page of the published report' })
  @ApiProduces('text/html')
  @ApiQuery(VERSION_QUERY)
  @ApiOkResponse({ schema: { type: 'string' } })
  @ApiErrors(400, 404, 409)
  async html(
    @Param('id', ParseUUIDPipe) id: string,
    @Query('version', new ParseIntPipe({ optional: true })) version: number | undefined,
    @Res({ passthrough: true }) r: Response,
  ) {
    return this.send(r, 'html', await this.reports.document(id, version), id);
  }

  @Get(':id.md')
  @Public()
  @ApiOperation({ summary: 'The published report as Markdown' })
  @ApiProduces('text/markdown')
  @ApiQuery(VERSION_QUERY)
  @ApiOkResponse({ schema: { type: 'string' } })
  @ApiErrors(400, 404, 409)
  async markdown(
    @Param('id', ParseUUIDPipe) id: string,
    @Query('version', new ParseIntPipe({ optional: true })) version: number | undefined,
    @Res({ passthrough: true }) r: Response,
  ) {
    return this.send(r, 'md', await this.reports.document(id, version), id);
  }

  @Get(':id.pdf')
  @Public()
  @ApiOperation({ summary: 'The published report as a PDF for circulation' })
  @ApiProduces('application/pdf')
  @ApiQuery(VERSION_QUERY)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiErrors(400, 404, 409)
  async pdf(
    @Param('id', ParseUUIDPipe) id: string,
    @Query('version', new ParseIntPipe({ optional: true })) version: number | undefined,
    @Res({ passthrough: true }) r: Response,
  ) {
    return this.send(r, 'pdf', await this.reports.document(id, version), id);
  }

  @Get(':id/versions/:number/preview.:format')
  @Roles('secretariat')
  @ApiOperation({ summary: 'Preview any version, drafts included (format: html, md or pdf)' })
  @ApiProduces('text/html', 'text/markdown', 'application/pdf')
  @ApiOkResponse({ schema: { type: 'string' } })
  @ApiErrors(400, 403, 404)
  async preview(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('number', ParseIntPipe) number: number,
    @Param('format') format: string,
    @CurrentPrincipal() viewer: Principal,
    @Res({ passthrough: true }) r: Response,
  ) {
    if (!(format in FORMATS))
      throw new AppException(404, 'NOT_FOUND', `No such format: ${format}; use html, md or pdf.`);
    return this.send(r, format as Format, await this.reports.document(id, number, viewer), id);
  }
}
