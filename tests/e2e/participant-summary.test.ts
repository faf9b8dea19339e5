import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  DelegationDetailsView,
  EventView,
  ParticipantDetailsView,
  ParticipantSummaryView,
  RegisterParticipantDto,
} from '@plenary/contracts';
import mongoose, { type Connection } from 'mongoose';
import { v7 as uuidv7 } from 'uuid';
import { eventually } from '../support/eventually.js';
import { request } from '../support/http.js';
import { TestKafka } from '../support/kafka.js';
import { type ParticipantSummaries, participantSummaries } from '../support/participant-summaries.js';
import {
  type AppName,
  type ServiceProcess,
  startApps,
  stopAllApps,
  testNamespace,
} from '../support/services.js';
import { coordinator, secretariat } from '../support/tokens.js';

type Person = Pick<RegisterParticipantDto, 'role' | 'gender'> & { given: string; family: string };

/**
 * The attendance summary over real HTTP against the real store: gender among all and among
 * heads of delegation, presence per party, and check-ins counted in intervals of the meeting's
 * clock. The summary is kept from the participant messages, so it follows each change within
 * moments: every check waits for it, and the kept summary is compared with the reference
 * counted from the records (the store's $group on field paths).
 */
describe('participants summary for the attendance dashboard', () => {
  const namespace = testNamespace('summary');
  let apps: Record<AppName, ServiceProcess>;
  let admin: string;
  let eventId: string;
  let connection: Connection;
  let summaries: ParticipantSummaries;
  const people: Record<string, ParticipantDetailsView> = {};

  const inDays = (days: number, hour = 9) => {
    const date = new Date(Date.now() + days * 86_400_000);
    date.setUTCHours(hour, 0, 0, 0);
    return date.toISOString();
  };
  const api = <T>(method: string, path: string, body?: unknown, token = admin) =>
    request<T>(method, `${apps.participants.url}${path}`, { token, body });
  const summary = async (meeting = eventId) => {
    const response = await api<ParticipantSummaryView>('GET', `/events/${meeting}/participants/summary`);
    expect(response.status).toBe(200);
    return response.body;
  };
  /** Waits until the kept summary passes the check. */
  const summaryWhen = (check: (s: ParticipantSummaryView) => void, meeting = eventId) =>
    eventually(async () => {
      const s = await summary(meeting);
      check(s);
      return s;
    });
  const step = async (id: string, action: 'accredit' | 'check-in' | 'withdraw') =>
    expect((await api('POST', `/participants/${id}/${action}`, {})).status).toBe(200);

  async function delegation(party: string, meeting = eventId): Promise<string> {
    const token = await coordinator(meeting, party);
    const created = await eventually(async () => {
      const r = await api<DelegationDetailsView>(
        'POST',
        `/events/${meeting}/delegations`,
        {
          party,
          coordinator: { name: `Focal point of ${party}`, email: `focal@${party.toLowerCase()}.example` },
        },
        token,
      );
      expect(r.status).toBe(201);
      return r.body;
    });
    return created.id;
  }

  /** A meeting open for registration, in Kabul time, with four parties. */
  async function meeting(title: string, quotaPerDelegation: number): Promise<string> {
    const created = await request<EventView>('POST', `${apps.events.url}/events`, {
      token: admin,
      body: {
        title,
        kind: 'expert-consultation',
        startsAt: inDays(40),
        endsAt: inDays(41, 17),
        // Half an hour off UTC: intervals of an hour start at :30 UTC.
        timeZone: 'Asia/Kabul',
        registration: { opensAt: inDays(-1), closesAt: inDays(30), quotaPerDelegation },
        parties: [
          { code: 'KAZ', standings: ['member'] },
          { code: 'AFG', standings: ['member'] },
          { code: 'TJK', standings: ['member'] },
          { code: 'UNHCR', name: 'United Nations High Commissioner for Refugees', standings: ['observer'] },
        ],
      },
    });
    expect(created.status).toBe(201);
    for (const action of ['announce', 'open-registration'])
      expect(
        (await request('POST', `${apps.events.url}/events/${created.body.id}/${action}`, { token: admin }))
          .status,
      ).toBe(200);
    return created.body.id;
  }

  async function register(delegationId: string, person: Person): Promise<ParticipantDetailsView> {
    const r = await api<ParticipantDetailsView>('POST', `/delegations/${delegationId}/participants`, {
      name: { given: person.given, family: person.family },
      role: person.role,
      ...(person.gender ? { gender: person.gender } : {}),
      email: `${person.given}.${person.family}@example.org`.toLowerCase(),
    });
    expect(r.status).toBe(201);
    return (people[person.given] = r.body);
  }

  beforeAll(async () => {
    apps = await startApps(['events', 'participants'], { namespace });
    admin = await secretariat();
    connection = await mongoose
      .createConnection(process.env.MONGO_URL!, { dbName: `${namespace}_participants`.toLowerCase() })
      .asPromise();
    summaries = participantSummaries(connection);
    eventId = await meeting('Consultation in Kabul time', 4);

    const kaz = await delegation('KAZ');
    const afg = await delegation('AFG');
    const tjk = await delegation('TJK');
    await register(kaz, { given: 'Aigerim', family: 'Nurlanova', role: 'head', gender: 'female' });
    await register(kaz, { given: 'Daulet', family: 'Argandykov', role: 'member', gender: 'male' });
    await register(kaz, { given: 'Saule', family: 'Omarova', role: 'adviser', gender: 'female' });
    await register(afg, { given: 'Farid', family: 'Ahmadi', role: 'head', gender: 'male' });
    await register(afg, { given: 'Nadia', family: 'Karimi', role: 'expert', gender: 'undisclosed' });
    await register(afg, { given: 'Omid', family: 'Rahimi', role: 'member' });
    await register(tjk, { given: 'Rustam', family: 'Saidov', role: 'head', gender: 'male' });
    await register(tjk, { given: 'Malika', family: 'Karimova', role: 'member', gender: 'female' });
    for (const name of ['Aigerim', 'Daulet', 'Farid', 'Nadia', 'Malika'])
      await step(people[name].id, 'accredit');
    expect(
      (await api('POST', `/participants/${people.Omid.id}/reject`, { reason: 'No credentials letter.' }))
        .status,
    ).toBe(200);
    for (const name of ['Aigerim', 'Daulet', 'Farid', 'Malika']) await step(people[name].id, 'check-in');
    await step(people.Malika.id, 'withdraw');
  });

  afterAll(async () => {
    await connection?.close();
    await stopAllApps();
  });

  it('counts gender among everyone attending and among heads of delegation', async () => {
    await summaryWhen((s) =>
      expect(s).toMatchObject({
        total: 8,
        byState: { accredited: 4, pending: 2, rejected: 1, withdrawn: 1 },
        byRole: { head: 3, member: 1, adviser: 1, expert: 1 },
        byGender: { female: 2, male: 3, undisclosed: 1 },
        headsByGender: { female: 1, male: 2 },
      }),
    );
  });

  it('counts who is present, per party too; a withdrawn person checked in no longer counts', async () => {
    await summaryWhen((s) => {
      expect(s.checkedIn).toBe(3);
      expect(s.byParty.map((p) => [p.party.code, p.total, p.checkedIn])).toEqual([
        ['AFG', 3, 1],
        ['KAZ', 3, 2],
        ['TJK', 2, 0],
      ]);
    });
  });

  it('says as of when it counts, and equals the count from the records', async () => {
    const { asOf, ...kept } = await summaryWhen((s) => expect(s.total).toBe(8));
    const withdrawn = await api<ParticipantDetailsView>('GET', `/participants/${people.Malika.id}`);
    // As of the latest change counted: Malika's withdrawal, the last of them (its message is
    // stamped a moment after the record).
    const lag = Date.parse(asOf!) - Date.parse(withdrawn.body.updatedAt);
    expect(lag).toBeGreaterThanOrEqual(0);
    expect(lag).toBeLessThan(5_000);
    expect(kept).toEqual(await summaries.reference.summary(eventId));
  });

  it('puts the check-ins of a few seconds in one-minute intervals that add up to those present', async () => {
    const { checkInsOverTime: timeline, checkedIn } = await summaryWhen((s) => expect(s.checkedIn).toBe(3));
    expect(timeline.timeZone).toBe('Asia/Kabul');
    expect(timeline.bucketMinutes).toBe(1);
    expect(timeline.buckets.reduce((n, b) => n + b.count, 0)).toBe(checkedIn);
    const starts = timeline.buckets.map((b) => Date.parse(b.startsAt));
    starts.forEach((start, i) => {
      expect(start % 60_000).toBe(0);
      if (i > 0) expect(start - starts[i - 1]).toBe(60_000);
    });
    const present = await Promise.all(
      ['Aigerim', 'Daulet', 'Farid'].map(async (name) => {
        const r = await api<ParticipantDetailsView>('GET', `/participants/${people[name].id}`);
        return Date.parse(r.body.checkedInAt!);
      }),
    );
    for (const at of present) {
      const bucket = timeline.buckets.find(
        (b) => Date.parse(b.startsAt) <= at && at < Date.parse(b.startsAt) + 60_000,
      );
      expect(bucket?.count).toBeGreaterThan(0);
    }
  });

  it("counts a day and more of check-ins by the hour, hours starting on the meeting's clock", async () => {
    // The service stamps check-ins with its own clock; to spread them over two days, the times
    // are moved in the service's store (a test of the counting, not of the check-in), and the
    // summary rebuilt from the records, as an operator would after changing records by hand.
    const records = connection.collection('participants');
    const moves: Record<string, string> = {
      Aigerim: '2027-11-21T03:40:00.000Z',
      Daulet: '2027-11-22T04:10:00.000Z',
      Farid: '2027-11-22T05:29:00.000Z',
    };
    for (const [name, at] of Object.entries(moves)) {
      const moved = await records.updateOne(
        { _id: people[name].id as never },
        { $set: { checkedInAt: new Date(at) } },
      );
      expect(moved.matchedCount).toBe(1);
    }
    await summaryWhen((s) => expect(s.checkedIn).toBe(3));
    expect(await summaries.rebuild.rebuild(eventId)).toBe(8);
    const { checkInsOverTime: timeline } = await summary();
    expect(timeline.bucketMinutes).toBe(60);
    expect(timeline.buckets).toHaveLength(26);
    expect(timeline.buckets[0]).toEqual({ startsAt: '2027-11-21T03:30:00.000Z', count: 1 });
    expect(timeline.buckets.slice(-2)).toEqual([
      { startsAt: '2027-11-22T03:30:00.000Z', count: 1 },
      { startsAt: '2027-11-22T04:30:00.000Z', count: 1 },
    ]);
    expect(timeline.buckets.slice(1, -2).every((b) => b.count === 0)).toBe(true);
  });

  it('equals the count from the records after a random run of changes and messages delivered again', async () => {
    let seed = 1717;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
    const run = await meeting('Consultation with many changes', 30);
    const delegations = await Promise.all(['KAZ', 'AFG', 'TJK', 'UNHCR'].map((p) => delegation(p, run)));
    const ids: string[] = [];
    const statuses: Record<string, number> = {};
    const count = (what: string, status: number) => {
      statuses[`${what} ${status}`] = (statuses[`${what} ${status}`] ?? 0) + 1;
    };
    for (let i = 0; i < 40; i++) {
      const r = await api<ParticipantDetailsView>('POST', `/delegations/${pick(delegations)}/participants`, {
        name: { given: 'Person', family: `Number${i}` },
        // A second head of a delegation is refused (409): that changes nothing either.
        role: pick(['head', 'member', 'member', 'adviser', 'expert'] as const),
        ...(random() < 0.8 ? { gender: pick(['female', 'male', 'undisclosed'] as const) } : {}),
        email: `person.${i}@example.org`,
      });
      count('register', r.status);
      if (r.status === 201) ids.push(r.body.id);
    }
    const allowed = {
      pending: ['accredit', 'reject', 'withdraw', 'role', 'gender'],
      accredited: ['check-in', 'check-in', 'reject', 'withdraw', 'role', 'gender'],
      rejected: ['reinstate'],
      withdrawn: ['reinstate'],
    } as const;
    for (let i = 0; i < 100; i++) {
      const id = pick(ids);
      const now = await api<ParticipantDetailsView>('GET', `/participants/${id}`);
      const action = pick(allowed[now.body.state]);
      let status: number;
      if (action === 'role' || action === 'gender') {
        const change =
          action === 'role'
            ? { role: pick(['head', 'member', 'adviser'] as const) }
            : { gender: pick(['female', 'male', 'other', null] as const) };
        status = (
          await request('PATCH', `${apps.participants.url}/participants/${id}`, {
            token: admin,
            body: change,
            headers: { 'If-Match': `"${now.body.version}"` },
          })
        ).status;
      } else {
        const body = action === 'reject' ? { reason: 'No credentials letter.' } : {};
        status = (await api('POST', `/participants/${id}/${action}`, body)).status;
      }
      count(action, status);
    }
    // Every kind of change happened (some were refused, e.g. a second head: 409).
    const succeeded = new Set(
      Object.keys(statuses).flatMap((k) => (/ 2\d\d$/.test(k) ? [k.split(' ')[0]] : [])),
    );
    expect({ succeeded: [...succeeded].sort(), statuses }).toMatchObject({
      succeeded: ['accredit', 'check-in', 'gender', 'register', 'reinstate', 'reject', 'role', 'withdraw'],
    });

    // Messages of this meeting published again: one as it was (same id, as Kafka redelivers),
    // one copied under a new id (as a replaying producer would), both older than what is counted.
    const kafka = new TestKafka();
    const topic = `${namespace}.plenary.participants`;
    const again = (await kafka.readAll(topic)).filter(
      (m) => m.key === run && m.headers.ce_type?.startsWith('participant.'),
    );
    expect(again.length).toBeGreaterThan(40);
    const [first, middle] = [again[0], again[Math.floor(again.length / 2)]];
    await kafka.produce(topic, [
      { key: first.key, value: first.value, headers: first.headers },
      { key: middle.key, value: middle.value, headers: { ...middle.headers, ce_id: uuidv7() } },
    ]);
    // One more change after them: once it is counted, so are they (one partition per meeting).
    const last = await api<ParticipantDetailsView>('POST', `/delegations/${delegations[0]}/participants`, {
      name: { given: 'Person', family: 'Last' },
      role: 'observer',
      email: 'person.last@example.org',
    });
    expect(last.status).toBe(201);

    const reference = await summaries.reference.summary(run);
    expect(reference.total).toBe(ids.length + 1);
    const kept = await summaryWhen((s) => expect(s.total).toBe(ids.length + 1), run);
    await eventually(async () => {
      const { asOf: _, ...counts } = await summary(run);
      expect(counts).toEqual(await summaries.reference.summary(run));
    });
    expect(kept.asOf).toBeDefined();
  });

  it('is empty, not an error, for a meeting without participants', async () => {
    const unknown = '0192f0c4-5b1e-7d3a-9f10-6a1d2e3c4b5a';
    const response = await api<ParticipantSummaryView>('GET', `/events/${unknown}/participants/summary`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      total: 0,
      headsByGender: {},
      checkedIn: 0,
      checkInsOverTime: { timeZone: 'UTC', buckets: [] },
    });
  });
});
