import { ServiceConfig } from '@plenary/config';

export class ParticipantsConfig extends ServiceConfig {
  readonly service = 'participants';
  override HTTP_PORT: number = 3002;
}
