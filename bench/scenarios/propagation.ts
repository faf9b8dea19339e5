import type { Kafka } from 'kafkajs';
import { MongoClient } from 'mongodb';
import type { ParticipantDetailsView } from '@plenary/contracts';
import type { BenchServices } from '../lib/bench-stack.js';
import { person, type BenchMeeting } from '../lib/meeting.js';
import { latencySummary, round } from '../lib/stats.js';

export interface PropagationResult {
  rate: number;
  registrations: number;
  /** Registrations refused or lost in transit to the reports service (0 expected). */
  failed: number;
  missing: number;
  plenary: ReturnType<typeof latencySummary>;
  baseline: ReturnType<typeof latencySummary>;
  ratioP99: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Calls `send(i)` at `rate` per second for `count` calls, without waiting for one to finish before the next. */
async function paced(rate: number, count: number, send: (i: number) => Promise<void>): Promise<void> {
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    inFlight.push(send(i));
  }
  await Promise.all(inFlight);
}

/**
 * Scenario 2: from the HTTP response of a registration to the moment the reports service's
 * attendance holds it (its attending_participants collection, polled every few milliseconds),
 * at a fixed rate; beside a raw kafkajs produce → consume round trip on the same broker.
 */
export async function propagation(
  services: BenchServices,
  meeting: BenchMeeting,
  token: string,
  kafka: Kafka,
  sizes: { rate: number; count: number },
): Promise<PropagationResult> {
  const client = await MongoClient.connect(services.stack.mongoUrl);
  const attending = client
    .db(services.database('reports'))
    .collection<{ _id: string }>('attending_participants');
  const answered = new Map<string, number>();
  const latencies: number[] = [];
  let sending = true;
  // One poller for every pending registration: the store sees one small query at a time.
  const poller = (async () => {
    while (sending || answered.size > 0) {
      const pending = [...answered.keys()];
      if (pending.length > 0) {
        const seen = await attending.find({ _id: { $in: pending } }, { projection: { _id: 1 } }).toArray();
        const now = performance.now();
        for (const { _id } of seen) {
          const sentAt = answered.get(_id);
          if (sentAt === undefined) continue; // given up on at the deadline while this read ran
          latencies.push(now - sentAt);
          answered.delete(_id);
        }
      }
      await sleep(2);
    }
  })();
  let failures = 0;
  let missing: number;
  try {
    await paced(sizes.rate, sizes.count, async (i) => {
      const response = await fetch(
        `${services.url('participants')}/delegations/${meeting.delegationIds[i % meeting.delegationIds.length]}/participants`,
        {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(person(`propagation${sizes.rate}`, i)),
        },
      );
      if (response.status !== 201) {
        failures++;
        await response.body?.cancel();
        return;
      }
      const { id } = (await response.json()) as ParticipantDetailsView;
      answered.set(id, performance.now());
    });
    sending = false;
    const deadline = Date.now() + 120_000;
    while (answered.size > 0 && Date.now() < deadline) await sleep(100);
  } finally {
    sending = false;
    missing = answered.size;
    answered.clear();
    await poller;
    await client.close();
  }
  const baseline = await kafkaRoundTrip(kafka, `${services.namespace}.bench.round-trip`, sizes);
  const plenary = latencySummary(latencies);
  return {
    rate: sizes.rate,
    registrations: sizes.count,
    failed: failures,
    missing,
    plenary,
    baseline: latencySummary(baseline),
    ratioP99: round(plenary.p99 / Math.max(0.1, latencySummary(baseline).p99), 1),
  };
}

/** Raw kafkajs: one producer, one consumer in a group, one message every 1/rate s; the latency of each. */
async function kafkaRoundTrip(kafka: Kafka, topic: string, sizes: { rate: number; count: number }) {
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
  await admin.disconnect();
  const producer = kafka.producer();
  const consumer = kafka.consumer({ groupId: `${topic}-group`, maxWaitTimeInMs: 100 });
  await Promise.all([producer.connect(), consumer.connect()]);
  await consumer.subscribe({ topic, fromBeginning: true });
  const sent = new Map<string, number>();
  const latencies: number[] = [];
  let joined!: () => void;
  const ready = new Promise<void>((resolve) => (joined = resolve));
  consumer.on(consumer.events.GROUP_JOIN, () => joined());
  await consumer.run({
    eachMessage: async ({ message }) => {
      const key = message.key!.toString();
      const at = sent.get(key);
      if (at !== undefined) latencies.push(performance.now() - at);
    },
  });
  await ready;
  await paced(sizes.rate, sizes.count, async (i) => {
    sent.set(String(i), performance.now());
    await producer.send({
      topic,
      messages: [{ key: String(i), value: JSON.stringify(person('round-trip', i)) }],
    });
  });
  const deadline = Date.now() + 60_000;
  while (latencies.length < sizes.count && Date.now() < deadline) await sleep(50);
  await Promise.all([producer.disconnect(), consumer.disconnect()]);
  return latencies;
}
