import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { issueToken } from '@plenary/auth';
import { LocalStack, ROOT, freePort } from '../../scripts/lib/local-stack.js';
import { type AppName, type ServiceProcess, spawnService } from '../../scripts/lib/service-process.js';

export const BENCH_DIR = join(ROOT, '.stack/bench');

/** Where the benchmark runs: its own local stack (reset each run), or the broker and store it is given. */
export interface BenchStack {
  kafkaBrokers: string;
  mongoUrl: string;
  stop(): Promise<void>;
}

export async function benchStack(): Promise<BenchStack> {
  const { BENCH_KAFKA_BROKERS, BENCH_MONGO_URL } = process.env;
  if (BENCH_KAFKA_BROKERS && BENCH_MONGO_URL)
    return { kafkaBrokers: BENCH_KAFKA_BROKERS, mongoUrl: BENCH_MONGO_URL, stop: async () => {} };
  const stack = new LocalStack({
    dir: join(BENCH_DIR, 'stack'),
    kafkaPort: Number(process.env.BENCH_KAFKA_PORT ?? 29092),
    storePort: Number(process.env.BENCH_STORE_PORT ?? 47017),
  });
  await stack.stop();
  rmSync(stack.options.dir, { recursive: true, force: true });
  await stack.start();
  return { kafkaBrokers: stack.kafkaBrokers, mongoUrl: stack.mongoUrl, stop: () => stack.stop() };
}

/** The services of one benchmark, each in its own process as in production, sharing one namespace. */
export class BenchServices {
  readonly secret = randomBytes(32).toString('base64url');
  readonly running = new Map<AppName, ServiceProcess>();

  constructor(
    readonly stack: BenchStack,
    readonly namespace: string,
  ) {}

  database(name: AppName): string {
    return `${this.namespace}_${name}`;
  }

  async start(names: AppName[], extra: Record<string, string> = {}): Promise<void> {
    await Promise.all(
      names.map(async (name) => {
        const port = await freePort();
        const service = await spawnService(
          name,
          {
            PATH: process.env.PATH ?? '',
            NODE_ENV: 'production',
            // Production mode wants a badge key of its own; the bench prints no badges.
            BADGE_SIGNING_SECRET: randomBytes(32).toString('base64url'),
            HTTP_PORT: String(port),
            HTTP_HOST: '127.0.0.1',
            KAFKA_BROKERS: this.stack.kafkaBrokers,
            MONGO_URL: this.stack.mongoUrl,
            MONGO_DATABASE: this.database(name),
            KAFKA_TOPIC_PREFIX: `${this.namespace}.`,
            KAFKA_CONSUMER_GROUP: `${this.namespace}-${name}`,
            AUTH_JWT_SECRET: this.secret,
            LOG_LEVEL: 'warn',
            // One token drives every request of a scenario; the limit is not what is measured.
            HTTP_WRITE_RATE_LIMIT: '0',
            // e.g. --cpu-prof --cpu-prof-dir=.stack/bench/profiles, to see where a service spends its time
            ...(process.env.BENCH_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS } : {}),
            ...extra,
          },
          { port, logFile: join(BENCH_DIR, 'logs', `${this.namespace}-${name}.log`), readyTimeoutMs: 90_000 },
        );
        this.running.set(name, service);
      }),
    );
  }

  url(name: AppName): string {
    const service = this.running.get(name);
    if (!service) throw new Error(`${name} is not running`);
    return service.url;
  }

  pid(name: AppName): number {
    return this.running.get(name)!.process.pid!;
  }

  secretariatToken(): Promise<string> {
    return issueToken(
      { subject: 'bench-secretariat', role: 'secretariat', name: 'Benchmark' },
      { secret: this.secret },
    );
  }

  async stop(name: AppName): Promise<void> {
    await this.running.get(name)?.stop();
    this.running.delete(name);
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.running.values()].map((s) => s.stop()));
    this.running.clear();
  }
}
