import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import type { BenchServices } from '../lib/bench-stack.js';
import { load } from '../lib/load.js';
import type { BenchMeeting } from '../lib/meeting.js';
import { round } from '../lib/stats.js';

export interface GrowthPoint {
  participants: number;
  list: { p50: number; p99: number; requestsPerSecond: number };
  listOfParty: { p50: number; p99: number; requestsPerSecond: number };
  summary: { p50: number; p99: number; requestsPerSecond: number };
}

export interface GrowthResult {
  points: GrowthPoint[];
  /** p99 at the largest size over p99 at the smallest, per endpoint. */
  growth: { list: number; listOfParty: number; summary: number };
}

const STATES = ['pending', 'accredited', 'accredited', 'accredited', 'withdrawn'];

/** Participant records as the participants service stores them, written straight into its collection. */
function participants(meeting: BenchMeeting, from: number, count: number) {
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
  const measure = async (path: string) => {
    const result = await load({
      url: services.url('participants'),
      method: 'GET',
      headers: { authorization: `Bearer ${token}` },
      seconds: sizes.seconds,
      connections: 4,
      request: () => ({ path }),
    });
    if (result.non2xx > 0 || result.errors > 0)
      throw new Error(`GET ${path}: ${result.non2xx} non-2xx, ${result.errors} errors`);
    return { p50: result.p50, p99: result.p99, requestsPerSecond: result.requestsPerSecond };
  };
  try {
    let stored = 0;
    for (const size of sizes.sizes) {
      while (stored < size) {
        const batch = Math.min(1000, size - stored);
        await collection.insertMany(participants(meeting, stored, batch) as never[], { ordered: false });
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
