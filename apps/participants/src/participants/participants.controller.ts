import { Body, Controller, Get, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@plenary/auth';
import {
  ListParticipantsQuery,
  ParticipantDetailsView,
  ParticipantPageView,
  PublicParticipantView,
  RegisterParticipantDto,
  UpdateParticipantDto,
} from '@plenary/contracts';
import { ApiErrors, etagOf, Idempotent, IfMatch, requireIfMatch, UuidPipe } from '@plenary/http';
import type { Response } from 'express';
import { ParticipantsService } from './participants.service.js';

@ApiTags('participants')
@ApiBearerAuth()
@ApiExtraModels(ParticipantDetailsView, PublicParticipantView)
@Controller()
export class ParticipantsController {
  constructor(private readonly participants: ParticipantsService) {}

  @Post('delegations/:delegationId/participants')
  @Idempotent()
  @Roles('secretariat', 'coordinator')
  @ApiOperation({
    summary: 'Register a person in a delegation (pending accreditation)',
    description:
      'One head per delegation, the quota of the meeting, one delegation per person (email) per meeting.',
  })
  @ApiCreatedResponse({ type: ParticipantDetailsView })
  @ApiErrors(400, 403, 404, 409)
  async register(
    @Param('delegationId', UuidPipe) delegationId: string,
    @Body() input: RegisterParticipantDto,
    @CurrentPrincipal() actor: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ParticipantDetailsView> {
    const participant = await this.participants.register(delegationId, input, actor);
    response.location(`/participants/${participant.id}`).setHeader('ETag', etagOf(participant.version));
    return participant;
  }

  @Get('events/:eventId/participants')
  @ApiOperation({
    summary: "A meeting's participants, filtered, searched and sorted",
    description:
      'Filters: party, role, state, q (beginning of a name in either script, case and accents ignored). sort: party (default), name, state or badge; pages by cursor. Observers and other parties see the public fields of those attending.',
  })
  @ApiOkResponse({ type: ParticipantPageView })
  @ApiErrors(400)
  list(
    @Param('eventId', UuidPipe) eventId: string,
    @Query() query: ListParticipantsQuery,
    @CurrentPrincipal() viewer: Principal,
  ) {
    return this.participants.list(eventId, query, viewer);
  }

  @Get('participants/:id')
  @ApiOperation({ summary: 'Read a participant' })
  @ApiOkResponse({
    // anyOf, not oneOf: a details view is also a valid public view, so it would match both.
    schema: {
      anyOf: [
        { $ref: getSchemaPath(ParticipantDetailsView) },
        { $ref: getSchemaPath(PublicParticipantView) },
      ],
    },
  })
  @ApiErrors(400, 404)
  async get(
    @Param('id', UuidPipe) id: string,
    @CurrentPrincipal() viewer: Principal,
    @Res({ passthrough: true }) response: Response,
  ) {
    const participant = await this.participants.get(id, viewer);
    if ('version' in participant) response.setHeader('ETag', etagOf(participant.version));
    return participant;
  }

  @Patch('participants/:id')
  @Roles('secretariat', 'coordinator')
  @ApiOperation({ summary: "Change a participant's details (optional fields sent as null are removed)" })
  @ApiHeader({ name: 'If-Match', description: 'The ETag you last read, e.g. "3".', required: true })
  @ApiOkResponse({ type: ParticipantDetailsView })
  @ApiErrors(400, 403, 404, 409, 412, 428)
  async update(
    @Param('id', UuidPipe) id: string,
    @Body() input: UpdateParticipantDto,
    @IfMatch() version: number | undefined,
    @CurrentPrincipal() actor: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ParticipantDetailsView> {
    const participant = await this.participants.update(id, input, actor, requireIfMatch(version));
    response.setHeader('ETag', etagOf(participant.version));
    return participant;
  }
}
