import { runService } from '@plenary/runtime';
import { AppModule } from './app.module.js';
import { EventsConfig } from './events.config.js';

await runService({
  module: AppModule,
  config: EventsConfig,
  openApi: {
    title: 'Plenary events API',
    description: 'Meetings: their parties, dates, agenda and lifecycle. Owned by the events service.',
    version: '1',
  },
});
