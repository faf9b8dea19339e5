import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { EventCopiesService } from './event-copies.service.js';
import { KeepEventCopyConsumer } from './keep-event-copy.consumer.js';
import { EventCopy, EventCopySchema } from './schemas/event-copy.schema.js';

@Module({
  imports: [MongooseModule.forFeature([{ name: EventCopy.name, schema: EventCopySchema }])],
  controllers: [KeepEventCopyConsumer],
  providers: [EventCopiesService],
  exports: [EventCopiesService],
})
export class EventCopiesModule {}
