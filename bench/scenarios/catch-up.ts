import { randomUUID } from 'node:crypto';
import type { Kafka, KafkaMessage, Message } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { Topics } from '@plenary/contracts';
import { BenchServices } from '../lib/bench-stack.js';
import { round } from '../lib/stats.js';

export interface CatchUpResult {
  messages: number;
  plenary: { seconds: number; messagesPerSecond: number };
  baseline: { seconds: number; messagesPerSecond: number };
  ratio: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const CE_ID = 'ce_id';

/** The first participant.registered message the participants service published in this run: the template. */
async function templateMessage(kafka: Kafka, topic: string): Promise<KafkaMessage> {
  const consumer = kafka.consumer({ groupId: `${topic}-template-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let found: KafkaMessage | undefined;
  await consumer.run({
    eachMessage: async ({ message }) => {
      if (!found && message.headers?.ce_type?.toString() === 'participant.registered') found = message;
    },
  });
  const deadline = Date.now() + 30_000;
  while (!found && Date.now() < deadline) await sleep(100);
  await consumer.disconnect();
  if (!found) throw new Error(`no participant.registered message on ${topic}`);
  return found;
}

/**
 * Scenario 3: a fresh reports service rebuilding its attendance from `count` participant
 * messages (copies of a real one, each a different person, spread over 30 meetings), until every
 * one is in its read model; beside raw kafkajs consuming the same topic.
 */
export async function catchUp(
  services: BenchServices,
  kafka: Kafka,
  sizes: { messages: number },
): Promise<CatchUpResult> {
  const template = await templateMessage(kafka, `${services.namespace}.${Topics.participants}`);
  const rebuild = new BenchServices(services.stack, `${services.namespace}r`);
  const topic = `${rebuild.namespace}.${Topics.participants}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
  await admin.disconnect();

  const value = JSON.parse(template.value!.toString()) as { participant: { id: string; eventId: string } };
  const events = Array.from({ length: 30 }, () => randomUUID());
  // The last participant of each meeting: messages of one meeting share a partition and are
  // handled in order, so when these 30 are stored, so is everything before them.
  const lastOfEvent = new Map<string, string>();
  const producer = kafka.producer();
  await producer.connect();
  for (let sent = 0; sent < sizes.messages;) {
    const batch: Message[] = [];
    for (; batch.length < 1000 && sent < sizes.messages; sent++) {
      const eventId = events[sent % events.length];
      const participant = { ...value.participant, id: randomUUID(), eventId };
      lastOfEvent.set(eventId, participant.id);
      batch.push({
        key: eventId,
        value: JSON.stringify({ ...value, participant }),
        headers: {
          ...template.headers,
          [CE_ID]: randomUUID(),
          ce_partitionkey: eventId,
          ce_subject: participant.id,
        },
      });
    }
    await producer.send({ topic, messages: batch });
  }
  await producer.disconnect();

  const baseline = await rawConsumption(kafka, topic, sizes.messages);

  const client = await MongoClient.connect(services.stack.mongoUrl);
  try {
    const attending = client
      .db(rebuild.database('reports'))
      .collection<{ _id: string }>('attending_participants');
    await rebuild.start(['reports']);
    // Cheap reads only (by _id): counting on FerretDB reads every document, and polling a count
    // would slow the store down more than the service under test.
    let first: number | undefined;
    const last = [...lastOfEvent.values()];
    const deadline = Date.now() + 600_000;
    for (;;) {
      if (first === undefined && (await attending.findOne({}, { projection: { _id: 1 } })))
        first = performance.now();
      if (first !== undefined) {
        const done = await attending.countDocuments({ _id: { $in: last } });
        if (done === last.length) break;
      }
      if (Date.now() > deadline) throw new Error(`catch-up of ${sizes.messages} messages stalled`);
      await sleep(first === undefined ? 20 : 100);
    }
    const seconds = (performance.now() - first!) / 1000;
    const stored = await attending.countDocuments({});
    if (stored !== sizes.messages)
      throw new Error(`catch-up stored ${stored} of ${sizes.messages} participants`);
    const plenary = { seconds: round(seconds), messagesPerSecond: Math.round(sizes.messages / seconds) };
    return {
      messages: sizes.messages,
      plenary,
      baseline,
      ratio: round(plenary.messagesPerSecond / Math.max(1, baseline.messagesPerSecond), 2),
    };
  } finally {
    await rebuild.stopAll();
    await client.close();
  }
}

/** Raw kafkajs: a fresh group reads the topic from the beginning, parsing each value. */
async function rawConsumption(kafka: Kafka, topic: string, expected: number) {
  const consumer = kafka.consumer({ groupId: `${topic}-raw-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let received = 0;
  let first = 0;
  let last = 0;
  await consumer.run({
    eachMessage: async ({ message }) => {
      if (received === 0) first = performance.now();
      JSON.parse(message.value!.toString());
      if (++received === expected) last = performance.now();
    },
  });
  const deadline = Date.now() + 300_000;
  while (received < expected && Date.now() < deadline) await sleep(50);
  await consumer.disconnect();
  if (received < expected) throw new Error(`raw consumer read ${received} of ${expected}`);
  const seconds = (last - first) / 1000;
  return { seconds: round(seconds, 2), messagesPerSecond: Math.round(expected / seconds) };
}
