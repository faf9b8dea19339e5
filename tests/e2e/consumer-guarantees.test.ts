import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AttendanceView } from '@plenary/contracts';
import { Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { v7 as uuidv7 } from 'uuid';
import { eventually } from '../support/eventually.js';
import { request } from '../support/http.js';
import { TestKafka } from '../support/kafka.js';
import { cloudEvent, meetingPayload } from '../support/messages.js';
import { type ServiceProcess, startApp, stopAllApps, testNamespace } from '../support/services.js';
import { secretariat } from '../support/tokens.js';

/**
 * What the shared Kafka transport promises every consumer, shown on the reports service:
 * a redelivered message has one effect, and a message that cannot be processed goes to the
 * dead-letter topic while the next one on its partition is processed; within a batch too.
 */
describe('consuming: duplicates and dead letters', () => {
  const namespace = testNamespace('consumer');
  const eventsTopic = `${namespace}.plenary.events`;
  const participantsTopic = `${namespace}.plenary.participants`;
  const group = `${namespace}-reports`;
  const deadLetterTopic = `${namespace}.${group}.dead-letter`;
  const kafka = new TestKafka();
  let reports: ServiceProcess;
  let token: string;
  let store: MongoClient;

  beforeAll(async () => {
    store = await MongoClient.connect(process.env.MONGO_URL!);
    reports = await startApp('reports', { namespace, extra: { CONSUMER_MAX_MESSAGE_BYTES: '65536' } });
    token = await secretariat();
  });

  afterAll(async () => {
    await stopAllApps();
    await store?.close();
  });

  async function titleSeenByReports(eventId: string): Promise<string | undefined> {
    const response = await request<AttendanceView>('GET', `${reports.url}/events/${eventId}/attendance`, {
      token,
    });
    return response.status === 200 ? response.body.event?.title : undefined;
  }

  /** Waits until the reports service's consumer group has committed past everything now on the topic. */
  async function consumedToEnd(topic: string): Promise<void> {
    const client = new Kafka({ brokers: process.env.KAFKA_BROKERS!.split(','), logLevel: logLevel.NOTHING });
    const admin = client.admin();
    await admin.connect();
    try {
      const ends = await admin.fetchTopicOffsets(topic);
      await eventually(
        async () => {
          const [committed] = await admin.fetchOffsets({ groupId: group, topics: [topic] });
          for (const end of ends.filter((e) => e.high !== e.low)) {
            const partition = committed.partitions.find((p) => p.partition === end.partition);
            expect(BigInt(partition?.offset ?? '-1')).toBeGreaterThanOrEqual(BigInt(end.high));
          }
        },
        20_000,
        200,
      );
    } finally {
      await admin.disconnect();
    }
  }

  it('gives a redelivered message (same id) no second effect', async () => {
    const eventId = uuidv7();
    const first = cloudEvent({
      type: 'event.created',
      key: eventId,
      data: meetingPayload(eventId, 'Original title'),
    });
    await kafka.produce(eventsTopic, [
      first,
      cloudEvent({ type: 'event.updated', key: eventId, data: meetingPayload(eventId, 'Changed title', 2) }),
    ]);
    await eventually(async () => expect(await titleSeenByReports(eventId)).toBe('Changed title'));

    // The first message delivered again, as Kafka does after a crash before the commit.
    await kafka.produce(eventsTopic, [first]);
    await consumedToEnd(eventsTopic);
    expect(await titleSeenByReports(eventId)).toBe('Changed title');
  });

  it('handles a batch with a redelivery, a poison message and an older version in the middle: the right copies, one dead letter', async () => {
    const eventId = uuidv7();
    const [p1, p2, p3] = [uuidv7(), uuidv7(), uuidv7()];
    const participant = (id: string, version: number, state: string) => ({
      participant: {
        id,
        eventId,
        delegationId: 'd-1',
        party: { code: 'KAZ', kind: 'state', name: 'Kazakhstan' },
        name: { given: 'Dana', family: `Person ${id}`, givenLatin: 'Dana', familyLatin: `Person ${id}` },
        role: 'member',
        state,
        version,
        createdAt: new Date().toISOString(),
        updatedAt: new Date().toISOString(),
      },
    });
    const message = (type: string, data: unknown) => cloudEvent({ type, key: eventId, data });
    const firstOfP1 = message('participant.registered', participant(p1, 1, 'pending'));
    const poison = message('participant.accredited', participant(p2, 9, 'vanished'));
    // One send, one key: one partition, consumed as one batch (or a few, in order).
    await kafka.produce(participantsTopic, [
      firstOfP1,
      message('participant.registered', participant(p2, 1, 'pending')),
      message('participant.accredited', participant(p1, 3, 'accredited')),
      firstOfP1, // redelivered
      poison,
      message('participant.updated', participant(p1, 2, 'pending')), // older than the copy's version 3
      message('participant.rejected', participant(p2, 2, 'rejected')),
      message('participant.registered', participant(p3, 1, 'pending')),
    ]);
    await consumedToEnd(participantsTopic);

    const copies = await store
      .db(`${namespace}_reports`)
      .collection<{ _id: string; state: string; version: number }>('attending_participants')
      .find({ eventId })
      .toArray();
    expect(Object.fromEntries(copies.map((c) => [c._id, `${c.state}@${c.version}`]))).toEqual({
      [p1]: 'accredited@3',
      [p2]: 'rejected@2',
      [p3]: 'pending@1',
    });
    const deadLetters = (await kafka.readAll(deadLetterTopic)).filter((m) => m.key === eventId);
    expect(deadLetters.map((m) => [m.headers.ce_id, m.headers['dlq-reason']])).toEqual([
      [poison.headers!.ce_id, 'invalid-payload'],
    ]);
  });

  it('dead-letters what it cannot process, with the reason, and goes on with the partition', async () => {
    const eventId = uuidv7();
    const poison = [
      {
        ...cloudEvent({ type: 'event.created', key: eventId, data: '{"event": {' }),
        expect: 'malformed-json',
      },
      { key: eventId, value: '{}', headers: { ce_type: 'event.created' }, expect: 'malformed-envelope' },
      { ...cloudEvent({ type: 'event.teleported', key: eventId, data: {} }), expect: 'unknown-type' },
      {
        ...cloudEvent({ type: 'event.created', key: eventId, data: { event: { id: eventId, title: 42 } } }),
        expect: 'invalid-payload',
      },
      {
        ...cloudEvent({
          type: 'event.created',
          key: eventId,
          data: { ...meetingPayload(eventId, 'Far too long'), padding: 'x'.repeat(100_000) },
        }),
        expect: 'oversized',
      },
    ];
    // All on one key, so all on one partition, followed by a valid message.
    await kafka.produce(eventsTopic, [
      ...poison.map(({ expect: _reason, ...message }) => message),
      cloudEvent({ type: 'event.created', key: eventId, data: meetingPayload(eventId, 'After the poison') }),
    ]);

    await eventually(async () => expect(await titleSeenByReports(eventId)).toBe('After the poison'));
    const deadLetters = await eventually(async () => {
      const letters = (await kafka.readAll(deadLetterTopic)).filter((m) => m.key === eventId);
      expect(letters).toHaveLength(poison.length);
      return letters;
    });
    expect(deadLetters.map((m) => m.headers['dlq-reason'])).toEqual(poison.map((p) => p.expect));
    for (const letter of deadLetters) {
      expect(letter.headers).toMatchObject({
        'dlq-original-topic': eventsTopic,
        'dlq-consumer-group': group,
      });
      expect(letter.headers['dlq-error']).toBeTruthy();
    }
    // The dead letter keeps the original record as it was.
    expect(deadLetters[0].value).toBe('{"event": {');
  });

  it("dead-letters a message from anyone but the topic's owner, or whose version cannot be read, and takes the next one", async () => {
    const eventId = uuidv7();
    // A forged copy of the meeting at a high version would freeze the projection on it if applied.
    const forged = cloudEvent({
      type: 'event.created',
      key: eventId,
      source: '/plenary/participants',
      data: meetingPayload(eventId, 'Forged title', 999_999),
    });
    const unreadable = cloudEvent({
      type: 'event.created',
      key: eventId,
      data: meetingPayload(eventId, 'Unreadable'),
    });
    unreadable.headers!.ce_dataschema = 'urn:plenary:message:event.created:latest';
    await kafka.produce(eventsTopic, [
      forged,
      unreadable,
      cloudEvent({ type: 'event.created', key: eventId, data: meetingPayload(eventId, 'From the owner') }),
    ]);

    await eventually(async () => expect(await titleSeenByReports(eventId)).toBe('From the owner'));
    const deadLetters = await eventually(async () => {
      const letters = (await kafka.readAll(deadLetterTopic)).filter((m) => m.key === eventId);
      expect(letters).toHaveLength(2);
      return letters;
    });
    expect(deadLetters.map((m) => m.headers['dlq-reason'])).toEqual(['foreign-source', 'malformed-version']);
    expect(deadLetters[0].headers['dlq-error']).toContain('/plenary/events');
    expect(deadLetters[1].headers.ce_id).toBe(unreadable.headers!.ce_id);
  });
});
