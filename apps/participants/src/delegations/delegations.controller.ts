import { Body, Controller, Get, HttpCode, Param, Patch, Post, Res } from '@nestjs/common';
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
  CredentialsReceivedDto,
  DelegationDetailsView,
  DelegationView,
  RegisterDelegationDto,
  UpdateDelegationDto,
  WithdrawDto,
} from '@plenary/contracts';
import { ApiErrors, etagOf, Idempotent, IfMatch, requireIfMatch, UuidPipe } from '@plenary/http';
import type { Response } from 'express';
import { toDelegationView } from './delegation-view.mapper.js';
import { DelegationsService } from './delegations.service.js';

// anyOf, not oneOf: a details view is also a valid plain view, so it would match both.
const ONE_OF_VIEWS = {
  anyOf: [{ $ref: getSchemaPath(DelegationDetailsView) }, { $ref: getSchemaPath(DelegationView) }],
};
const IF_MATCH = { name: 'If-Match', description: 'The ETag you last read, e.g. "3".', required: true };
const OPTIONAL_IF_MATCH = {
  ...IF_MATCH,
  required: false,
  description: 'Optional: refuse (412) if the delegation changed since.',
};

const withEtag = <T extends { version: number }>(response: Response, view: T): T => {
  response.setHeader('ETag', etagOf(view.version));
  return view;
};

@ApiTags('delegations')
@ApiBearerAuth()
@ApiExtraModels(DelegationView, DelegationDetailsView)
@Controller()
export class DelegationsController {
  constructor(private readonly delegations: DelegationsService) {}

  @Post('events/:eventId/delegations')
  @Idempotent()
  @Roles('secretariat', 'coordinator')
  @ApiOperation({
    summary: "Register a party's delegation to a meeting",
    description: 'While registration is open (the secretariat also later); one delegation per party.',
  })
  @ApiCreatedResponse({ type: DelegationDetailsView })
  @ApiErrors(400, 403, 404, 409)
  async register(
    @Param('eventId', UuidPipe) eventId: string,
    @Body() input: RegisterDelegationDto,
    @CurrentPrincipal() actor: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<DelegationDetailsView> {
    const delegation = await this.delegations.register(eventId, input, actor);
    response.location(`/delegations/${delegation.id}`);
    return withEtag(response, delegation);
  }

  @Get('events/:eventId/delegations')
  @ApiOperation({
    summary: "A meeting's delegations",
    description: 'Contact details for the secretariat and each own coordinator.',
  })
  @ApiOkResponse({ schema: { type: 'array', items: ONE_OF_VIEWS } })
  @ApiErrors(400)
  list(@Param('eventId', UuidPipe) eventId: string, @CurrentPrincipal() viewer: Principal) {
    return this.delegations.list(eventId, viewer);
  }

  @Get('delegations/:id')
  @ApiOperation({ summary: 'Read a delegation' })
  @ApiOkResponse({ schema: ONE_OF_VIEWS })
  @ApiErrors(400, 404)
  async get(
    @Param('id', UuidPipe) id: string,
    @CurrentPrincipal() viewer: Principal,
    @Res({ passthrough: true }) response: Response,
  ) {
    return withEtag(response, await this.delegations.get(id, viewer));
  }

  @Patch('delegations/:id')
  @Roles('secretariat', 'coordinator')
  @ApiOperation({ summary: "Change the coordinator's contact or the credentials reference" })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: DelegationDetailsView })
  @ApiErrors(400, 403, 404, 409, 412, 428)
  async update(
    @Param('id', UuidPipe) id: string,
    @Body() input: UpdateDelegationDto,
    @IfMatch() version: number | undefined,
    @CurrentPrincipal() actor: Principal,
    @Res({ passthrough: true }) response: Response,
  ) {
    return withEtag(response, await this.delegations.update(id, input, actor, requireIfMatch(version)));
  }

  @Post('delegations/:id/credentials-received')
  @Roles('secretariat')
  @HttpCode(200)
  @ApiOperation({
    summary: 'The note verbale or credentials letter arrived (registered → credentials-received)',
  })
  @ApiHeader(OPTIONAL_IF_MATCH)
  @ApiOkResponse({ type: DelegationDetailsView })
  @ApiErrors(400, 403, 404, 409, 412)
  async receiveCredentials(
    @Param('id', UuidPipe) id: string,
    @Body() input: CredentialsReceivedDto,
    @IfMatch() version: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return withEtag(response, await this.delegations.receiveCredentials(id, input, version));
  }

  @Post('delegations/:id/accredit')
  @Roles('secretariat')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accredit the delegation (credentials-received → accredited)' })
  @ApiHeader(OPTIONAL_IF_MATCH)
  @ApiOkResponse({ type: DelegationDetailsView })
  // 400 too: a malformed id (or If-Match) is refused before anything else.
  @ApiErrors(400, 403, 404, 409, 412)
  async accredit(
    @Param('id', UuidPipe) id: string,
    @IfMatch() version: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return withEtag(response, await this.delegations.accredit(id, version));
  }

  @Post('delegations/:id/withdraw')
  @Roles('secretariat', 'coordinator')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw the delegation; its people are withdrawn with it (within a second)' })
  @ApiHeader(OPTIONAL_IF_MATCH)
  @ApiOkResponse({ type: DelegationView })
  @ApiErrors(400, 403, 404, 409, 412)
  async withdraw(
    @Param('id', UuidPipe) id: string,
    @Body() input: WithdrawDto,
    @IfMatch() version: number | undefined,
    @CurrentPrincipal() actor: Principal,
    @Res({ passthrough: true }) response: Response,
  ) {
    return withEtag(
      response,
      toDelegationView(await this.delegations.withdraw(id, actor, input.reason, version)),
    );
  }
}
