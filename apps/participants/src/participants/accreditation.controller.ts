import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@plenary/auth';
import { ParticipantDetailsView, RejectParticipantDto } from '@plenary/contracts';
import { ApiErrors, etagOf, IfMatch, UuidPipe } from '@plenary/http';
import type { Response } from 'express';
import { AccreditationService } from './accreditation.service.js';

// Every action answers 400 to a malformed id or If-Match.
const OPTIONAL_IF_MATCH = {
  name: 'If-Match',
  required: false,
  description: 'Optional: refuse (412) if the participant changed since.',
};

const withEtag = (response: Response, view: ParticipantDetailsView) => {
  response.setHeader('ETag', etagOf(view.version));
  return view;
};

/** pending → accredited (badge) or rejected; withdrawn; reinstated; checked in on the day. */
@ApiTags('accreditation')
@ApiBearerAuth()
@Controller('participants/:id')
export class AccreditationController {
  constructor(private readonly accreditation: AccreditationService) {}

  @Post('accredit')
  @Roles('secretariat')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accredit: a badge number unique within the meeting' })
  @ApiHeader(OPTIONAL_IF_MATCH)
  @ApiOkResponse({ type: ParticipantDetailsView })
  @ApiErrors(400, 403, 404, 409, 412)
  async accredit(
    @Param('id', UuidPipe) id: string,
    @IfMatch() v: number | undefined,
    @Res({ passthrough: true }) r: Response,
  ) {
    return withEtag(r, await this.accreditation.accredit(id, v));
  }

  @Post('reject')
  @Roles('secretariat')
  @HttpCode(200)
  @ApiOperation({ summary: 'Refuse accreditation, with a reason; the place is freed' })
  @ApiHeader(OPTIONAL_IF_MATCH)
  @ApiOkResponse({ type: ParticipantDetailsView })
  @ApiErrors(400, 403, 404, 409, 412)
  async reject(
    @Param('id', UuidPipe) id: string,
    @Body() input: RejectParticipantDto,
    @IfMatch() v: number | undefined,
    @Res({ passthrough: true }) r: Response,
  ) {
    return withEtag(r, await this.accreditation.reject(id, input.reason, v));
  }

  @Post('withdraw')
  @Roles('secretariat', 'coordinator')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw: the person no longer attends; the place is freed' })
  @ApiHeader(OPTIONAL_IF_MATCH)
  @ApiOkResponse({ type: ParticipantDetailsView })
  @ApiErrors(400, 403, 404, 409, 412)
  async withdraw(
    @Param('id', UuidPipe) id: string,
    @IfMatch() v: number | undefined,
    @CurrentPrincipal() actor: Principal,
    @Res({ passthrough: true }) r: Response,
  ) {
    return withEtag(r, await this.accreditation.withdraw(id, actor, v));
  }

  @Post('reinstate')
  @Roles('secretariat', 'coordinator')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Reinstate a withdrawn (or, for the secretariat, rejected) person: pending again, if a place is free',
  })
  @ApiHeader(OPTIONAL_IF_MATCH)
  @ApiOkResponse({ type: ParticipantDetailsView })
  @ApiErrors(400, 403, 404, 409, 412)
  async reinstate(
    @Param('id', UuidPipe) id: string,
    @IfMatch() v: number | undefined,
    @CurrentPrincipal() actor: Principal,
    @Res({ passthrough: true }) r: Response,
  ) {
    return withEtag(r, await this.accreditation.reinstate(id, actor, v));
  }

  @Post('check-in')
  @Roles('secretariat')
  @HttpCode(200)
  @ApiOperation({ summary: 'Check in on the day (accredited only); repeating it changes nothing' })
  @ApiOkResponse({ type: ParticipantDetailsView })
  @ApiErrors(400, 403, 404, 409)
  async checkIn(@Param('id', UuidPipe) id: string, @Res({ passthrough: true }) r: Response) {
    return withEtag(r, await this.accreditation.checkIn(id));
  }
}
