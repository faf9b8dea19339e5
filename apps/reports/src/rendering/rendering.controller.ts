import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Public, Roles } from '@plenary/auth';
import { ApiErrors, AppException, IntegerPipe, UuidPipe } from '@plenary/http';
import type { Response } from 'express';
import { ReportsService } from '../reports/reports.service.js';
import { renderHtml } from './render-html.js';
import { renderMarkdown } from './render-markdown.js';
import { renderPdf } from './render-pdf.js';
import { RenderSlots } from './render-slots.js';
import type { ReportDocument } from './report-document.js';

const FORMATS = {
  html: { type: 'text/html; charset=utf-8', render: async (doc: ReportDocument) => renderHtml(doc) },
  md: { type: 'text/markdown; charset=utf-8', render: async (doc: ReportDocument) => renderMarkdown(doc) },
  pdf: { type: 'application/pdf', render: (doc: ReportDocument) => renderPdf(doc) },
} as const;
type Format = keyof typeof FORMATS;

const VERSION_QUERY = {
  name: 'version',
  type: 'integer',
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
  constructor(
    private readonly reports: ReportsService,
    private readonly pdfSlots: RenderSlots,
  ) {}

  /** A PDF holds its slot from reading the report to the last byte rendered (see RenderSlots). */
  private inSlot<T>(format: Format, work: () => Promise<T>): Promise<T> {
    return format === 'pdf' ? this.pdfSlots.run(work) : work();
  }

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
  @ApiQuery(VERSION_QUERY)
  // The media type on the 200 only: errors are JSON (ApiProduces would label them too).
  @ApiOkResponse({ content: { 'text/html': { schema: { type: 'string' } } } })
  @ApiErrors(400, 404, 409)
  async html(
    @Param('id', UuidPipe) id: string,
    @Query('version', new IntegerPipe({ optional: true })) version: number | undefined,
    @Res({ passthrough: true }) r: Response,
  ) {
    return this.send(r, 'html', await this.reports.document(id, version), id);
  }

  @Get(':id.md')
  @Public()
  @ApiOperation({ summary: 'The published report as Markdown' })
  @ApiQuery(VERSION_QUERY)
  @ApiOkResponse({ content: { 'text/markdown': { schema: { type: 'string' } } } })
  @ApiErrors(400, 404, 409)
  async markdown(
    @Param('id', UuidPipe) id: string,
    @Query('version', new IntegerPipe({ optional: true })) version: number | undefined,
    @Res({ passthrough: true }) r: Response,
  ) {
    return this.send(r, 'md', await this.reports.document(id, version), id);
  }

  @Get(':id.pdf')
  @Public()
  @ApiOperation({ summary: 'The published report as a PDF for circulation' })
  @ApiQuery(VERSION_QUERY)
  @ApiOkResponse({ content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  @ApiErrors(400, 404, 409)
  async pdf(
    @Param('id', UuidPipe) id: string,
    @Query('version', new IntegerPipe({ optional: true })) version: number | undefined,
    @Res({ passthrough: true }) r: Response,
  ) {
    return this.inSlot('pdf', async () => this.send(r, 'pdf', await this.reports.document(id, version), id));
  }

  @Get(':id/versions/:number/preview.:format')
  @Roles('secretariat')
  @ApiOperation({ summary: 'Preview any version, drafts included (format: html, md or pdf)' })
  @ApiOkResponse({
    content: {
      'text/html': { schema: { type: 'string' } },
      'text/markdown': { schema: { type: 'string' } },
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiErrors(400, 403, 404)
  async preview(
    @Param('id', UuidPipe) id: string,
    @Param('number', IntegerPipe) number: number,
    @Param('format') format: string,
    @CurrentPrincipal() viewer: Principal,
    @Res({ passthrough: true }) r: Response,
  ) {
    // Own keys only: "constructor" or "__proto__" are in every object and would end in a 500.
    if (!Object.hasOwn(FORMATS, format))
      throw new AppException(404, 'NOT_FOUND', `No such format: ${format}; use html, md or pdf.`);
    return this.inSlot(format as Format, async () =>
      this.send(r, format as Format, await this.reports.document(id, number, viewer), id),
    );
  }
}
