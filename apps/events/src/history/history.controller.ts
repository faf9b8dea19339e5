import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@plenary/auth';
import { AsOfQuery, EventHistoryView, EventSnapshotView } from '@plenary/contracts';
import { ApiErrors, IntegerPipe, UuidPipe } from '@plenary/http';
import { HistoryService } from './history.service.js';

@ApiTags('history')
@ApiBearerAuth()
@Roles('secretariat')
@Controller('events/:id')
export class HistoryController {
  constructor(private readonly history: HistoryService) {}

  @Get('history')
  @ApiOperation({ summary: 'Every change: who, when, what (oldest first)' })
  @ApiOkResponse({ type: EventHistoryView })
  @ApiErrors(400, 403, 404)
  list(@Param('id', UuidPipe) id: string): Promise<EventHistoryView> {
    return this.history.history(id);
  }

  @Get('history/:version')
  @ApiOperation({ summary: 'The meeting as it was at a version' })
  @ApiOkResponse({ type: EventSnapshotView })
  @ApiErrors(400, 403, 404)
  atVersion(
    @Param('id', UuidPipe) id: string,
    @Param('version', IntegerPipe) version: number,
  ): Promise<EventSnapshotView> {
    return this.history.atVersion(id, version);
  }

  @Get('as-of')
  @ApiOperation({ summary: 'The meeting as it was at a past moment (?at=)' })
  @ApiOkResponse({ type: EventSnapshotView })
  @ApiErrors(400, 403, 404)
  asOf(@Param('id', UuidPipe) id: string, @Query() query: AsOfQuery): Promise<EventSnapshotView> {
    return this.history.asOf(id, new Date(query.at));
  }
}
