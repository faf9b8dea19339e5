import { Module } from '@nestjs/common';
import { DelegationsModule } from '../delegations/delegations.module.js';
import { ParticipantsModule } from '../participants/participants.module.js';
import { BadgePrintingService } from './badge-printing.service.js';
import { BadgesController } from './badges.controller.js';
import { CheckInByCodeService } from './check-in-by-code.service.js';
import { CheckInsController } from './check-ins.controller.js';

/** Printed badges and the check-in desk that reads them. */
@Module({
  imports: [ParticipantsModule, DelegationsModule],
  controllers: [BadgesController, CheckInsController],
  providers: [BadgePrintingService, CheckInByCodeService],
})
export class BadgesModule {}
