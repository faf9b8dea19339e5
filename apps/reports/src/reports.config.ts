import { ServiceConfig } from '@plenary/config';

export class ReportsConfig extends ServiceConfig {
  readonly service = 'reports';
  override HTTP_PORT: number = 3003;
}
