import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@plenary/auth';
import { AttendanceView } from '@plenary/contracts';
import { ApiErrors, UuidPipe } from '@plenary/http';
import { AttendanceService } from './attendance.service.js';

@ApiTags('attendance')
@ApiBearerAuth()
@Controller('events/:eventId/attendance')
export class AttendanceController {
  constructor(private readonly attendance: AttendanceService) {}

  @Get()
  @ApiOperation({
    summary: 'Who takes part in a meeting, compiled from messages',
    description: 'A draft meeting is known to the secretariat only.',
  })
  @ApiOkResponse({ type: AttendanceView })
  @ApiErrors(400, 404)
  get(
    @Param('eventId', UuidPipe) eventId: string,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<AttendanceView> {
    return this.attendance.attendance(eventId, viewer);
  }
}
