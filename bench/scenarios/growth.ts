import type { Kafka, KafkaMessage } from 'kafkajs';
import { type Db, MongoClient, MongoNetworkTimeoutError } from 'mongodb';
import { Topics, type ParticipantSummaryView } from '@plenary/contracts';
import type { BenchServices } from '../lib/bench-stack.js';
import type { BenchMeeting } from '../lib/meeting.js';
import { registeredMessage } from '../lib/participant-messages.js';
import { type GrownParticipant, participantRecords, participantView } from '../lib/participant-records.js';
import { latencySummary, round } from '../lib/stats.js';
import { GROWTH_ENDPOINTS, GROWTH_QUERIES, type GrowthEndpoint } from './growth-queries.js';

export interface EndpointFigures {
  p50: number;
  p99: number;
  requestsPerSecond: number;
  /** The service answered 503: the store took longer than its timeout; p99 is then a lower bound. */
  timedOut: boolean;
}

/** One endpoint at one size: the service over HTTP, and the bare driver sending the same query to the store. */
export interface EndpointPoint {
  plenary: EndpointFigures;
  /** timedOut: the store took longer than the service's timeout (the same socket timeout and retry). */
  baseline: { p50: number; p99: number; timedOut: boolean };
}

export interface GrowthPoint {
  participants: number;
  /** From the last record written to the summary counting them all; null: the summary answered 503 (see its figures). */
  summarySettledSeconds: number | null;
  endpoints: Record<GrowthEndpoint, EndpointPoint>;
}

export interface GrowthResult {
  points: GrowthPoint[];
  /** Plenary's p99 at the largest size over its p99 at the smallest, per endpoint. */
  growth: Record<GrowthEndpoint, number>;
}

export interface GrowthSizes {
  sizes: number[];
  /** How long each endpoint is measured at each size (at least MIN_REQUESTS, at most MAX_REQUESTS). */
  seconds: number;
}

const MIN_REQUESTS = 2;
const MAX_REQUESTS = 500;
const BATCH = 1000;
/** The participants service's socket timeout in the bench (MONGO_TIMEOUT_MS 5000 × 4; see run.ts). */
const SERVICE_SOCKET_TIMEOUT_MS = 20_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Times `request` one call at a time, for `seconds` and between MIN_REQUESTS and MAX_REQUESTS
 * calls: on a store that scans, a call at 100,000 takes seconds, and concurrent ones would only
 * queue behind each other. A call answering 'timed out' ends the measure.
 */
async function timed(seconds: number, request: () => Promise<'ok' | 'timed out'>) {
  const latencies: number[] = [];
  const started = performance.now();
  let timedOut = false;
  while (
    latencies.length < MIN_REQUESTS ||
    (latencies.length < MAX_REQUESTS && performance.now() - started < seconds * 1000)
  ) {
    const sent = performance.now();
    const outcome = await request();
    latencies.push(performance.now() - sent);
    if (outcome === 'timed out') {
      timedOut = true;
      break;
    }
  }
  const { p50, p99 } = latencySummary(latencies);
  const requestsPerSecond = round(latencies.length / ((performance.now() - started) / 1000));
  return { p50, p99, requestsPerSecond, timedOut };
}

/**
 * Scenario 4: the secretariat's participants page of one meeting (first page by name, one
 * party's, a name search) and its summary, as the meeting grows to each size; p99 at each size
 * shows the cost curve, beside the bare driver sending the same query to the same store.
 * The records are written straight into the participants service's collection, and each is
 * announced on the participants topic as the service would (participant.registered), for the
 * read models fed by that topic; the figures are taken once the summary counts them all.
 */
export async function growth(
  services: BenchServices,
  meeting: BenchMeeting,
  token: string,
  kafka: Kafka,
  template: KafkaMessage,
  sizes: GrowthSizes,
): Promise<GrowthResult> {
  const client = await MongoClient.connect(services.stack.mongoUrl);
  const db = client.db(services.database('participants'));
  // The baseline's queries give up when the service's would, so a scan at 100,000 costs both the same time.
  const bareClient = await MongoClient.connect(services.stack.mongoUrl, {
    socketTimeoutMS: SERVICE_SOCKET_TIMEOUT_MS,
  });
  const bareDb = bareClient.db(services.database('participants'));
  const collection = db.collection<GrownParticipant>('participants');
  const topic = `${services.namespace}.${Topics.participants}`;
  const producer = kafka.producer();
  await producer.connect();
  const get = (path: string) =>
    fetch(`${services.url('participants')}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const measure = (path: string) =>
    timed(sizes.seconds, async () => {
      const response = await get(path);
      await response.arrayBuffer();
      if (response.status === 503) return 'timed out';
      if (response.status !== 200) throw new Error(`GET ${path}: ${response.status}`);
      return 'ok';
    });
  const measureBare = (query: (db: Db, eventId: string) => Promise<unknown>) =>
    timed(sizes.seconds, async () => {
      try {
        await query(bareDb, meeting.eventId);
        return 'ok';
      } catch (error) {
        if (error instanceof MongoNetworkTimeoutError) return 'timed out';
        throw error;
      }
    });
  const points: GrowthPoint[] = [];
  try {
    let stored = 0;
    for (const size of sizes.sizes) {
      while (stored < size) {
        const batch = participantRecords(meeting, stored, Math.min(BATCH, size - stored));
        await collection.insertMany(batch, { ordered: false });
        await producer.send({
          topic,
          messages: batch.map((record) => registeredMessage(template, participantView(record))),
        });
        stored += batch.length;
      }
      const summarySettledSeconds = await untilSummaryCounts(size, () =>
        get(GROWTH_QUERIES.summary.path(meeting.eventId)),
      );
      const endpoints = {} as Record<GrowthEndpoint, EndpointPoint>;
      for (const endpoint of GROWTH_ENDPOINTS) {
        const query = GROWTH_QUERIES[endpoint];
        const plenary = await measure(query.path(meeting.eventId));
        const { p50, p99, timedOut } = await measureBare(query.bare);
        endpoints[endpoint] = { plenary, baseline: { p50, p99, timedOut } };
      }
      points.push({ participants: size, summarySettledSeconds, endpoints });
    }
  } finally {
    await producer.disconnect();
    await Promise.all([client.close(), bareClient.close()]);
  }
  const first = points[0];
  const last = points.at(-1)!;
  const growthOf = (endpoint: GrowthEndpoint) =>
    round(last.endpoints[endpoint].plenary.p99 / Math.max(1, first.endpoints[endpoint].plenary.p99), 1);
  return {
    points,
    growth: Object.fromEntries(GROWTH_ENDPOINTS.map((e) => [e, growthOf(e)])) as Record<
      GrowthEndpoint,
      number
    >,
  };
}

/**
 * Waits until the summary's total is `size` (every record written, and every message about
 * them taken into the read models that feed it); its seconds. A deadline of a minute plus 3 ms
 * a participant, then an error saying how far it got. A 503 (the summary outlasted the store
 * timeout) ends the wait at once with null: a summary that scans counts what is stored, a read
 * model's lookup does not time out, and the figures of that size show the 503s.
 */
async function untilSummaryCounts(size: number, summary: () => Promise<Response>): Promise<number | null> {
  const started = performance.now();
  const deadline = started + 60_000 + size * 3;
  let total: number | undefined;
  for (;;) {
    const response = await summary();
    if (response.status === 200) total = ((await response.json()) as ParticipantSummaryView).total;
    else await response.arrayBuffer();
    if (response.status === 503) return null;
    if (total === size) return round((performance.now() - started) / 1000);
    if (performance.now() > deadline) {
      const seconds = Math.round((performance.now() - started) / 1000);
      throw new Error(
        `growth: the participant summary counted ${total ?? 'nothing (no answer)'} of the ${size} participants ` +
          `written, ${seconds} s after the last; its read model did not catch up with the participants topic ` +
          `(the deadline allows a minute and 3 ms a participant; last answer ${response.status})`,
      );
    }
    await sleep(500);
  }
}
