import { EnvVar, ServiceConfig } from '@plenary/config';
import { IsInt, Min } from 'class-validator';

export class ReportsConfig extends ServiceConfig {
  readonly service = 'reports';
  override HTTP_PORT: number = 3003;

  @EnvVar(
    'PDFs (public or preview) one instance renders at once; each holds a CPU and its document in memory.',
  )
  @IsInt()
  @Min(1)
  PDF_RENDER_CONCURRENCY: number = 2;

  @EnvVar('PDF requests that may wait for a free renderer; beyond them a request gets 503 with Retry-After.')
  @IsInt()
  @Min(0)
  PDF_RENDER_QUEUE: number = 16;
}
