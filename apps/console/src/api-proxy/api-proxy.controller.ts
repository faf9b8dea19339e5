import { All, Controller, Param, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ConsoleSessions } from '../sessions/console-sessions.service.js';
import { sessionCookie } from '../sign-in/sign-in.controller.js';
import { ApiForwarder } from './api-forwarder.service.js';
import { SameOriginGuard } from './same-origin.guard.js';

/**
 * The page's only way to the services: /api/<service>/<path> is forwarded with the signed-in
 * person's bearer token. The services decide what that person may do; the console adds nothing.
 */
@ApiExcludeController()
@UseGuards(SameOriginGuard)
@Controller('api')
export class ApiProxyController {
  constructor(
    private readonly sessions: ConsoleSessions,
    private readonly forwarder: ApiForwarder,
  ) {}

  @All(':service/*path')
  async forward(
    @Param('service') service: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const session = await this.sessions.require(sessionCookie(request));
    await this.forwarder.forward(service, request, response, session.accessToken);
  }
}
