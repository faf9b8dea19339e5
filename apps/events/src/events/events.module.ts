import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { EventsController } from './events.controller.js';
import { EventsService } from './events.service.js';
import { EventRecord, EventRecordSchema } from './schemas/event.schema.js';

@Module({
  imports: [MongooseModule.forFeature([{ name: EventRecord.name, schema: EventRecordSchema }])],
  controllers: [EventsController],
  providers: [EventsService],
})
export class EventsModule {}
