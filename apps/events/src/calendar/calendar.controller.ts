import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@plenary/auth';
import { ApiErrors, UuidPipe } from '@plenary/http';
import type { Response } from 'express';
import { EventsService } from '../events/events.service.js';
import { renderEventCalendar } from './event-calendar.js';

@ApiTags('events')
@ApiBearerAuth()
@Controller('events')
export class CalendarController {
  constructor(private readonly events: EventsService) {}

  @Get(':id.ics')
  @ApiOperation({ summary: 'The meeting as an iCalendar file, to import into a calendar' })
  // The media type on the 200 only: errors are JSON.
  @ApiOkResponse({
    content: {
      'text/calendar': { schema: { type: 'string', example: 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\n…' } },
    },
  })
  @ApiErrors(400, 404)
  async calendar(
    @Param('id', UuidPipe) id: string,
    @CurrentPrincipal() viewer: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const calendar = renderEventCalendar(await this.events.get(id, viewer));
    // Set once it succeeded (not with @Header): an error is JSON and must say so.
    response.type('text/calendar; charset=utf-8');
    return calendar;
  }
}
