import { randomUUID } from 'node:crypto';
import type { Kafka, KafkaMessage, Message } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { Topics, type ParticipantView } from '@plenary/contracts';
import { BenchServices } from '../lib/bench-stack.js';
import { registeredMessage } from '../lib/participant-messages.js';
import { round } from '../lib/stats.js';

export interface CatchUpResult {
  messages: number;
  plenary: { seconds: number; messagesPerSecond: number };
  /** The store's own ceiling: the bare driver inserting the same projected documents in bulk. */
  storeCeiling: { seconds: number; documentsPerSecond: number };
  /** Raw kafkajs reading the same topic, for information: what the broker and client allow. */
  rawKafka: { seconds: number; messagesPerSecond: number };
  /** Plenary's messages per second over the store's ceiling. */
  ratio: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const BULK = 1000;
const MEETINGS = 30;

/**
 * The document the reports service keeps per participant in attending_participants (the fields
 * AttendanceService writes, and the version), from a participant message's payload.
 */
function attendingParticipant(participant: ParticipantView) {
  return {
    _id: participant.id,
    eventId: participant.eventId,
    delegationId: participant.delegationId,
    name: participant.name,
    ...(participant.position === undefined ? {} : { position: participant.position }),
    role: participant.role,
    state: participant.state,
    checkedIn: participant.checkedInAt !== undefined,
    version: participant.version,
  };
}

/**
 * Scenario 3: a fresh reports service rebuilding its attendance from `count` participant
 * messages (copies of a real one, each a different person, spread over 30 meetings, numbered
 * in order per meeting), until every one is in its read model. Beside it, the store's ceiling:
 * the bare driver inserting the same projected documents with insertMany, 1,000 at a time, into
 * a collection with the same index; and, for information, raw kafkajs consuming the topic.
 */
export async function catchUp(
  services: BenchServices,
  kafka: Kafka,
  template: KafkaMessage,
  sizes: { messages: number },
): Promise<CatchUpResult> {
  const rebuild = new BenchServices(services.stack, `${services.namespace}r`);
  const topic = `${rebuild.namespace}.${Topics.participants}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
  await admin.disconnect();

  const { participant: model } = JSON.parse(template.value!.toString()) as { participant: ParticipantView };
  const events = Array.from({ length: MEETINGS }, () => randomUUID());
  const sequences = new Map<string, number>();
  const projected: ReturnType<typeof attendingParticipant>[] = [];
  const producer = kafka.producer();
  await producer.connect();
  for (let sent = 0; sent < sizes.messages;) {
    const batch: Message[] = [];
    for (; batch.length < BULK && sent < sizes.messages; sent++) {
      const eventId = events[sent % events.length];
      const participant = { ...model, id: randomUUID(), eventId };
      const sequence = (sequences.get(eventId) ?? 0) + 1;
      sequences.set(eventId, sequence);
      batch.push(registeredMessage(template, participant, sequence));
      projected.push(attendingParticipant(participant));
    }
    await producer.send({ topic, messages: batch });
  }
  await producer.disconnect();
  // The last participant of each meeting: messages of one meeting share a partition and are
  // handled in order, so when these 30 are stored, so is everything before them.
  const last = events.map((eventId) => projected.findLast((p) => p.eventId === eventId)!._id);

  const rawKafka = await rawConsumption(kafka, topic, sizes.messages);

  const client = await MongoClient.connect(services.stack.mongoUrl);
  try {
    const storeCeiling = await bulkInserts(client, `${services.namespace}_ceiling`, projected);
    const attending = client
      .db(rebuild.database('reports'))
      .collection<{ _id: string }>('attending_participants');
    await rebuild.start(['reports']);
    // Cheap reads only (by _id): counting on FerretDB reads every document, and polling a count
    // would slow the store down more than the service under test.
    let first: number | undefined;
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
      storeCeiling,
      rawKafka,
      ratio: round(plenary.messagesPerSecond / Math.max(1, storeCeiling.documentsPerSecond), 2),
    };
  } finally {
    await rebuild.stopAll();
    await client.close();
  }
}

/** The store's ceiling: the documents inserted in bulk, one insertMany after the other, into a fresh collection indexed as the service's. */
async function bulkInserts(client: MongoClient, database: string, documents: object[]) {
  const collection = client.db(database).collection('attending_participants');
  await collection.createIndex({ eventId: 1, state: 1 });
  const started = performance.now();
  for (let i = 0; i < documents.length; i += BULK)
    await collection.insertMany(documents.slice(i, i + BULK) as never[], { ordered: false });
  const seconds = (performance.now() - started) / 1000;
  return { seconds: round(seconds, 2), documentsPerSecond: Math.round(documents.length / seconds) };
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
