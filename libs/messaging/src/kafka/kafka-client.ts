import { Kafka, logLevel, Partitioners, type LogEntry, type logCreator, type Producer } from 'kafkajs';
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
      // Bounded retries are deliberate (see createProducer): Plenary needs no exactly-once
      // semantics from the producer, consumers drop duplicates by message id.
      const quiet = message.startsWith('Limiting retries for the idempotent producer');
      kafkaLogger[quiet ? 'debug' : (LEVELS[level] ?? 'info')](rest, message);
    };
}

/**
 * A kafkajs client tuned for a nearby broker: short timeouts and quick first retries. With
 * KAFKA_SASL_MECHANISM set it authenticates as the service's own principal (SCRAM), which the
 * broker's ACLs allow to write only the service's own topics.
 */
export function createKafka(config: ServiceConfig, logger: Logger, role: string): Kafka {
  return new Kafka({
    clientId: `plenary-${config.service}-${role}`,
    brokers: config.kafkaBrokers,
    ...(config.kafkaSasl ? { sasl: config.kafkaSasl } : {}),
    logLevel: logLevel.WARN,
    logCreator: pinoLogCreator(logger),
    connectionTimeout: 3000,
    requestTimeout: 15000,
    retry: { initialRetryTime: 100, maxRetryTime: 5000, retries: 8 },
  });
}

/**
 * An idempotent producer (no duplicates from its own retries) with the default murmur2
 * partitioner, the one Kafka's Java client uses, so keys land on the same partitions
 * whichever client wrote them. Retries are bounded so that a caller regains control while the
 * broker is away (the outbox relay then backs off and tries again).
 */
export function createProducer(kafka: Kafka): Producer {
  return kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
    retry: { retries: 5, initialRetryTime: 100, maxRetryTime: 2000 },
  });
}
