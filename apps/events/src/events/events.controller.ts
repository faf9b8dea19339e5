import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@plenary/auth';
import {
  CreateEventDto,
  EventPageView,
  EventView,
  ListEventsQuery,
  UpdateEventDto,
} from '@plenary/contracts';
import { ApiErrors, etagOf, Idempotent, IfMatch, requireIfMatch, UuidPipe } from '@plenary/http';
import type { Request, Response } from 'express';
import { renderEventCalendar } from '../calendar/event-calendar.js';
import { EventsService } from './events.service.js';

export const IF_MATCH_HEADER = {
  name: 'If-Match',
  description: 'The ETag you last read, e.g. "3".',
  required: true,
};

@ApiTags('events')
@ApiBearerAuth()
@Controller('events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Post()
  @Roles('secretariat')
  @Idempotent()
  @ApiOperation({ summary: 'Create a meeting (in draft)' })
  @ApiCreatedResponse({
    type: EventView,
    description: 'Location and ETag headers name the new meeting and its version.',
  })
  @ApiErrors(400, 403)
  async create(
    @Body() input: CreateEventDto,
    @CurrentPrincipal() actor: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<EventView> {
    const event = await this.events.create(input, actor);
    response.location(`/events/${event.id}`).setHeader('ETag', etagOf(event.version));
    return event;
  }

  @Get()
  @ApiOperation({
    summary: 'List meetings by start date',
    description: 'Drafts are listed for the secretariat only.',
  })
  @ApiOkResponse({ type: EventPageView })
  @ApiErrors(400)
  list(@Query() query: ListEventsQuery, @CurrentPrincipal() viewer: Principal): Promise<EventPageView> {
    return this.events.list(query, viewer);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Read a meeting',
    description: 'With Accept: text/calendar, an iCalendar file (as /events/{id}.ics).',
  })
  // The media types on the 200 only: errors are JSON.
  @ApiOkResponse({
    content: {
      'application/json': { schema: { $ref: getSchemaPath(EventView) } },
      'text/calendar': { schema: { type: 'string' } },
    },
  })
  @ApiErrors(400, 404)
  async get(
    @Param('id', UuidPipe) id: string,
    @CurrentPrincipal() viewer: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<EventView | string> {
    const event = await this.events.get(id, viewer);
    response.setHeader('ETag', etagOf(event.version));
    if (request.accepts(['application/json', 'text/calendar']) === 'text/calendar') {
      response.type('text/calendar; charset=utf-8');
      return renderEventCalendar(event);
    }
    return event;
  }

  @Patch(':id')
  @Roles('secretariat')
  @ApiOperation({
    summary: 'Change a meeting',
    description:
      'Fields left out stay; optional fields sent as null are removed. Dates change only in draft (then: postpone). Refused with 412 if the meeting changed since the If-Match version.',
  })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ type: EventView })
  @ApiErrors(400, 403, 404, 409, 412, 428)
  async update(
    @Param('id', UuidPipe) id: string,
    @Body() input: UpdateEventDto,
    @IfMatch() ifMatch: number | undefined,
    @CurrentPrincipal() actor: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<EventView> {
    const event = await this.events.update(id, input, actor, requireIfMatch(ifMatch));
    response.setHeader('ETag', etagOf(event.version));
    return event;
  }

  @Delete(':id')
  @Roles('secretariat')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a draft',
    description: 'Only drafts are deleted; announced meetings are cancelled.',
  })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiNoContentResponse()
  // 400 too: a malformed id (or If-Match) is refused before anything else.
  @ApiErrors(400, 403, 404, 409, 412, 428)
  async delete(
    @Param('id', UuidPipe) id: string,
    @IfMatch() ifMatch: number | undefined,
    @CurrentPrincipal() actor: Principal,
  ): Promise<void> {
    await this.events.delete(id, actor, requireIfMatch(ifMatch));
  }
}
