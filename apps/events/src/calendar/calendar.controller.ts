import { Controller, Get, Header, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@plenary/auth';
import { ApiErrors } from '@plenary/http';
import { EventsService } from '../events/events.service.js';
import { renderEventCalendar } from './event-calendar.js';

@ApiTags('events')
@ApiBearerAuth()
@Controller('events')
export class CalendarController {
  constructor(private readonly events: EventsService) {}

  @Get(':id.ics')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @ApiOperation({ summary: 'The meeting as an iCalendar file, to import into a calendar' })
  @ApiProduces('text/calendar')
  @ApiOkResponse({ schema: { type: 'string', example: 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\n…' } })
  @ApiErrors(400, 404)
  async calendar(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<string> {
    return renderEventCalendar(await this.events.get(id, viewer));
  }
}
