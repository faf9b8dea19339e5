import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { EventCopiesModule } from '../event-copies/event-copies.module.js';
import { DelegationWriter } from './delegation-writer.service.js';
import { DelegationsController } from './delegations.controller.js';
import { DelegationsService } from './delegations.service.js';
import { MeetingReactions } from './meeting-reactions.service.js';
import { ReactToMeetingChangesConsumer } from './react-to-meeting-changes.consumer.js';
import { DelegationRecord, DelegationRecordSchema } from './schemas/delegation.schema.js';
import { MeetingReaction, MeetingReactionSchema } from './schemas/meeting-reaction.schema.js';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: DelegationRecord.name, schema: DelegationRecordSchema },
      { name: MeetingReaction.name, schema: MeetingReactionSchema },
    ]),
    EventCopiesModule,
  ],
  controllers: [DelegationsController, ReactToMeetingChangesConsumer],
  providers: [DelegationsService, DelegationWriter, MeetingReactions],
  exports: [DelegationsService, DelegationWriter, MongooseModule],
})
export class DelegationsModule {}
