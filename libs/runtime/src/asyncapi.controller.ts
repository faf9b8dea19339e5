import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@plenary/auth';
import { asyncApiDocument } from '@plenary/contracts';

/** The AsyncAPI document of all Plenary topics, served by every service (docs/asyncapi holds the committed copy). */
@ApiExcludeController()
@Public()
@Controller('asyncapi')
export class AsyncApiController {
  private document: Record<string, unknown> | undefined;

  @Get()
  @Header('Content-Type', 'application/json; charset=utf-8')
  get(): Record<string, unknown> {
    this.document ??= asyncApiDocument();
    return this.document;
  }
}
