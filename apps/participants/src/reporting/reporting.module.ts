import { Module } from '@nestjs/common';
import { ParticipantsModule } from '../participants/participants.module.js';
import { ParticipantExportService } from './participant-export.service.js';
import { ParticipantSummaryService } from './participant-summary.service.js';
import { ReportingController } from './reporting.controller.js';

@Module({
  imports: [ParticipantsModule],
  controllers: [ReportingController],
  providers: [ParticipantSummaryService, ParticipantExportService],
})
export class ReportingModule {}
