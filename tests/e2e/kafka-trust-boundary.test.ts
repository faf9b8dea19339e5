import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadConfig } from '@plenary/config';
import { Topics, type EventView } from '@plenary/contracts';
import { createKafka, createProducer, ensurePlenaryAcls, ensureTopics } from '@plenary/messaging';
import { createLogger } from '@plenary/observability';
import { Kafka, logLevel } from 'kafkajs';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ParticipantsConfig } from '../../apps/participants/src/participants.config.js';
import { eventually } from '../support/eventually.js';
import { request } from '../support/http.js';
import { TEST_STACK_DIR } from '../support/infrastructure.js';
import { TestKafka } from '../support/kafka.js';
import { type KafkaCredentials, type KafkaPrincipal, LocalStack } from '../support/local-stack.js';
import { type ServiceProcess, startApp, stopAllApps, testNamespace } from '../support/services.js';
import { secretariat } from '../support/tokens.js';

/** What an error thrown by kafkajs says: its class and, for a protocol error, Kafka's error code. */
function kafkaError(error: unknown): string {
  const { name, type } = error as { name?: string; type?: string };
  return type ? `${name}: ${type}` : String(name);
}

async function refusal(attempt: Promise<unknown>): Promise<string> {
  try {
    await attempt;
  } catch (error) {
    return kafkaError(error);
  }
  throw new Error('Kafka accepted what it should have refused');
}

/**
 * The Kafka trust boundary, on a broker of its own started by the project's local stack with
 * SASL/SCRAM and ACLs (STACK_KAFKA_SASL=1): each service authenticates as its own principal and
 * may write only its own topic; a subscriber reads; nobody without valid credentials gets in.
 */
describe('Kafka with SASL and ACLs: only the owning service writes its topic', () => {
  const namespace = testNamespace('kafkasec');
  const dir = join(TEST_STACK_DIR, namespace);
  const eventsTopic = Topics.events; // no prefix: the ACLs name the deployment's topics
  let stack: LocalStack;
  let events: ServiceProcess;
  const credentials = (principal: KafkaPrincipal): KafkaCredentials => {
    const found = stack.kafkaCredentials(principal);
    if (!found) throw new Error('the stack started without SASL users');
    return found;
  };
  const authEnv = (principal: KafkaPrincipal) => {
    const { mechanism, username, password } = credentials(principal);
    return {
      KAFKA_SASL_MECHANISM: mechanism,
      KAFKA_USERNAME: username,
      KAFKA_PASSWORD: password,
      // The deployment's names, which the ACLs grant (this broker is the test's own).
      KAFKA_TOPIC_PREFIX: '',
      KAFKA_CONSUMER_GROUP: '',
    };
  };
  const as = (principal: KafkaPrincipal) =>
    new TestKafka(stack.kafkaBrokers, {
      sasl: credentials(principal),
      readerGroupPrefix: principal === 'subscriber' ? 'outcome-pages' : `plenary-${principal}`,
    });

  beforeAll(async () => {
    stack = await LocalStack.onFreePorts(dir, { kafkaSasl: true });
    await stack.start();
    const admin = new Kafka({
      brokers: [stack.kafkaBrokers],
      sasl: credentials('admin'),
      logLevel: logLevel.NOTHING,
    }).admin();
    await admin.connect();
    try {
      await ensurePlenaryAcls(admin, {
        subscribers: [{ principal: 'User:subscriber', group: 'outcome-pages' }],
      });
    } finally {
      await admin.disconnect();
    }
    const target = { namespace, kafkaBrokers: stack.kafkaBrokers, mongoUrl: stack.mongoUrl };
    events = await startApp('events', { ...target, extra: authEnv('events') });
    // Ready means its consumer joined its group and reads the events topic as `participants`.
    await startApp('participants', { ...target, extra: authEnv('participants') });
  });

  afterAll(async () => {
    await stopAllApps();
    await stack?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('publishes as the events service, and a subscriber reads what it published', async () => {
    const created = await request<EventView>('POST', `${events.url}/events`, {
      token: await secretariat(),
      body: {
        title: 'Published under SASL',
        kind: 'working-group',
        startsAt: '2027-03-01T10:00:00+01:00',
        endsAt: '2027-03-01T17:00:00+01:00',
        timeZone: 'Europe/Vienna',
        parties: [{ code: 'AUT', standings: ['host'] }],
      },
    });
    expect(created.status).toBe(201);
    // A draft publishes nothing: its announcement is the first message about it.
    const announced = await request('POST', `${events.url}/events/${created.body.id}/announce`, {
      token: await secretariat(),
    });
    expect(announced.status).toBe(200);
    const published = await eventually(
      async () => {
        const mine = (await as('subscriber').readAll(eventsTopic)).filter((m) => m.key === created.body.id);
        expect(mine).toHaveLength(1);
        return mine[0];
      },
      30_000,
      500,
    );
    expect(published.headers.ce_type).toBe('event.announced');
  });

  it("refuses a write to the events topic with a subscriber's or another service's credentials", async () => {
    const forged = [{ key: 'forged', value: '{}', headers: { ce_type: 'event.cancelled' } }];
    expect(await refusal(as('subscriber').produce(eventsTopic, forged))).toBe(
      'KafkaJSProtocolError: TOPIC_AUTHORIZATION_FAILED',
    );
    expect(await refusal(as('participants').produce(eventsTopic, forged))).toBe(
      'KafkaJSProtocolError: TOPIC_AUTHORIZATION_FAILED',
    );
    // The participants service's own producer (idempotent, as the relay's) fares no better.
    const config = loadConfig(ParticipantsConfig, {
      KAFKA_BROKERS: stack.kafkaBrokers,
      MONGO_URL: stack.mongoUrl,
      AUTH_JWT_SECRET: 'x'.repeat(32),
      ...authEnv('participants'),
    });
    const producer = createProducer(createKafka(config, createLogger('test', 'silent'), 'forger'));
    await producer.connect();
    try {
      expect(await refusal(producer.send({ topic: eventsTopic, acks: -1, messages: forged }))).toBe(
        'KafkaJSProtocolError: TOPIC_AUTHORIZATION_FAILED',
      );
    } finally {
      await producer.disconnect();
    }
    // Nothing forged reached the topic; the owner's own write does.
    await as('events').produce(eventsTopic, [{ key: 'by-the-owner', value: '{}' }]);
    const keys = (await as('subscriber').readAll(eventsTopic)).map((m) => m.key);
    expect(keys).toContain('by-the-owner');
    expect(keys).not.toContain('forged');
  });

  it('lets a service create only its own topics', async () => {
    const config = loadConfig(ParticipantsConfig, {
      KAFKA_BROKERS: stack.kafkaBrokers,
      MONGO_URL: stack.mongoUrl,
      AUTH_JWT_SECRET: 'x'.repeat(32),
      ...authEnv('participants'),
    });
    const admin = createKafka(config, createLogger('test', 'silent'), 'provisioner').admin();
    await admin.connect();
    try {
      await expect(ensureTopics(admin, [Topics.reports], config)).rejects.toThrow();
      await ensureTopics(admin, ['plenary-participants.dead-letter'], config);
      expect(await admin.listTopics()).toContain('plenary-participants.dead-letter');
    } finally {
      await admin.disconnect();
    }
    expect(await as('reports').readAll(Topics.reports)).toEqual([]);
  });

  it('lets no one in without valid credentials', async () => {
    const wrong = new TestKafka(stack.kafkaBrokers, {
      sasl: { ...credentials('events'), password: 'not-the-password' },
    });
    expect(await refusal(wrong.produce(eventsTopic, [{ value: 'x' }]))).toBe(
      'KafkaJSSASLAuthenticationError',
    );
    // Without SASL the broker answers nothing but the handshake: the first request closes the connection.
    const anonymous = new Kafka({
      brokers: [stack.kafkaBrokers],
      logLevel: logLevel.NOTHING,
      connectionTimeout: 2000,
      retry: { retries: 1, initialRetryTime: 100 },
    }).producer();
    const attempt = anonymous
      .connect()
      .then(() => anonymous.send({ topic: eventsTopic, messages: [{ value: 'x' }] }));
    expect(await refusal(attempt)).toMatch(
      /^KafkaJS(ConnectionError|ConnectionClosedError|NumberOfRetriesExceeded)$/,
    );
    await anonymous.disconnect().catch(() => undefined);
  });
});
