import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module.js';
import { AgendaController } from './agenda.controller.js';
import { AgendaService } from './agenda.service.js';

@Module({ imports: [EventsModule], controllers: [AgendaController], providers: [AgendaService] })
export class AgendaModule {}
