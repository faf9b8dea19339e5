import { describe, expect, it } from '@jest/globals';
import { ServiceConfig } from '@plenary/config';
import { isMessageType, MessageCatalog, sourceOf, TopicOwners } from '@plenary/contracts';
import { createLogger } from '@plenary/observability';
import type { EachMessagePayload, KafkaMessage, Message } from 'kafkajs';
import { encodeMessage } from '../cloud-events/cloud-event-codec.js';
import type { TopicNames } from '../kafka/topic-names.js';
import type { Inbox } from './inbox.js';
import { PlenaryKafkaServer } from './plenary-kafka-server.js';

class TestConfig extends ServiceConfig {
  readonly service = 'test';
  override CONSUMER_MAX_ATTEMPTS: number = 3;
  override CONSUMER_RETRY_BACKOFF_MS: number = 1;
  override KAFKA_BROKERS = '127.0.0.1:9092';
}

const delegation = {
  id: 'd-1',
  eventId: 'e-1',
  party: { code: 'KAZ', kind: 'state', name: 'Kazakhstan' },
  state: 'registered',
  version: 1,
  createdAt: '2027-01-01T00:00:00.000Z',
  updatedAt: '2027-01-01T00:00:00.000Z',
};

/** The source the topic's owner writes. */
const ownerOf = (type: string) =>
  isMessageType(type) ? sourceOf(TopicOwners[MessageCatalog[type].topic]) : '/plenary/participants';

function received(
  type: string,
  data: unknown,
  version = 1,
  source = ownerOf(type),
  id = 'm-1',
): KafkaMessage {
  const message = encodeMessage({
    id,
    type,
    version,
    key: 'e-1',
    source,
    subject: 'delegations/d-1',
    time: new Date(),
    correlationId: 'c-1',
    causationId: 'c-1',
    data: JSON.stringify(data),
  });
  const headers = Object.fromEntries(
    Object.entries(message.headers!).map(([k, v]) => [k, Buffer.from(String(v))]),
  );
  return {
    key: Buffer.from('e-1'),
    value: Buffer.from(String(message.value)),
    headers,
    offset: '7',
    timestamp: '0',
    attributes: 0,
  } as KafkaMessage;
}

function storeDown(): Error {
  const error = new Error('connection refused');
  error.name = 'MongoServerSelectionError';
  return error;
}

/** A server wired to fakes: an in-memory inbox and a producer that records dead letters. */
function setUp(handler: () => Promise<void>, handles = 'delegation.registered') {
  const processed = new Set<string>();
  const deadLetters: Message[] = [];
  const inbox = {
    seen: async (id: string) => processed.has(id),
    record: async (id: string) => void processed.add(id),
  } as unknown as Inbox;
  const topics = { resolve: (t: string) => t, deadLetter: () => 'dlq' } as unknown as TopicNames;
  const server = new PlenaryKafkaServer({
    config: new TestConfig(),
    logger: createLogger('test', 'silent'),
    topics,
    inbox,
  });
  server.addHandler(handles, handler, true);
  const internals = server as unknown as {
    producer: { send(record: { messages: Message[] }): Promise<void> };
    consumer: object;
    process(payload: Partial<EachMessagePayload>): Promise<void>;
  };
  internals.producer = { send: async ({ messages }) => void deadLetters.push(...messages) };
  internals.consumer = {};
  const deliver = (message: KafkaMessage) =>
    internals.process({
      topic: 'plenary.participants',
      partition: 0,
      message,
      heartbeat: async () => undefined,
    });
  return { deliver, processed, deadLetters };
}

const header = (message: Message, name: string) => String((message.headers as Record<string, unknown>)[name]);

describe('PlenaryKafkaServer message processing', () => {
  it('hands a valid message to its handler once and records it', async () => {
    let calls = 0;
    const { deliver, processed, deadLetters } = setUp(async () => void calls++);
    await deliver(received('delegation.registered', { delegation }));
    await deliver(received('delegation.registered', { delegation })); // redelivered: same id
    expect(calls).toBe(1);
    expect([...processed]).toEqual(['m-1']);
    expect(deadLetters).toEqual([]);
  });

  it('retries a failing handler, then dead-letters the message and moves on', async () => {
    let calls = 0;
    const { deliver, processed, deadLetters } = setUp(async () => {
      calls++;
      throw new Error('projection bug');
    });
    await deliver(received('delegation.registered', { delegation }));
    expect(calls).toBe(3);
    expect(deadLetters).toHaveLength(1);
    expect(header(deadLetters[0], 'dlq-reason')).toBe('handler-failed');
    expect(header(deadLetters[0], 'dlq-error')).toBe('projection bug');
    expect(header(deadLetters[0], 'dlq-attempts')).toBe('3');
    expect(header(deadLetters[0], 'dlq-original-offset')).toBe('7');
    expect(processed.size).toBe(0);
  });

  it('waits out a store outage without using up attempts or dead-lettering', async () => {
    let calls = 0;
    const { deliver, processed, deadLetters } = setUp(async () => {
      calls++;
      if (calls <= 4) throw storeDown();
    });
    await deliver(received('delegation.registered', { delegation }));
    expect(calls).toBe(5);
    expect(deadLetters).toEqual([]);
    expect(processed.has('m-1')).toBe(true);
  });

  it('dead-letters an invalid payload at once, without calling the handler', async () => {
    let calls = 0;
    const { deliver, deadLetters } = setUp(async () => void calls++);
    await deliver(received('delegation.registered', { delegation: { ...delegation, state: 'vanished' } }));
    expect(calls).toBe(0);
    expect(header(deadLetters[0], 'dlq-reason')).toBe('invalid-payload');
  });

  it('ignores types it has no handler for and versions it does not read', async () => {
    let calls = 0;
    const { deliver, deadLetters, processed } = setUp(async () => void calls++, 'event.created');
    await deliver(received('delegation.registered', { delegation }));
    await deliver(received('event.created', {}, 2));
    expect(calls).toBe(0);
    expect(deadLetters).toEqual([]);
    expect(processed.size).toBe(0);
  });

  it("dead-letters a message whose ce_source is not its topic's owner, and processes the next one", async () => {
    let calls = 0;
    const { deliver, deadLetters, processed } = setUp(async () => void calls++);
    await deliver(received('delegation.registered', { delegation }, 1, '/plenary/events', 'forged'));
    await deliver(received('delegation.registered', { delegation }, 1, '/plenary/participants', 'real'));
    expect(deadLetters).toHaveLength(1);
    expect(header(deadLetters[0], 'dlq-reason')).toBe('foreign-source');
    expect(header(deadLetters[0], 'dlq-error')).toContain('/plenary/events');
    expect(calls).toBe(1);
    expect([...processed]).toEqual(['real']);
  });

  it('dead-letters a message whose version cannot be read instead of skipping it silently', async () => {
    let calls = 0;
    const { deliver, deadLetters } = setUp(async () => void calls++);
    const message = received('delegation.registered', { delegation });
    message.headers!.ce_dataschema = Buffer.from('urn:plenary:message:delegation.registered:one');
    await deliver(message);
    expect(calls).toBe(0);
    expect(header(deadLetters[0], 'dlq-reason')).toBe('malformed-version');
  });
});
