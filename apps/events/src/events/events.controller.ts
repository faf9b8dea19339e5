import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@plenary/auth';
import { CreateEventDto, EventPageView, EventView } from '@plenary/contracts';
import { ApiErrors, PageQuery } from '@plenary/http';
import type { Response } from 'express';
import { EventsService } from './events.service.js';

@ApiTags('events')
@ApiBearerAuth()
@Controller('events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Post()
  @Roles('secretariat')
  @ApiOperation({ summary: 'Create a meeting (in draft)' })
  @ApiCreatedResponse({ type: EventView })
  @ApiErrors(400, 403)
  async create(
    @Body() input: CreateEventDto,
    @CurrentPrincipal() actor: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<EventView> {
    const event = await this.events.create(input, actor);
    response.location(`/events/${event.id}`).setHeader('ETag', `"${event.version}"`);
    return event;
  }

  @Get()
  @ApiOperation({ summary: 'List meetings by start date' })
  @ApiOkResponse({ type: EventPageView })
  @ApiErrors(400)
  list(@Query() query: PageQuery): Promise<EventPageView> {
    return this.events.list(query.limit, query.cursor);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Read a meeting' })
  @ApiOkResponse({ type: EventView })
  @ApiErrors(400, 404)
  async get(
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<EventView> {
    const event = await this.events.get(id);
    response.setHeader('ETag', `"${event.version}"`);
    return event;
  }
}
