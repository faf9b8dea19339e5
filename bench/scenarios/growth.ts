import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import type { BenchServices } from '../lib/bench-stack.js';
import type { BenchMeeting } from '../lib/meeting.js';
import { latencySummary, round } from '../lib/stats.js';

export interface EndpointFigures {
  p50: number;
  p99: number;
  requestsPerSecond: number;
  /** The service answered 503: the store took longer than its timeout; p99 is then a lower bound. */
  timedOut: boolean;
}

export interface GrowthPoint {
  participants: number;
  list: EndpointFigures;
  listOfParty: EndpointFigures;
  summary: EndpointFigures;
}

export interface GrowthResult {
  points: GrowthPoint[];
  /** p99 at the largest size over p99 at the smallest, per endpoint. */
  growth: { list: number; listOfParty: number; summary: number };
}

const MIN_REQUESTS = 2;
const STATES = ['pending', 'accredited', 'accredited', 'accredited', 'withdrawn'];

/** Participant records as the participants service stores them, written straight into its collection. */
export function participantRecords(meeting: BenchMeeting, from: number, count: number) {
  const now = new Date();
  return Array.from({ length: count }, (_, k) => {
    const i = from + k;
    const d = i % meeting.delegationIds.length;
    const code = `ORG${String(d + 1).padStart(3, '0')}`;
    const given = `Given${i}`;
    const family = `Family${(i * 7919) % 100_003}`;
    return {
      _id: randomUUID(),
      eventId: meeting.eventId,
      delegationId: meeting.delegationIds[d],
      partyCode: code,
      party: { code, kind: 'organization', name: `Organisation ${code}` },
      name: { given, family, givenLatin: given, familyLatin: family },
      searchNames: [given.toLowerCase(), family.toLowerCase()],
      sortName: `${family.toLowerCase()} ${given.toLowerCase()}`,
      role: 'member',
      email: `grown${i}@growth.example`,
      emailKey: `grown${i}@growth.example`,
      gender: i % 2 ? 'female' : 'male',
      state: STATES[i % STATES.length],
      confirmed: true,
      version: 1,
      outbox: [],
      outboxPending: false,
      createdAt: now,
      updatedAt: now,
      createdBy: 'bench',
    };
  });
}

/**
 * Scenario 4: the participant list (first page, whole meeting and one party) and the summary
 * of one meeting, as it grows to each size; p99 at each size shows the cost curve.
 */
export async function growth(
  services: BenchServices,
  meeting: BenchMeeting,
  token: string,
  sizes: { sizes: number[]; seconds: number },
): Promise<GrowthResult> {
  const client = await MongoClient.connect(services.stack.mongoUrl);
  const collection = client.db(services.database('participants')).collection('participants');
  const points: GrowthPoint[] = [];
  // One request at a time, for `seconds` and at least MIN_REQUESTS: on a store that scans, a
  // request at 100,000 takes seconds, and concurrent ones would only queue behind each other.
  // A 503 (the store took longer than the service's timeout) ends the endpoint's measure at that size.
  const measure = async (path: string): Promise<EndpointFigures> => {
    const latencies: number[] = [];
    const started = performance.now();
    let timedOut = false;
    while (latencies.length < MIN_REQUESTS || performance.now() - started < sizes.seconds * 1000) {
      const sent = performance.now();
      const response = await fetch(`${services.url('participants')}${path}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      await response.arrayBuffer();
      latencies.push(performance.now() - sent);
      if (response.status === 503) {
        timedOut = true;
        break;
      }
      if (response.status !== 200) throw new Error(`GET ${path}: ${response.status}`);
    }
    const { p50, p99 } = latencySummary(latencies);
    const requestsPerSecond = round(latencies.length / ((performance.now() - started) / 1000));
    return { p50, p99, requestsPerSecond, timedOut };
  };
  try {
    let stored = 0;
    for (const size of sizes.sizes) {
      while (stored < size) {
        const batch = Math.min(1000, size - stored);
        await collection.insertMany(participantRecords(meeting, stored, batch) as never[], {
          ordered: false,
        });
        stored += batch;
      }
      points.push({
        participants: size,
        list: await measure(`/events/${meeting.eventId}/participants`),
        listOfParty: await measure(`/events/${meeting.eventId}/participants?party=ORG002`),
        summary: await measure(`/events/${meeting.eventId}/participants/summary`),
      });
    }
  } finally {
    await client.close();
  }
  const first = points[0];
  const last = points.at(-1)!;
  const ratio = (key: 'list' | 'listOfParty' | 'summary') =>
    round(last[key].p99 / Math.max(1, first[key].p99), 1);
  return {
    points,
    growth: { list: ratio('list'), listOfParty: ratio('listOfParty'), summary: ratio('summary') },
  };
}
