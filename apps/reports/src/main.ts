import { runService } from '@plenary/runtime';
import { AppModule } from './app.module.js';
import { ReportsConfig } from './reports.config.js';

await runService({
  module: AppModule,
  config: ReportsConfig,
  openApi: {
    title: 'Plenary reports API',
    description:
      'Outcome reports of meetings and their attendance, compiled from the events and participants topics.',
    version: '1',
  },
});
