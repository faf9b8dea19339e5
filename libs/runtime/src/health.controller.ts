import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@plenary/auth';
import { ServiceConfig } from '@plenary/config';
import { HealthRegistry } from '@plenary/observability';
import type { Response } from 'express';

@ApiExcludeController()
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly registry: HealthRegistry,
    private readonly config: ServiceConfig,
  ) {}

  /** Liveness: the process answers. */
  @Get()
  live() {
    return { status: 'ok', service: this.config.service, uptimeSeconds: Math.round(process.uptime()) };
  }

  /** Readiness: the store and Kafka answer, the consumer runs, the outbox relay is not failing. */
  @Get('ready')
  async ready(@Res({ passthrough: true }) response: Response) {
    const { ready, checks } = await this.registry.readiness();
    response.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ready ? 'ready' : 'not-ready', service: this.config.service, checks };
  }
}
