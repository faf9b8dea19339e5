import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@plenary/auth';
import { MyCoordinationsView } from '@plenary/contracts';
import { ApiErrors } from '@plenary/http';
import { MyCoordinationsService } from './my-coordinations.service.js';

@ApiTags('coordinators')
@ApiBearerAuth()
@Controller('me')
export class MyCoordinationsController {
  constructor(private readonly coordinations: MyCoordinationsService) {}

  @Get('coordinations')
  @ApiOperation({
    summary: 'The parties and meetings the signed-in person coordinates',
    description:
      "Active designations of the caller's email, only when the identity provider verified it (otherwise an empty list and a notice); each with the meeting's dates, registration window and quota, and the party's delegation once registered.",
  })
  @ApiOkResponse({ type: MyCoordinationsView })
  @ApiErrors()
  mine(@CurrentPrincipal() principal: Principal): Promise<MyCoordinationsView> {
    return this.coordinations.of(principal);
  }
}
