import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@plenary/auth';
import { BadgesQuery } from '@plenary/contracts';
import { ApiErrors, UuidPipe } from '@plenary/http';
import type { Response } from 'express';
import { BadgePrintingService } from './badge-printing.service.js';

@ApiTags('badges')
@ApiBearerAuth()
@Controller('events/:eventId')
export class BadgesController {
  constructor(private readonly printing: BadgePrintingService) {}

  @Get('badges.pdf')
  @Roles('secretariat')
  @ApiOperation({
    summary: 'Printable badges (PDF) of the accredited participants',
    description:
      "Each badge: the meeting, the name in its original script and in Latin, party, role, badge number, and a QR code of the badge's signed code (printed under it too), which POST /events/{eventId}/check-ins takes. All accredited participants, or one party's, or the ids given.",
  })
  // The media type on the 200 only: errors are JSON.
  @ApiOkResponse({ content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  @ApiErrors(400, 403, 404)
  async pdf(
    @Param('eventId', UuidPipe) eventId: string,
    @Query() query: BadgesQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const pdf = await this.printing.pdf(eventId, query);
    response.type('application/pdf');
    // Named from the validated id only.
    response.setHeader('Content-Disposition', `inline; filename="badges-${eventId}.pdf"`);
    return new StreamableFile(pdf);
  }
}
