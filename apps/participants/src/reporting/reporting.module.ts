import { Module } from '@nestjs/common';
import { EventCopiesModule } from '../event-copies/event-copies.module.js';
import { ParticipantsModule } from '../participants/participants.module.js';
import { ParticipantExportService } from './participant-export.service.js';
import { ParticipantSummaryService } from './participant-summary.service.js';
import { ReportingController } from './reporting.controller.js';

@Module({
  imports: [ParticipantsModule, EventCopiesModule],
  controllers: [ReportingController],
  providers: [ParticipantSummaryService, ParticipantExportService],
})
export class ReportingModule {}
