import { Module } from '@nestjs/common';
import { Topics } from '@plenary/contracts';
import { ServiceModule } from '@plenary/runtime';
import { AttendanceModule } from './attendance/attendance.module.js';
import { EventCopiesModule } from './event-copies/event-copies.module.js';
import { ReportsConfig } from './reports.config.js';
import { ReportsModule } from './reports/reports.module.js';

@Module({
  imports: [
    ServiceModule.forRoot({
      config: ReportsConfig,
      messaging: { outboxCollections: ['reports'], publishes: [Topics.reports] },
    }),
    EventCopiesModule,
    AttendanceModule,
    ReportsModule,
  ],
})
export class AppModule {}
