import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CalendarController } from '../calendar/calendar.controller.js';
import { HistoryWriter } from '../history/history-writer.service.js';
import { HistoryEntryRecord, HistoryEntryRecordSchema } from '../history/schemas/history-entry.schema.js';
import { EventWriter } from './event-writer.service.js';
import { EventsController } from './events.controller.js';
import { EventsService } from './events.service.js';
import { EventRecord, EventRecordSchema } from './schemas/event.schema.js';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: EventRecord.name, schema: EventRecordSchema },
      { name: HistoryEntryRecord.name, schema: HistoryEntryRecordSchema },
    ]),
  ],
  // The calendar route (/events/:id.ics) is registered before /events/:id, which would take it.
  controllers: [CalendarController, EventsController],
  providers: [EventsService, EventWriter, HistoryWriter],
  exports: [EventWriter, EventsService, MongooseModule],
})
export class EventsModule {}
