import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AttendanceView } from '@plenary/contracts';
import { ApiErrors } from '@plenary/http';
import { AttendanceService } from './attendance.service.js';

@ApiTags('attendance')
@ApiBearerAuth()
@Controller('events/:eventId/attendance')
export class AttendanceController {
  constructor(private readonly attendance: AttendanceService) {}

  @Get()
  @ApiOperation({ summary: 'Who takes part in a meeting, compiled from messages' })
  @ApiOkResponse({ type: AttendanceView })
  @ApiErrors(400, 404)
  get(@Param('eventId', ParseUUIDPipe) eventId: string): Promise<AttendanceView> {
    return this.attendance.attendance(eventId);
  }
}
