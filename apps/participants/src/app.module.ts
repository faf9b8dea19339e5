import { Module } from '@nestjs/common';
import { Topics } from '@plenary/contracts';
import { ServiceModule } from '@plenary/runtime';
import { BadgesModule } from './badges/badges.module.js';
import { CoordinatorsModule } from './coordinators/coordinators.module.js';
import { DelegationsModule } from './delegations/delegations.module.js';
import { EventCopiesModule } from './event-copies/event-copies.module.js';
import { ImportsModule } from './imports/imports.module.js';
import { ParticipantsConfig } from './participants.config.js';
import { ParticipantsModule } from './participants/participants.module.js';
import { ReportingModule } from './reporting/reporting.module.js';

@Module({
  imports: [
    ServiceModule.forRoot({
      config: ParticipantsConfig,
      messaging: {
        outboxCollections: ['delegations', 'participants', 'coordinator_designations'],
        publishes: [Topics.participants],
      },
    }),
    EventCopiesModule,
    DelegationsModule,
    ParticipantsModule,
    ReportingModule,
    BadgesModule,
    CoordinatorsModule,
    ImportsModule,
  ],
})
export class AppModule {}
