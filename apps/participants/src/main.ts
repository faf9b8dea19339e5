import { runService } from '@plenary/runtime';
import { AppModule } from './app.module.js';
import { ParticipantsConfig } from './participants.config.js';

await runService({
  module: AppModule,
  config: ParticipantsConfig,
  openApi: {
    title: 'Plenary participants API',
    description:
      'Delegations and their people: registration by coordinators, accreditation by the secretariat.',
    version: '1',
  },
});
