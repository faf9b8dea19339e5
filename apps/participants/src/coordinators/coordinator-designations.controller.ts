import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@plenary/auth';
import {
  CoordinatorDesignationListView,
  CoordinatorDesignationView,
  DesignateCoordinatorDto,
  ListCoordinatorDesignationsQuery,
} from '@plenary/contracts';
import { ApiErrors, Idempotent, UuidPipe } from '@plenary/http';
import type { Response } from 'express';
import { CoordinatorDesignationsService } from './coordinator-designations.service.js';

@ApiTags('coordinators')
@ApiBearerAuth()
@Roles('secretariat')
@Controller()
export class CoordinatorDesignationsController {
  constructor(private readonly designations: CoordinatorDesignationsService) {}

  @Post('events/:eventId/coordinators')
  @Idempotent()
  @ApiOperation({
    summary: "Designate a party's coordinator for a meeting, by email",
    description:
      'Once signed in with this email, verified by the identity provider, the person acts for the party at the meeting. One active designation per email, meeting and party; a party may have several coordinators.',
  })
  @ApiCreatedResponse({ type: CoordinatorDesignationView })
  @ApiErrors(400, 403, 404, 409)
  async designate(
    @Param('eventId', UuidPipe) eventId: string,
    @Body() input: DesignateCoordinatorDto,
    @CurrentPrincipal() actor: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CoordinatorDesignationView> {
    const designation = await this.designations.designate(eventId, input, actor);
    response.location(`/coordinators/${designation.id}`);
    return designation;
  }

  @Get('events/:eventId/coordinators')
  @ApiOperation({ summary: "A meeting's coordinator designations, active and revoked (filter: party)" })
  @ApiOkResponse({ type: CoordinatorDesignationListView })
  @ApiErrors(400, 403)
  async list(
    @Param('eventId', UuidPipe) eventId: string,
    @Query() query: ListCoordinatorDesignationsQuery,
  ): Promise<CoordinatorDesignationListView> {
    return { items: await this.designations.list(eventId, query.party) };
  }

  @Get('coordinators/:id')
  @ApiOperation({
    summary: 'Read a designation, with its email',
    description:
      'For the secretariat and services acting for it (e.g. notifications): topics carry no emails.',
  })
  @ApiOkResponse({ type: CoordinatorDesignationView })
  @ApiErrors(400, 403, 404)
  get(@Param('id', UuidPipe) id: string): Promise<CoordinatorDesignationView> {
    return this.designations.get(id);
  }

  @Post('coordinators/:id/revoke')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Revoke a designation: the person stops acting for the party with their next request',
    description: 'Revoking a revoked designation answers it as it is and changes nothing.',
  })
  @ApiOkResponse({ type: CoordinatorDesignationView })
  @ApiErrors(400, 403, 404)
  revoke(
    @Param('id', UuidPipe) id: string,
    @CurrentPrincipal() actor: Principal,
  ): Promise<CoordinatorDesignationView> {
    return this.designations.revoke(id, actor);
  }
}
