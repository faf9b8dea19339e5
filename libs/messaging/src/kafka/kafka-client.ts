import { Kafka, logLevel, type LogEntry, type logCreator } from 'kafkajs';
import type { Logger } from 'pino';
import type { ServiceConfig } from '@plenary/config';

const LEVELS: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

/** kafkajs logs through the service's logger, so its lines carry the service and correlation id. */
function pinoLogCreator(logger: Logger): logCreator {
  const kafkaLogger = logger.child({ component: 'kafkajs' });
  return () =>
    ({ level, log }: LogEntry) => {
      const { message, ...rest } = log;
      kafkaLogger[LEVELS[level] ?? 'info'](rest, message);
    };
}

/** A kafkajs client tuned for a nearby broker: short timeouts and quick first retries. */
export function createKafka(config: ServiceConfig, logger: Logger, role: string): Kafka {
  return new Kafka({
    clientId: `plenary-${config.service}-${role}`,
    brokers: config.kafkaBrokers,
    logLevel: logLevel.WARN,
    logCreator: pinoLogCreator(logger),
    connectionTimeout: 3000,
    requestTimeout: 15000,
    retry: { initialRetryTime: 100, maxRetryTime: 5000, retries: 8 },
  });
}
