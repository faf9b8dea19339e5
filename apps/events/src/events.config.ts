import { ServiceConfig } from '@plenary/config';

export class EventsConfig extends ServiceConfig {
  readonly service = 'events';
  override HTTP_PORT: number = 3001;
}
