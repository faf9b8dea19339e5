import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@plenary/auth';
import { CancelEventDto, EventView, PostponeEventDto } from '@plenary/contracts';
import { ApiErrors, etagOf, IfMatch, UuidPipe } from '@plenary/http';
import type { Response } from 'express';
import { LifecycleService } from './lifecycle.service.js';

// Every action answers 400 to a malformed id or If-Match.
const OPTIONAL_IF_MATCH = {
  name: 'If-Match',
  description: 'Optional: refuse (412) if the meeting changed since this ETag.',
  required: false,
};

/** draft → announced → registration-open → registration-closed → in-session → concluded; cancel; postpone. */
@ApiTags('lifecycle')
@ApiBearerAuth()
@Roles('secretariat')
@Controller('events/:id')
export class LifecycleController {
  constructor(private readonly lifecycle: LifecycleService) {}

  private static done(response: Response, event: EventView): EventView {
    response.setHeader('ETag', etagOf(event.version));
    return event;
  }

  @Post('announce')
  @HttpCode(200)
  @ApiOperation({ summary: 'Announce a draft: it becomes public' })
  @ApiHeader(OPTIONAL_IF_MATCH)
  @ApiOkResponse({ type: EventView })
  @ApiErrors(400, 403, 404, 409, 412)
  async announce(
    @Param('id', UuidPipe) id: string,
    @IfMatch() v: number | undefined,
    @CurrentPrincipal() actor: Principal,
    @Res({ passthrough: true }) r: Response,
  ) {
    return LifecycleController.done(r, await this.lifecycle.transition(id, 'announce', actor, v));
  }

  @Post('open-registration')
  @HttpCode(200)
  @ApiOperation({ summary: 'Open registration of delegations (needs the registration window and quota)' })
  @ApiHeader(OPTIONAL_IF_MATCH)
  @ApiOkResponse({ type: EventView })
  @ApiErrors(400, 403, 404, 409, 412)
  async openRegistration(
    @Param('id', UuidPipe) id: string,
    @IfMatch() v: number | undefined,
    @CurrentPrincipal() actor: Principal,
    @Res({ passthrough: true }) r: Response,
  ) {
    return LifecycleController.done(r, await this.lifecycle.transition(id, 'open-registration', actor, v));
  }

  @Post('close-registration')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close registration' })
  @ApiHeader(OPTIONAL_IF_MATCH)
  @ApiOkResponse({ type: EventView })
  @ApiErrors(400, 403, 404, 409, 412)
  async closeRegistration(
    @Param('id', UuidPipe) id: string,
    @IfMatch() v: number | undefined,
    @CurrentPrincipal() actor: Principal,
    @Res({ passthrough: true }) r: Response,
  ) {
    return LifecycleController.done(r, await this.lifecycle.transition(id, 'close-registration', actor, v));
  }

  @Post('start')
  @HttpCode(200)
  @ApiOperation({ summary: 'The meeting is in session' })
  @ApiHeader(OPTIONAL_IF_MATCH)
  @ApiOkResponse({ type: EventView })
  @ApiErrors(400, 403, 404, 409, 412)
  async start(
    @Param('id', UuidPipe) id: string,
    @IfMatch() v: number | undefined,
    @CurrentPrincipal() actor: Principal,
    @Res({ passthrough: true }) r: Response,
  ) {
    return LifecycleController.done(r, await this.lifecycle.transition(id, 'start', actor, v));
  }

  @Post('conclude')
  @HttpCode(200)
  @ApiOperation({ summary: 'The meeting ended' })
  @ApiHeader(OPTIONAL_IF_MATCH)
  @ApiOkResponse({ type: EventView })
  @ApiErrors(400, 403, 404, 409, 412)
  async conclude(
    @Param('id', UuidPipe) id: string,
    @IfMatch() v: number | undefined,
    @CurrentPrincipal() actor: Principal,
    @Res({ passthrough: true }) r: Response,
  ) {
    return LifecycleController.done(r, await this.lifecycle.transition(id, 'conclude', actor, v));
  }

  @Post('cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel the meeting (any state before concluded), with a reason' })
  @ApiHeader(OPTIONAL_IF_MATCH)
  @ApiOkResponse({ type: EventView })
  @ApiErrors(400, 403, 404, 409, 412)
  async cancel(
    @Param('id', UuidPipe) id: string,
    @Body() input: CancelEventDto,
    @IfMatch() v: number | undefined,
    @CurrentPrincipal() actor: Principal,
    @Res({ passthrough: true }) r: Response,
  ) {
    return LifecycleController.done(r, await this.lifecycle.cancel(id, input, actor, v));
  }

  @Post('postpone')
  @HttpCode(200)
  @ApiOperation({ summary: 'Postpone to new dates: back to announced, agenda slots move with the start' })
  @ApiHeader(OPTIONAL_IF_MATCH)
  @ApiOkResponse({ type: EventView })
  @ApiErrors(400, 403, 404, 409, 412)
  async postpone(
    @Param('id', UuidPipe) id: string,
    @Body() input: PostponeEventDto,
    @IfMatch() v: number | undefined,
    @CurrentPrincipal() actor: Principal,
    @Res({ passthrough: true }) r: Response,
  ) {
    return LifecycleController.done(r, await this.lifecycle.postpone(id, input, actor, v));
  }
}
