import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DelegationDetailsView, EventView, ParticipantDetailsView } from '@plenary/contracts';
import { Clock } from '@plenary/runtime';
import mongoose, { type Connection, type Model } from 'mongoose';
import type { DelegationRecord } from '../../apps/participants/src/delegations/schemas/delegation.schema.js';
import { parseSeatEntry } from '../../apps/participants/src/participants/participant-holds.js';
import type { RegistrationSweeper } from '../../apps/participants/src/participants/registration-sweeper.js';
import type { ParticipantRecord } from '../../apps/participants/src/participants/schemas/participant.schema.js';
import type { PersonClaim } from '../../apps/participants/src/participants/schemas/person-claim.schema.js';
import { eventually } from '../support/eventually.js';
import { type JsonResponse, request } from '../support/http.js';
import { TestKafka } from '../support/kafka.js';
import {
  type AppName,
  type ServiceProcess,
  startApps,
  stopAllApps,
  testNamespace,
} from '../support/services.js';
import { participantsStore } from '../support/participants-store.js';
import { coordinator, secretariat } from '../support/tokens.js';

type Body = Partial<ParticipantDetailsView> & { code?: string; message?: string };

const QUOTA = 3;
const PARTIES = ['KAZ', 'AFG', 'TJK'];
/** Few emails for many attempts, so that people collide across delegations. */
const EMAILS = Array.from({ length: 24 }, (_, i) => `person${i}@example.org`);
const MIN_OPERATIONS = 1000;

/** A seeded generator, so that a failing round can be replayed (the seed is printed). */
function prng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Double submits and concurrent changes of the same people through the public API, with the
 * sweeper running beside them, on the real store: after every round the invariants hold, and
 * every 2xx is in the store and on the topic.
 */
describe('participants under concurrent double submits', () => {
  const namespace = testNamespace('races');
  let apps: Record<AppName, ServiceProcess>;
  let admin: string;
  let connection: Connection;
  let participants: Model<ParticipantRecord>;
  let delegations: Model<DelegationRecord>;
  let claims: Model<PersonClaim>;
  let sweeper: RegistrationSweeper;

  const inDays = (days: number, hour = 9) => {
    const date = new Date(Date.now() + days * 86_400_000);
    date.setUTCHours(hour, 0, 0, 0);
    return date.toISOString();
  };
  const api = (method: string, path: string, token: string, body?: unknown, version?: number) =>
    request<Body>(method, `${apps.participants.url}${path}`, {
      token,
      body,
      headers: version === undefined ? {} : { 'if-match': `"${version}"` },
    });

  beforeAll(async () => {
    apps = await startApps(['events', 'participants'], { namespace });
    admin = await secretariat();
    connection = await mongoose
      .createConnection(process.env.MONGO_URL!, { dbName: `${namespace}_participants`.toLowerCase() })
      .asPromise();
    // The service's own sweeper on its own database, ticked between and during rounds (the
    // service's timer ticks every 30 s only).
    ({ participants, delegations, claims, sweeper } = participantsStore(connection, new Clock()));
  });

  afterAll(async () => {
    await connection?.close();
    await stopAllApps();
  });

  /** Every invariant of places; returns what is broken (nothing, when all hold). */
  async function violations(eventId: string): Promise<string[]> {
    const problems: string[] = [];
    const people = await participants.find({ eventId, confirmed: true }).lean<ParticipantRecord[]>().exec();
    const active = people.filter((p) => p.state === 'pending' || p.state === 'accredited');
    const all = await delegations.find({ eventId }).lean<DelegationRecord[]>().exec();
    for (const delegation of all) {
      const mine = active.filter((p) => p.delegationId === delegation._id);
      const seated = delegation.seats.map((entry) => parseSeatEntry(entry).participantId);
      if (seated.length > QUOTA) problems.push(`${delegation.partyCode}: ${seated.length} seats > quota`);
      if (new Set(seated).size !== seated.length) problems.push(`${delegation.partyCode}: a seat twice`);
      const missing = mine.filter((p) => !seated.includes(p._id));
      const extra = seated.filter((id) => !mine.some((p) => p._id === id));
      if (missing.length > 0) problems.push(`${delegation.partyCode}: attending without a seat`);
      if (extra.length > 0) problems.push(`${delegation.partyCode}: a seat held by no one attending`);
      if (mine.length > QUOTA) problems.push(`${delegation.partyCode}: ${mine.length} attending > quota`);
      const heads = mine.filter((p) => p.role === 'head');
      if (heads.length > 1) problems.push(`${delegation.partyCode}: ${heads.length} heads`);
      if ((heads[0]?._id ?? null) !== (delegation.headParticipantId ?? null))
        problems.push(
          `${delegation.partyCode}: head role held by ${delegation.headParticipantId ?? 'no one'}`,
        );
    }
    const held = await claims
      .find({ _id: { $regex: `^${eventId}:` } })
      .lean<PersonClaim[]>()
      .exec();
    const emails = active.map((p) => p.emailKey);
    if (new Set(emails).size !== emails.length) problems.push('one email attends twice');
    for (const p of active) {
      if (!held.some((c) => c._id === `${eventId}:${p.emailKey}` && c.participantId === p._id))
        problems.push(`${p.emailKey}: attends without their claim`);
    }
    for (const c of held) {
      if (!active.some((p) => p._id === c.participantId && `${eventId}:${p.emailKey}` === c._id))
        problems.push(`${c._id}: claimed by no one attending`);
    }
    return problems;
  }

  it(`keeps seats, one head and one delegation per person through ${MIN_OPERATIONS}+ racing operations`, async () => {
    const seed = Number(process.env.RACE_SEED ?? Date.now() % 1_000_000);
    const random = prng(seed);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const created = await request<EventView>('POST', `${apps.events.url}/events`, {
      token: admin,
      body: {
        title: 'Racing consultation',
        kind: 'expert-consultation',
        startsAt: inDays(60),
        endsAt: inDays(60, 17),
        timeZone: 'Asia/Almaty',
        registration: { opensAt: inDays(-1), closesAt: inDays(50), quotaPerDelegation: QUOTA },
        parties: PARTIES.map((code) => ({ code, standings: ['member'] })),
      },
    });
    const eventId = created.body.id;
    await request('POST', `${apps.events.url}/events/${eventId}/announce`, { token: admin });
    await request('POST', `${apps.events.url}/events/${eventId}/open-registration`, { token: admin });
    const delegationIds: string[] = [];
    for (const party of PARTIES) {
      const token = await coordinator(eventId, party);
      const response = await eventually(async () => {
        const r = await request<DelegationDetailsView>(
          'POST',
          `${apps.participants.url}/events/${eventId}/delegations`,
          {
            token,
            body: { party, coordinator: { name: `Focal point of ${party}`, email: `f@${party}.example` } },
          },
        );
        expect(r.status).toBe(201);
        return r;
      });
      delegationIds.push(response.body.id);
    }

    /** What the store says of a person now (the version the next request sends as If-Match). */
    const known = new Map<string, { version: number }>();
    const accepted: Array<{ id: string; version: number }> = [];
    const statuses = new Map<string, number>();
    let operations = 0;
    let doubleWins = 0;

    const operation = async (): Promise<() => Promise<JsonResponse<Body>>> => {
      const ids = [...known.keys()];
      if (ids.length < 6 || random() < 0.25) {
        const body = {
          name: { given: 'Given', family: `Family${Math.floor(random() * 1000)}` },
          role: random() < 0.3 ? 'head' : 'member',
          email: pick(EMAILS),
        };
        const delegationId = pick(delegationIds);
        return () => api('POST', `/delegations/${delegationId}/participants`, admin, body);
      }
      const id = pick(ids);
      const { version, state } = (await participants
        .findById(id, { version: 1, state: 1 })
        .lean<{ version: number; state: string }>()
        .exec())!;
      // Mostly what the person's state allows, sometimes what it does not (a refusal races too).
      const attending = state === 'pending' || state === 'accredited';
      const kind =
        attending === random() < 0.85
          ? pick(['head', 'member', 'email', 'email', 'withdraw', 'accredit', 'reject', 'check-in'] as const)
          : 'reinstate';
      switch (kind) {
        case 'reinstate':
        case 'withdraw':
        case 'accredit':
          return () => api('POST', `/participants/${id}/${kind}`, admin, undefined, version);
        case 'reject':
          return () =>
            api('POST', `/participants/${id}/reject`, admin, { reason: 'No credentials' }, version);
        case 'check-in':
          return () => api('POST', `/participants/${id}/check-in`, admin);
        case 'head':
        case 'member':
          return () => api('PATCH', `/participants/${id}`, admin, { role: kind }, version);
        case 'email':
          return () => api('PATCH', `/participants/${id}`, admin, { email: pick(EMAILS) }, version);
      }
    };

    let round = 0;
    while (operations < MIN_OPERATIONS) {
      round++;
      // A double submit (the same request twice at once), sometimes beside another change
      // (perhaps of the same delegation or person), and a sweeper tick among them.
      const send = await operation();
      const other = random() < 0.5 ? await operation() : undefined;
      const results = await Promise.all([
        send(),
        send(),
        ...(other ? [other()] : []),
        sweeper.sweep().then(() => undefined),
      ]);
      const responses = results.filter((r): r is JsonResponse<Body> => r !== undefined);
      operations += responses.length;
      const [first, second] = responses;
      if (first!.status < 300 && second!.status < 300 && first!.body.version !== second!.body.version)
        doubleWins++;
      for (const response of responses) {
        const outcome = `${response.status}${response.body.code ? ` ${response.body.code}` : ''}`;
        statuses.set(outcome, (statuses.get(outcome) ?? 0) + 1);
        expect(response.status).toBeLessThan(500);
        if (response.status < 300 && response.body.id) {
          known.set(response.body.id, { version: response.body.version! });
          accepted.push({ id: response.body.id, version: response.body.version! });
        }
      }
      const broken = await violations(eventId);
      if (broken.length > 0) {
        throw new Error(`round ${round} (seed ${seed}) broke: ${broken.join('; ')}`);
      }
    }
    console.log(
      `[races] seed ${seed}: ${round} rounds, ${operations} operations, statuses ${JSON.stringify(Object.fromEntries(statuses))}, 0 violations`,
    );
    // A double submit never makes two different changes.
    expect(doubleWins).toBe(0);
    // Every 2xx is in the store (at that version or later) and on the topic.
    for (const { id, version } of accepted) {
      const stored = await participants.findById(id, { version: 1 }).lean<{ version: number }>().exec();
      expect(stored!.version).toBeGreaterThanOrEqual(version);
    }
    const kafka = new TestKafka();
    await eventually(
      async () => {
        const published = new Set(
          (await kafka.readAll(`${namespace}.plenary.participants`))
            .filter((m) => m.key === eventId && m.headers.ce_type?.startsWith('participant.'))
            .map((m) => {
              const { participant } = JSON.parse(m.value!).data ?? JSON.parse(m.value!);
              return `${participant.id}@${participant.version}`;
            }),
        );
        const unpublished = accepted.filter(({ id, version }) => !published.has(`${id}@${version}`));
        expect(unpublished).toEqual([]);
      },
      60_000,
      1000,
    );
  }, 600_000);
});
