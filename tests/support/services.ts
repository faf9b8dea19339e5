import { join } from 'node:path';
import { type AppName, type ServiceProcess, spawnService } from '../../scripts/lib/service-process.js';
import { freePort } from './local-stack.js';
import { TEST_JWT_SECRET } from './tokens.js';
import { TEST_STACK_DIR } from './infrastructure.js';

const running = new Set<ServiceProcess>();

export type { AppName, ServiceProcess };

export interface ServiceEnvironment {
  kafkaBrokers?: string;
  mongoUrl?: string;
  /** Isolates this test's topics and databases from every other test's. */
  namespace: string;
  extra?: Record<string, string>;
}

/** A fresh namespace per test file: topics get it as a prefix, databases as a suffix. */
export function testNamespace(label: string): string {
  return `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}_${label.replace(/[^a-z0-9]/gi, '').toLowerCase()}`.slice(
    0,
    40,
  );
}

export function serviceEnv(name: AppName, env: ServiceEnvironment, port: number): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'test',
    HTTP_PORT: String(port),
    HTTP_HOST: '127.0.0.1',
    KAFKA_BROKERS: env.kafkaBrokers ?? process.env.KAFKA_BROKERS ?? '',
    MONGO_URL: env.mongoUrl ?? process.env.MONGO_URL ?? '',
    MONGO_DATABASE: `${env.namespace}_${name}`.toLowerCase(),
    KAFKA_TOPIC_PREFIX: `${env.namespace}.`,
    KAFKA_CONSUMER_GROUP: `${env.namespace}-${name}`,
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: process.env.TEST_SERVICE_LOG_LEVEL ?? 'info',
    OUTBOX_SWEEP_INTERVAL_MS: '500',
    // Tests send many changes with one token; the limit has its own test.
    HTTP_WRITE_RATE_LIMIT: '0',
    ...env.extra,
  };
}

/** Starts an app as its own process for this test file (see spawnService), and remembers it for stopAllApps. */
export async function startApp(
  name: AppName,
  env: ServiceEnvironment,
  readyTimeoutMs = 60_000,
  port?: number,
): Promise<ServiceProcess> {
  port ??= await freePort();
  const service = await spawnService(name, serviceEnv(name, env, port), {
    port,
    logFile: join(TEST_STACK_DIR, 'logs', `${env.namespace}-${name}.log`),
    readyTimeoutMs,
  });
  running.add(service);
  void service.process.once('exit', () => running.delete(service));
  return service;
}

/** Starts several apps; if one fails, stops the others before rethrowing. */
export async function startApps(
  names: AppName[],
  env: ServiceEnvironment,
): Promise<Record<AppName, ServiceProcess>> {
  const results = await Promise.allSettled(names.map((name) => startApp(name, env)));
  const started = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    await Promise.all(started.map((s) => s.stop('SIGKILL')));
    throw failed.reason;
  }
  return Object.fromEntries(started.map((s) => [s.name, s])) as Record<AppName, ServiceProcess>;
}

/** Stops every app this test file started and is still running. */
export async function stopAllApps(): Promise<void> {
  await Promise.all([...running].map((s) => s.stop()));
}
