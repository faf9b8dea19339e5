import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@plenary/auth';
import { CheckInByCodeDto, CheckInView } from '@plenary/contracts';
import { ApiErrors, etagOf, Idempotent, UuidPipe } from '@plenary/http';
import type { Response } from 'express';
import { CheckInByCodeService } from './check-in-by-code.service.js';

@ApiTags('accreditation')
@ApiBearerAuth()
@Controller('events/:eventId')
export class CheckInsController {
  constructor(private readonly desk: CheckInByCodeService) {}

  @Post('check-ins')
  @Idempotent()
  @Roles('secretariat')
  @HttpCode(200)
  @ApiOperation({
    summary: "Check in by a badge's code (scanned from its QR code or typed); repeating it changes nothing",
    description:
      'A forged or altered code is refused (400 BADGE_CODE_INVALID), as is a badge of another meeting (400 BADGE_OF_ANOTHER_MEETING); 404 when no participant holds the badge here; 409 when its holder is not accredited (withdrawn, rejected). alreadyCheckedIn tells a repeat, and checkedInAt when the first was.',
  })
  @ApiOkResponse({ type: CheckInView })
  @ApiErrors(400, 403, 404, 409)
  async checkIn(
    @Param('eventId', UuidPipe) eventId: string,
    @Body() input: CheckInByCodeDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CheckInView> {
    const view = await this.desk.checkIn(eventId, input.code);
    response.setHeader('ETag', etagOf(view.version));
    return view;
  }
}
