import { describe, expect, it } from '@jest/globals';
import { ServiceConfig } from '@plenary/config';
import { isMessageType, MessageCatalog, sourceOf, TopicOwners } from '@plenary/contracts';
import { createLogger } from '@plenary/observability';
import type { EachBatchPayload, KafkaMessage, Message } from 'kafkajs';
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
  offset = '7',
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
    offset,
    timestamp: '0',
    attributes: 0,
  } as KafkaMessage;
}

function storeDown(): Error {
  const error = new Error('connection refused');
  error.name = 'MongoServerSelectionError';
  return error;
}

interface Handler {
  type: string;
  handle: (data: unknown) => Promise<void>;
  extras?: Record<string, unknown>;
}

/**
 * A server wired to fakes: an in-memory inbox and a producer that record what they are asked,
 * in order, beside the offsets resolved.
 */
function setUpHandlers(handlers: Handler[], options: { running?: () => boolean } = {}) {
  const processed = new Set<string>();
  const deadLetters: Message[] = [];
  const log: string[] = [];
  const resolved: string[] = [];
  const inbox = {
    seenAmong: async (ids: string[]) => {
      log.push(`inbox read ${ids.length}`);
      return new Set(ids.filter((id) => processed.has(id)));
    },
    recordAll: async (records: { id: string }[]) => {
      log.push(`inbox write ${records.map((r) => r.id).join(',')}`);
      for (const { id } of records) processed.add(id);
    },
  } as unknown as Inbox;
  const topics = { resolve: (t: string) => t, deadLetter: () => 'dlq' } as unknown as TopicNames;
  const server = new PlenaryKafkaServer({
    config: new TestConfig(),
    logger: createLogger('test', 'silent'),
    topics,
    inbox,
  });
  for (const { type, handle, extras } of handlers) server.addHandler(type, handle, true, extras);
  const internals = server as unknown as {
    producer: { send(record: { messages: Message[] }): Promise<void> };
    consumer: object;
    processBatch(payload: Partial<EachBatchPayload>): Promise<void>;
  };
  internals.producer = {
    send: async ({ messages }) => {
      deadLetters.push(...messages);
      log.push(`dead letter ${messages.map((m) => header(m, 'ce_id')).join(',')}`);
    },
  };
  internals.consumer = {};
  const deliver = (...messages: KafkaMessage[]) =>
    internals.processBatch({
      batch: { topic: 'plenary.participants', partition: 0, messages } as EachBatchPayload['batch'],
      resolveOffset: (offset: string) => {
        resolved.push(offset);
        log.push(`resolve ${offset}`);
      },
      heartbeat: async () => undefined,
      isRunning: options.running ?? (() => true),
      isStale: () => false,
    });
  return { deliver, processed, deadLetters, log, resolved };
}

/** One handler of one type. */
function setUp(handler: () => Promise<void>, handles = 'delegation.registered') {
  return setUpHandlers([{ type: handles, handle: handler }]);
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

const participant = {
  id: 'p-1',
  eventId: 'e-1',
  delegationId: 'd-1',
  party: { code: 'KAZ', kind: 'state', name: 'Kazakhstan' },
  name: { given: 'Dana', family: 'Argandykova', givenLatin: 'Dana', familyLatin: 'Argandykova' },
  role: 'member',
  state: 'pending',
  version: 1,
  createdAt: '2027-01-01T00:00:00.000Z',
  updatedAt: '2027-01-01T00:00:00.000Z',
};
const registered = (id: string, offset: string, person = 'p-1', version = 1) =>
  received(
    'participant.registered',
    { participant: { ...participant, id: person, version } },
    1,
    undefined,
    id,
    offset,
  );
const delegationRegistered = (id: string, offset: string) =>
  received('delegation.registered', { delegation }, 1, undefined, id, offset);
const idsOf = (messages: unknown) => (messages as { id: string }[]).map((m) => m.id).join(',');
const BATCH = { 'plenary.batch': true };
const IDEMPOTENT = { 'plenary.idempotent': true };

describe('PlenaryKafkaServer batches', () => {
  it('reads the inbox once per batch, writes what it handled in one go, then resolves the offsets', async () => {
    const handled: string[] = [];
    const { deliver, log } = setUpHandlers([
      { type: 'participant.registered', handle: async (m) => void handled.push(idsOf([m])) },
    ]);
    await deliver(registered('a', '1'), registered('b', '2'), registered('c', '3'));
    expect(handled).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['inbox read 3', 'inbox write a,b,c', 'resolve 3']);
  });

  it('drops a redelivery already processed, and a second copy within the same batch', async () => {
    const handled: string[] = [];
    const { deliver, log } = setUpHandlers([
      { type: 'participant.registered', handle: async (m) => void handled.push(idsOf([m])) },
    ]);
    await deliver(registered('a', '1'));
    await deliver(registered('a', '2'), registered('b', '3'), registered('b', '4'));
    expect(handled).toEqual(['a', 'b']);
    expect(log.slice(3)).toEqual(['inbox read 3', 'inbox write b', 'resolve 4']);
  });

  it('makes no inbox read or write for a handler idempotent by itself', async () => {
    const handled: string[] = [];
    const { deliver, log } = setUpHandlers([
      {
        type: 'participant.registered',
        handle: async (m) => void handled.push(idsOf([m])),
        extras: IDEMPOTENT,
      },
    ]);
    await deliver(registered('a', '1'), registered('a', '2'));
    // The redelivery reaches the handler, whose version guard makes it change nothing.
    expect(handled).toEqual(['a', 'a']);
    expect(log).toEqual(['resolve 2']);
  });

  it('keeps the inbox for a type one of whose handlers is not idempotent', async () => {
    const { deliver, log } = setUpHandlers([
      { type: 'participant.registered', handle: async () => undefined, extras: IDEMPOTENT },
      { type: 'participant.registered', handle: async () => undefined },
    ]);
    await deliver(registered('a', '1'));
    await deliver(registered('a', '2'));
    expect(log).toEqual(['inbox read 1', 'inbox write a', 'resolve 1', 'inbox read 1', 'resolve 2']);
  });

  it('hands a batch handler the consecutive messages of its types, in order, and the others one by one', async () => {
    const calls: string[] = [];
    const { deliver } = setUpHandlers([
      {
        type: 'participant.registered',
        handle: async (ms) => void calls.push(`batch ${idsOf(ms)}`),
        extras: { ...BATCH, ...IDEMPOTENT },
      },
      { type: 'delegation.registered', handle: async (m) => void calls.push(`one ${idsOf([m])}`) },
    ]);
    await deliver(
      registered('a', '1'),
      registered('b', '2', 'p-2'),
      delegationRegistered('d', '3'),
      registered('c', '4', 'p-3'),
    );
    expect(calls).toEqual(['batch a,b', 'one d', 'batch c']);
  });

  it('calls each handler of a type, a batch handler with an array of one', async () => {
    const calls: string[] = [];
    const { deliver } = setUpHandlers([
      {
        type: 'participant.registered',
        handle: async (ms) => void calls.push(`batch ${idsOf(ms)}`),
        extras: BATCH,
      },
      { type: 'participant.registered', handle: async (m) => void calls.push(`one ${idsOf([m])}`) },
    ]);
    await deliver(registered('a', '1'), registered('b', '2', 'p-2'));
    expect(calls).toEqual(['batch a', 'one a', 'batch b', 'one b']);
  });

  it('retries a failing batch, then its messages one by one, and dead-letters only the bad one', async () => {
    const calls: string[] = [];
    const { deliver, deadLetters, log } = setUpHandlers([
      {
        type: 'participant.registered',
        handle: async (ms) => {
          const ids = idsOf(ms);
          calls.push(ids);
          if (ids.includes('bad')) throw new Error('cannot project this one');
        },
        extras: { ...BATCH, ...IDEMPOTENT },
      },
    ]);
    await deliver(registered('a', '1'), registered('bad', '2', 'p-2'), registered('c', '3', 'p-3'));
    expect(calls).toEqual(['a,bad,c', 'a,bad,c', 'a,bad,c', 'a', 'bad', 'bad', 'bad', 'c']);
    expect(deadLetters.map((m) => header(m, 'ce_id'))).toEqual(['bad']);
    expect(header(deadLetters[0], 'dlq-attempts')).toBe('3');
    expect(log.at(-1)).toBe('resolve 3');
  });

  it('waits out a store outage in a batch handler without falling back or dead-lettering', async () => {
    let calls = 0;
    const { deliver, deadLetters, resolved } = setUpHandlers([
      {
        type: 'participant.registered',
        handle: async () => {
          calls++;
          if (calls <= 2) throw storeDown();
        },
        extras: { ...BATCH, ...IDEMPOTENT },
      },
    ]);
    await deliver(registered('a', '1'), registered('b', '2', 'p-2'));
    expect(calls).toBe(3);
    expect(deadLetters).toEqual([]);
    expect(resolved).toEqual(['2']);
  });

  it('stops between messages when the consumer stops, recording and resolving only what it handled', async () => {
    const handled: string[] = [];
    let running = true;
    const { deliver, log } = setUpHandlers(
      [
        {
          type: 'participant.registered',
          handle: async (m) => {
            handled.push(idsOf([m]));
            running = false; // stop() called while this message is handled
          },
        },
      ],
      { running: () => running },
    );
    await deliver(registered('a', '1'), registered('b', '2'), registered('c', '3'));
    expect(handled).toEqual(['a']);
    expect(log).toEqual(['inbox read 3', 'inbox write a', 'resolve 1']);
  });

  it('dead-letters poison in the middle of a batch and handles the rest in order', async () => {
    const calls: string[] = [];
    const { deliver, deadLetters, log } = setUpHandlers([
      {
        type: 'participant.registered',
        handle: async (ms) => void calls.push(idsOf(ms)),
        extras: { ...BATCH, ...IDEMPOTENT },
      },
    ]);
    const poison = received(
      'participant.registered',
      { participant: { ...participant, state: 'gone' } },
      1,
      undefined,
      'poison',
      '2',
    );
    await deliver(registered('a', '1'), poison, registered('c', '3', 'p-3'));
    expect(calls).toEqual(['a', 'c']);
    expect(deadLetters.map((m) => header(m, 'dlq-reason'))).toEqual(['invalid-payload']);
    expect(log).toEqual(['dead letter poison', 'resolve 3']);
  });
});
