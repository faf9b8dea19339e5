import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { AuthErrorCode, AuthException, type Principal, Public, TokenVerifier } from '@plenary/auth';
import { ApiErrors, UuidPipe } from '@plenary/http';
import type { Request, Response } from 'express';
import { EventsService } from '../events/events.service.js';
import { renderEventCalendar } from './event-calendar.js';

/** Whoever asks without a token reads as an observer does: every meeting but the drafts. */
const ANYONE: Principal = { subject: 'anyone', role: 'observer' };

@ApiTags('events')
@Controller('events')
export class CalendarController {
  constructor(
    private readonly events: EventsService,
    private readonly tokens: TokenVerifier,
  ) {}

  /** The token's principal when one is sent (and it must then be valid), else anyone. */
  private async viewer(request: Request): Promise<Principal> {
    const header = request.header('authorization');
    if (header === undefined) return ANYONE;
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) {
      throw new AuthException(
        AuthErrorCode.UNAUTHENTICATED,
        'Send a bearer token: Authorization: Bearer <token>.',
      );
    }
    return this.tokens.verify(match[1]);
  }

  @Get(':id.ics')
  @Public()
  // Anyone may read it; a token is optional (the secretariat's shows drafts too).
  @ApiSecurity({})
  @ApiSecurity('bearer')
  @ApiOperation({
    summary:
      'The meeting as an iCalendar file, to import into a calendar (public; drafts need a secretariat token)',
    description:
      "RFC 5545: one VEVENT whose UID stays and whose SEQUENCE is the meeting's version; DTSTART and DTEND are the venue's local times with TZID, defined by a VTIMEZONE for the meeting's IANA zone that covers its dates and agenda (a time in the hour that occurs twice when clocks go back is written in UTC instead).",
  })
  // The media type on the 200 only: errors are JSON.
  @ApiOkResponse({
    content: {
      'text/calendar': { schema: { type: 'string', example: 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\n…' } },
    },
  })
  @ApiErrors(400, 401, 404)
  async calendar(
    @Param('id', UuidPipe) id: string,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const calendar = renderEventCalendar(await this.events.get(id, await this.viewer(request)));
    // Set once it succeeded (not with @Header): an error is JSON and must say so.
    response.type('text/calendar; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="meeting-${id}.ics"`);
    return calendar;
  }
}
