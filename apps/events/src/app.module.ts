import { Module } from '@nestjs/common';
import { Topics } from '@plenary/contracts';
import { ServiceModule } from '@plenary/runtime';
import { EventsConfig } from './events.config.js';
import { EventsModule } from './events/events.module.js';

@Module({
  imports: [
    ServiceModule.forRoot({
      config: EventsConfig,
      messaging: { outboxCollections: ['events'], publishes: [Topics.events] },
    }),
    EventsModule,
  ],
})
export class AppModule {}
