import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@plenary/auth';
import { DelegationDetailsView, DelegationView, RegisterDelegationDto } from '@plenary/contracts';
import { ApiErrors } from '@plenary/http';
import type { Response } from 'express';
import { DelegationsService } from './delegations.service.js';

@ApiTags('delegations')
@ApiBearerAuth()
@ApiExtraModels(DelegationView, DelegationDetailsView)
@Controller('events/:eventId/delegations')
export class DelegationsController {
  constructor(private readonly delegations: DelegationsService) {}

  @Post()
  @Roles('secretariat', 'coordinator')
  @ApiOperation({ summary: "Register a party's delegation to a meeting" })
  @ApiCreatedResponse({ type: DelegationDetailsView })
  @ApiErrors(400, 403, 404, 409)
  async register(
    @Param('eventId', ParseUUIDPipe) eventId: string,
    @Body() input: RegisterDelegationDto,
    @CurrentPrincipal() actor: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<DelegationDetailsView> {
    const delegation = await this.delegations.register(eventId, input, actor);
    response
      .location(`/events/${eventId}/delegations/${delegation.id}`)
      .setHeader('ETag', `"${delegation.version}"`);
    return delegation;
  }

  @Get()
  @ApiOperation({ summary: "A meeting's delegations" })
  @ApiOkResponse({
    schema: {
      type: 'array',
      items: {
        oneOf: [{ $ref: getSchemaPath(DelegationDetailsView) }, { $ref: getSchemaPath(DelegationView) }],
      },
    },
  })
  @ApiErrors(400)
  list(@Param('eventId', ParseUUIDPipe) eventId: string, @CurrentPrincipal() viewer: Principal) {
    return this.delegations.list(eventId, viewer);
  }
}
