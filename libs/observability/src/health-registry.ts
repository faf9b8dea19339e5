import { Injectable } from '@nestjs/common';

export interface HealthStatus {
  ok: boolean;
  detail?: string;
}

/** A dependency the service needs to do its work (the store, the broker, its consumers). */
export interface HealthCheck {
  name: string;
  check(): Promise<HealthStatus>;
}

export interface Readiness {
  ready: boolean;
  checks: Record<string, HealthStatus>;
}

const CHECK_TIMEOUT_MS = 2000;

/** Collects the readiness checks that libs register, and runs them together for /health/ready. */
@Injectable()
export class HealthRegistry {
  private readonly checks = new Map<string, HealthCheck>();

  register(check: HealthCheck): void {
    this.checks.set(check.name, check);
  }

  async readiness(): Promise<Readiness> {
    const entries = await Promise.all(
      [...this.checks.values()].map(async (c) => [c.name, await runWithTimeout(c)] as const),
    );
    const checks = Object.fromEntries(entries);
    return { ready: entries.every(([, s]) => s.ok), checks };
  }
}

async function runWithTimeout(check: HealthCheck): Promise<HealthStatus> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<HealthStatus>((resolve) => {
    timer = setTimeout(
      () => resolve({ ok: false, detail: `no answer within ${CHECK_TIMEOUT_MS} ms` }),
      CHECK_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([
      check.check().catch((error: Error) => ({ ok: false, detail: error.message })),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
