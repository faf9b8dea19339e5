import { Body, Controller, Delete, Param, Patch, Post, Put, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@plenary/auth';
import { AddAgendaItemDto, EventView, ReorderAgendaDto, UpdateAgendaItemDto } from '@plenary/contracts';
import { ApiErrors, etagOf, Idempotent, IfMatch, requireIfMatch, UuidPipe } from '@plenary/http';
import type { Response } from 'express';
import { IF_MATCH_HEADER } from '../events/events.controller.js';
import { AgendaService } from './agenda.service.js';

/** Each call answers with the whole meeting, whose agenda is in order. */
@ApiTags('agenda')
@ApiBearerAuth()
@Roles('secretariat')
@ApiHeader(IF_MATCH_HEADER)
@Controller('events/:id/agenda')
export class AgendaController {
  constructor(private readonly agenda: AgendaService) {}

  private static done(response: Response, event: EventView): EventView {
    response.setHeader('ETag', etagOf(event.version));
    return event;
  }

  @Post()
  @Idempotent()
  @ApiOperation({ summary: 'Add an agenda item (at the end, or at position)' })
  // 201, as answered (a POST without @HttpCode), not 200.
  @ApiCreatedResponse({ type: EventView })
  @ApiErrors(400, 403, 404, 409, 412, 428)
  async add(
    @Param('id', UuidPipe) id: string,
    @Body() input: AddAgendaItemDto,
    @IfMatch() v: number | undefined,
    @CurrentPrincipal() actor: Principal,
    @Res({ passthrough: true }) r: Response,
  ) {
    return AgendaController.done(r, await this.agenda.add(id, input, actor, requireIfMatch(v)));
  }

  @Put('order')
  @ApiOperation({ summary: 'Reorder the agenda' })
  @ApiOkResponse({ type: EventView })
  @ApiErrors(400, 403, 404, 409, 412, 428)
  async reorder(
    @Param('id', UuidPipe) id: string,
    @Body() input: ReorderAgendaDto,
    @IfMatch() v: number | undefined,
    @CurrentPrincipal() actor: Principal,
    @Res({ passthrough: true }) r: Response,
  ) {
    return AgendaController.done(r, await this.agenda.reorder(id, input, actor, requireIfMatch(v)));
  }

  @Patch(':itemId')
  @ApiOperation({ summary: 'Edit an agenda item (description and slot sent as null are removed)' })
  @ApiOkResponse({ type: EventView })
  @ApiErrors(400, 403, 404, 409, 412, 428)
  async update(
    @Param('id', UuidPipe) id: string,
    @Param('itemId', UuidPipe) itemId: string,
    @Body() input: UpdateAgendaItemDto,
    @IfMatch() v: number | undefined,
    @CurrentPrincipal() actor: Principal,
    @Res({ passthrough: true }) r: Response,
  ) {
    return AgendaController.done(r, await this.agenda.update(id, itemId, input, actor, requireIfMatch(v)));
  }

  @Delete(':itemId')
  @ApiOperation({ summary: 'Remove an agenda item' })
  @ApiOkResponse({ type: EventView })
  // 400 too: a malformed id (or If-Match) is refused before anything else.
  @ApiErrors(400, 403, 404, 409, 412, 428)
  async remove(
    @Param('id', UuidPipe) id: string,
    @Param('itemId', UuidPipe) itemId: string,
    @IfMatch() v: number | undefined,
    @CurrentPrincipal() actor: Principal,
    @Res({ passthrough: true }) r: Response,
  ) {
    return AgendaController.done(r, await this.agenda.remove(id, itemId, actor, requireIfMatch(v)));
  }
}
