import { Module } from '@nestjs/common';
import { Topics } from '@plenary/contracts';
import { ServiceModule } from '@plenary/runtime';
import { EventsConfig } from './events.config.js';
import { AgendaModule } from './agenda/agenda.module.js';
import { EventsModule } from './events/events.module.js';
import { HistoryModule } from './history/history.module.js';
import { LifecycleModule } from './lifecycle/lifecycle.module.js';

@Module({
  imports: [
    ServiceModule.forRoot({
      config: EventsConfig,
      messaging: { outboxCollections: ['events'], publishes: [Topics.events] },
    }),
    EventsModule,
    LifecycleModule,
    AgendaModule,
    HistoryModule,
  ],
})
export class AppModule {}
