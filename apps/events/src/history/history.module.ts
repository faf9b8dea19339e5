import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module.js';
import { HistoryController } from './history.controller.js';
import { HistoryService } from './history.service.js';

@Module({ imports: [EventsModule], controllers: [HistoryController], providers: [HistoryService] })
export class HistoryModule {}
