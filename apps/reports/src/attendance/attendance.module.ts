import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { EventCopiesModule } from '../event-copies/event-copies.module.js';
import { AttendanceController } from './attendance.controller.js';
import { AttendanceService } from './attendance.service.js';
import { RecordAttendanceConsumer } from './record-attendance.consumer.js';
import { AttendingDelegation, AttendingDelegationSchema } from './schemas/attending-delegation.schema.js';
import { AttendingParticipant, AttendingParticipantSchema } from './schemas/attending-participant.schema.js';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: AttendingDelegation.name, schema: AttendingDelegationSchema },
      { name: AttendingParticipant.name, schema: AttendingParticipantSchema },
    ]),
    EventCopiesModule,
  ],
  controllers: [AttendanceController, RecordAttendanceConsumer],
  providers: [AttendanceService],
  exports: [AttendanceService, EventCopiesModule],
})
export class AttendanceModule {}
