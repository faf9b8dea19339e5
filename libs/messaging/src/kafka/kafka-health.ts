import type { Admin } from 'kafkajs';
import type { HealthStatus } from '@plenary/observability';

const CACHE_MS = 1000;

/** Asks the cluster for its brokers; cached briefly so that frequent probes cost one request. */
export class KafkaHealth {
  private last: { at: number; status: HealthStatus } | undefined;
  private connected = false;

  constructor(private readonly admin: Admin) {}

  async check(): Promise<HealthStatus> {
    if (this.last && Date.now() - this.last.at < CACHE_MS) return this.last.status;
    let status: HealthStatus;
    try {
      if (!this.connected) {
        await this.admin.connect();
        this.connected = true;
      }
      const cluster = await this.admin.describeCluster();
      status = { ok: cluster.brokers.length > 0, detail: `${cluster.brokers.length} broker(s)` };
    } catch (error) {
      status = { ok: false, detail: (error as Error).message };
    }
    this.last = { at: Date.now(), status };
    return status;
  }

  async close(): Promise<void> {
    if (this.connected) await this.admin.disconnect().catch(() => undefined);
  }
}
