import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { EventCopiesModule } from '../event-copies/event-copies.module.js';
import { ParticipantsModule } from '../participants/participants.module.js';
import { KeepParticipantSummaryConsumer } from './keep-participant-summary.consumer.js';
import { ParticipantExportService } from './participant-export.service.js';
import { ParticipantGenders } from './participant-genders.service.js';
import { ParticipantSummaryReference } from './participant-summary-reference.service.js';
import { ParticipantSummaryWriter } from './participant-summary-writer.service.js';
import { ParticipantSummaryService } from './participant-summary.service.js';
import { ReportingController } from './reporting.controller.js';
import { ParticipantSummaryRecord, ParticipantSummarySchema } from './schemas/participant-summary.schema.js';
import {
  SummaryContributionRecord,
  SummaryContributionSchema,
} from './schemas/summary-contribution.schema.js';
import { SummaryContributionWriter } from './summary-contribution-writer.service.js';
import { SummaryProjection } from './summary-projection.service.js';
import { SummaryRebuild } from './summary-rebuild.service.js';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: ParticipantSummaryRecord.name, schema: ParticipantSummarySchema },
      { name: SummaryContributionRecord.name, schema: SummaryContributionSchema },
    ]),
    ParticipantsModule,
    EventCopiesModule,
  ],
  controllers: [ReportingController, KeepParticipantSummaryConsumer],
  providers: [
    ParticipantSummaryService,
    ParticipantSummaryReference,
    ParticipantSummaryWriter,
    SummaryContributionWriter,
    ParticipantGenders,
    SummaryProjection,
    SummaryRebuild,
    ParticipantExportService,
  ],
  exports: [SummaryRebuild, ParticipantSummaryReference],
})
export class ReportingModule {}
