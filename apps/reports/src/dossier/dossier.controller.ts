import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@plenary/auth';
import { DossierView } from '@plenary/contracts';
import { ApiErrors, UuidPipe } from '@plenary/http';
import { DossierService } from './dossier.service.js';

@ApiTags('dossier')
@Controller('events/:eventId/dossier')
export class DossierController {
  constructor(private readonly dossiers: DossierService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'The meeting, its attendance and its published reports in one document (public)' })
  @ApiOkResponse({ type: DossierView })
  @ApiErrors(400, 404)
  dossier(@Param('eventId', UuidPipe) eventId: string): Promise<DossierView> {
    return this.dossiers.dossier(eventId);
  }
}
