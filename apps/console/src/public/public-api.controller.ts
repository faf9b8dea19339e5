import { All, Controller, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { PublicForwarder } from './public-forwarder.service.js';

export const PUBLIC_API_PREFIX = '/api/public';

/**
 * Public pages' only way to the services: /api/public/<service>/<path>, GET only, for the routes
 * in PUBLIC_ROUTES, without a session and without a token. Registered before the signed-in proxy
 * (/api/<service>/…), which would otherwise take these paths as a service called "public".
 */
@ApiExcludeController()
@Controller('api/public')
export class PublicApiController {
  constructor(private readonly forwarder: PublicForwarder) {}

  @All(':service/*path')
  async forward(
    @Param('service') service: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const prefix = `${PUBLIC_API_PREFIX}/${service}`;
    await this.forwarder.forward(service, request.originalUrl.slice(prefix.length), request, response);
  }
}
