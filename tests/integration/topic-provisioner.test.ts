import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadConfig, type ServiceConfig } from '@plenary/config';
import { ensureTopics } from '@plenary/messaging';
import { ConfigResourceTypes, ConfigSource, Kafka, logLevel, type Admin } from 'kafkajs';
import { EventsConfig } from '../../apps/events/src/events.config.js';
import { testNamespace } from '../support/services.js';

/** The topics a service creates carry the durability settings of its configuration. */
describe('topic provisioner', () => {
  const namespace = testNamespace('provisioner');
  let admin: Admin;

  const configWith = (env: Record<string, string>): ServiceConfig =>
    loadConfig(EventsConfig, {
      KAFKA_BROKERS: process.env.KAFKA_BROKERS,
      MONGO_URL: process.env.MONGO_URL,
      AUTH_JWT_SECRET: 'x'.repeat(32),
      ...env,
    });

  async function topicConfig(topic: string, name: string) {
    const { resources } = await admin.describeConfigs({
      resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configNames: [name] }],
      includeSynonyms: false,
    });
    const entry = resources[0].configEntries.find((e) => e.configName === name);
    // Set on the topic itself, or inherited (Kafka 4 keeps a cluster-wide min.insync.replicas).
    return { value: entry?.configValue, onTopic: entry?.configSource === ConfigSource.TOPIC_CONFIG };
  }

  beforeAll(async () => {
    admin = new Kafka({ brokers: process.env.KAFKA_BROKERS!.split(','), logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
  });

  afterAll(async () => {
    await admin?.disconnect();
  });

  it('sets min.insync.replicas from the replication factor: 1 below 3 replicas', async () => {
    const topic = `${namespace}.plenary.events`;
    await ensureTopics(admin, [topic], configWith({ KAFKA_TOPIC_REPLICATION_FACTOR: '1' }));
    expect(await topicConfig(topic, 'min.insync.replicas')).toEqual({ value: '1', onTopic: true });
  });

  it('sets KAFKA_MIN_INSYNC_REPLICAS when given', async () => {
    const topic = `${namespace}.plenary.participants`;
    await ensureTopics(admin, [topic], configWith({ KAFKA_MIN_INSYNC_REPLICAS: '2' }));
    expect(await topicConfig(topic, 'min.insync.replicas')).toEqual({ value: '2', onTopic: true });
  });

  it("leaves min.insync.replicas to the broker when the replication factor is the broker's", async () => {
    const topic = `${namespace}.plenary.reports`;
    await ensureTopics(admin, [topic], configWith({}));
    expect(await topicConfig(topic, 'min.insync.replicas')).toMatchObject({ onTopic: false });
  });
});
