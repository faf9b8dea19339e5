import { loadConfig, type ServiceConfig } from '@plenary/config';
import { EventsConfig } from '../../apps/events/src/events.config.js';
import { ParticipantsConfig } from '../../apps/participants/src/participants.config.js';
import { READ_MODELS as PARTICIPANTS_READ_MODELS } from '../../apps/participants/src/read-models.js';
import { READ_MODELS as REPORTS_READ_MODELS } from '../../apps/reports/src/read-models.js';
import { ReportsConfig } from '../../apps/reports/src/reports.config.js';
import { devStack, kafkaAuthEnv } from './dev-stack.js';

export const SERVICES = {
  events: { config: EventsConfig, readModels: [] as readonly string[] },
  participants: { config: ParticipantsConfig, readModels: PARTICIPANTS_READ_MODELS },
  reports: { config: ReportsConfig, readModels: REPORTS_READ_MODELS },
};
export type ServiceName = keyof typeof SERVICES;

export function serviceName(value: string | undefined): ServiceName {
  if (value && value in SERVICES) return value as ServiceName;
  throw new Error(`name a service: ${Object.keys(SERVICES).join(', ')}`);
}

/**
 * The environment a tool shares with a service: the service's own variables when set (the same
 * KAFKA_*, MONGO_*, SMTP_URL a deployment gives it), else the local stack's, where a tool acts as the
 * Kafka admin (re-driving a dead letter writes to another service's topic). Tools never check tokens.
 */
export function serviceEnvironment(): Record<string, string> {
  return {
    KAFKA_BROKERS: devStack.kafkaBrokers,
    MONGO_URL: devStack.mongoUrl,
    SMTP_URL: devStack.mailServer.smtpUrl,
    ...(process.env.KAFKA_BROKERS ? {} : kafkaAuthEnv('admin')),
    ...(Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== undefined)) as Record<
      string,
      string
    >),
    AUTH_JWT_SECRET: process.env.AUTH_JWT_SECRET ?? 'x'.repeat(32),
  };
}

export function serviceConfig(name: ServiceName): ServiceConfig {
  return loadConfig(SERVICES[name].config as new () => ServiceConfig, serviceEnvironment());
}
