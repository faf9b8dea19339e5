import { describe, expect, it } from '@jest/globals';
import type { Gender, ParticipantState, ParticipantSummaryView, ParticipantView } from '@plenary/contracts';
import type { ParticipantGenders } from './participant-genders.service.js';
import type { ParticipantSummaryWriter, SummaryContent } from './participant-summary-writer.service.js';
import type { ParticipantSummaryRecord } from './schemas/participant-summary.schema.js';
import type { SummaryContributionWriter } from './summary-contribution-writer.service.js';
import type { StoredContribution } from './summary-contribution.js';
import { SummaryCounters } from './summary-counters.js';
import { type ParticipantChange, SummaryProjection } from './summary-projection.service.js';

const EVENT = 'e-1';
const PARTIES = {
  KAZ: { code: 'KAZ', kind: 'state' as const, name: 'Kazakhstan' },
  AFG: { code: 'AFG', kind: 'state' as const, name: 'Afghanistan' },
  IOM: { code: 'IOM', kind: 'organization' as const, name: 'International Organization for Migration' },
};

type Person = Pick<ParticipantView, 'id' | 'version' | 'state' | 'role'> & {
  party?: keyof typeof PARTIES;
  checkedInAt?: string;
  eventId?: string;
};

const view = (p: Person): ParticipantView => ({
  id: p.id,
  eventId: p.eventId ?? EVENT,
  delegationId: `d-${p.party ?? 'KAZ'}`,
  party: PARTIES[p.party ?? 'KAZ'],
  name: { given: 'Given', family: p.id, givenLatin: 'Given', familyLatin: p.id },
  role: p.role,
  state: p.state,
  ...(p.checkedInAt ? { checkedInAt: p.checkedInAt } : {}),
  version: p.version,
  createdAt: '2027-10-01T08:00:00.000Z',
  updatedAt: '2027-10-01T08:00:00.000Z',
});

const message = (p: Person, time = '2027-11-21T03:00:00.000Z'): ParticipantChange => ({
  time,
  data: { participant: view(p) },
});

const crash = () => new Error('the process died here');

/**
 * The two collections and the participants' genders in memory, with the same conditional
 * semantics as the writers (revision guard; contributions never moved to an older version),
 * and hooks to crash or to let another consumer in at a chosen point.
 */
class FakeStore {
  readonly summaries = new Map<string, ParticipantSummaryRecord>();
  readonly contributions = new Map<string, StoredContribution>();
  readonly genders = new Map<string, Gender>();
  summaryWrites = 0;
  /** Throws in the next contribution write, before anything is written. */
  crashBeforeContributions = 0;
  /** Runs once just before the next summary write (another consumer slipping in). */
  beforeSummaryWrite: (() => Promise<void>) | undefined;

  readonly summaryWriter = {
    find: async (eventId: string) => structuredClone(this.summaries.get(eventId) ?? null),
    write: async (eventId: string, from: number, content: SummaryContent) => {
      const hook = this.beforeSummaryWrite;
      this.beforeSummaryWrite = undefined;
      await hook?.();
      if ((this.summaries.get(eventId)?.revision ?? 0) !== from) return false;
      this.summaries.set(eventId, structuredClone({ _id: eventId, revision: from + 1, ...content }));
      this.summaryWrites++;
      return true;
    },
    settle: async (eventId: string, revision: number) => {
      const summary = this.summaries.get(eventId);
      if (summary?.revision === revision) summary.lastChanges = [];
    },
  } as unknown as ParticipantSummaryWriter;

  readonly contributionWriter = {
    ofParticipants: async (ids: readonly string[]) =>
      ids.flatMap((id) => (this.contributions.has(id) ? [structuredClone(this.contributions.get(id)!)] : [])),
    writeUnlessNewer: async (written: readonly StoredContribution[]) => {
      if (this.crashBeforeContributions > 0) {
        this.crashBeforeContributions--;
        throw crash();
      }
      for (const c of written)
        if ((this.contributions.get(c.id)?.version ?? 0) < c.version)
          this.contributions.set(c.id, structuredClone(c));
    },
  } as unknown as SummaryContributionWriter;

  readonly genderReader = {
    of: async (ids: readonly string[]) => new Map(ids.map((id) => [id, this.genders.get(id)])),
  } as unknown as ParticipantGenders;

  projection(): SummaryProjection {
    return new SummaryProjection(this.summaryWriter, this.contributionWriter, this.genderReader);
  }

  view(eventId = EVENT): ParticipantSummaryView {
    return SummaryCounters.from(this.summaries.get(eventId)).toView(eventId, 'UTC');
  }
}

/** The summary counted plainly from the participants' latest views: what the kept one must equal. */
function expected(
  views: ParticipantView[],
  genders: Map<string, Gender>,
): Omit<ParticipantSummaryView, 'checkInsOverTime' | 'eventId'> {
  const inc = (counts: Record<string, number>, key: string) => (counts[key] = (counts[key] ?? 0) + 1);
  const s = {
    total: 0,
    byState: {} as Record<string, number>,
    byRole: {} as Record<string, number>,
    byGender: {} as Record<string, number>,
    headsByGender: {} as Record<string, number>,
    checkedIn: 0,
    byParty: [] as ParticipantSummaryView['byParty'],
  };
  for (const v of views) {
    s.total++;
    inc(s.byState, v.state);
    let party = s.byParty.find((p) => p.party.code === v.party.code);
    if (!party) s.byParty.push((party = { party: v.party, total: 0, byState: {}, checkedIn: 0 }));
    party.total++;
    inc(party.byState, v.state);
    if (v.state === 'pending' || v.state === 'accredited') {
      inc(s.byRole, v.role);
      inc(s.byGender, genders.get(v.id) ?? 'unknown');
      if (v.role === 'head') inc(s.headsByGender, genders.get(v.id) ?? 'unknown');
    }
    if (v.state === 'accredited' && v.checkedInAt) {
      s.checkedIn++;
      party.checkedIn++;
    }
  }
  s.byParty.sort((a, b) => a.party.name.localeCompare(b.party.name, 'en'));
  return s;
}

/** Each field named equals exactly (toMatchObject would let extra keys through in nested counts). */
const expectCounts = (summary: ParticipantSummaryView, counts: Partial<ParticipantSummaryView>) =>
  expect(
    Object.fromEntries(Object.keys(counts).map((k) => [k, summary[k as keyof ParticipantSummaryView]])),
  ).toEqual(counts);

const withoutTimeline = ({ checkInsOverTime: _, eventId: __, ...rest }: ParticipantSummaryView) => rest;

describe('SummaryProjection', () => {
  it('counts a registration, then each transition as it replaces the one before', async () => {
    const store = new FakeStore();
    const projection = store.projection();
    store.genders.set('p1', 'female');
    const steps: Array<[Person, Partial<ParticipantSummaryView>]> = [
      [
        { id: 'p1', version: 1, state: 'pending', role: 'head' },
        { total: 1, byState: { pending: 1 }, byRole: { head: 1 }, byGender: { female: 1 } },
      ],
      [
        { id: 'p1', version: 2, state: 'accredited', role: 'head' },
        { total: 1, byState: { accredited: 1 }, headsByGender: { female: 1 }, checkedIn: 0 },
      ],
      [
        { id: 'p1', version: 3, state: 'accredited', role: 'head', checkedInAt: '2027-11-21T03:12:30Z' },
        { checkedIn: 1 },
      ],
      [
        { id: 'p1', version: 4, state: 'withdrawn', role: 'head', checkedInAt: '2027-11-21T03:12:30Z' },
        { total: 1, byState: { withdrawn: 1 }, byRole: {}, byGender: {}, headsByGender: {}, checkedIn: 0 },
      ],
      [
        { id: 'p1', version: 5, state: 'pending', role: 'member' },
        { byState: { pending: 1 }, byRole: { member: 1 }, headsByGender: {} },
      ],
      [
        { id: 'p1', version: 6, state: 'rejected', role: 'member' },
        { byState: { rejected: 1 }, byRole: {}, byGender: {} },
      ],
    ];
    for (const [person, counts] of steps) {
      await projection.apply([message(person)]);
      expectCounts(store.view(), counts);
      expect(store.contributions.get('p1')?.version).toBe(person.version);
    }
    expect(store.view().byParty).toEqual([
      { party: PARTIES.KAZ, total: 1, byState: { rejected: 1 }, checkedIn: 0 },
    ]);
  });

  it('counts check-ins per minute, and the timeline from them', async () => {
    const store = new FakeStore();
    const projection = store.projection();
    const at = ['2027-11-21T03:12:05Z', '2027-11-21T03:12:59Z', '2027-11-21T03:14:00Z'];
    await projection.apply(
      at.map((checkedInAt, i) =>
        message({ id: `p${i}`, version: 3, state: 'accredited', role: 'member', checkedInAt }),
      ),
    );
    expect(store.view().checkInsOverTime.buckets).toEqual([
      { startsAt: '2027-11-21T03:12:00.000Z', count: 2 },
      { startsAt: '2027-11-21T03:13:00.000Z', count: 0 },
      { startsAt: '2027-11-21T03:14:00.000Z', count: 1 },
    ]);
    await projection.apply([message({ id: 'p0', version: 4, state: 'withdrawn', role: 'member' })]);
    expect(store.view().checkInsOverTime.buckets[0]).toEqual({
      startsAt: '2027-11-21T03:12:00.000Z',
      count: 1,
    });
    expect(store.summaries.get(EVENT)!.checkInsByMinute).toHaveLength(2);
  });

  it('takes a change of gender from the record with the message that announces it', async () => {
    const store = new FakeStore();
    const projection = store.projection();
    await projection.apply([message({ id: 'p1', version: 1, state: 'pending', role: 'head' })]);
    expectCounts(store.view(), { byGender: { unknown: 1 }, headsByGender: { unknown: 1 } });
    store.genders.set('p1', 'male');
    await projection.apply([message({ id: 'p1', version: 2, state: 'pending', role: 'head' })]);
    expectCounts(store.view(), { byGender: { male: 1 }, headsByGender: { male: 1 } });
  });

  it('applies a redelivered message once', async () => {
    const store = new FakeStore();
    const projection = store.projection();
    const registered = message({ id: 'p1', version: 1, state: 'pending', role: 'member' });
    await projection.apply([registered]);
    const writes = store.summaryWrites;
    await projection.apply([registered]);
    await projection.apply([registered, registered]);
    expectCounts(store.view(), { total: 1, byState: { pending: 1 } });
    expect(store.summaryWrites).toBe(writes);
  });

  it('ignores an older version that arrives after a newer one, and jumps over a gap', async () => {
    const store = new FakeStore();
    const projection = store.projection();
    await projection.apply([message({ id: 'p1', version: 1, state: 'pending', role: 'member' })]);
    // Versions 2 and 3 never arrive (or arrive later): 4 carries the whole participant.
    await projection.apply([message({ id: 'p1', version: 4, state: 'rejected', role: 'adviser' })]);
    await projection.apply([message({ id: 'p1', version: 2, state: 'accredited', role: 'member' })]);
    await projection.apply([message({ id: 'p1', version: 3, state: 'withdrawn', role: 'member' })]);
    expect(withoutTimeline(store.view())).toEqual({
      total: 1,
      byState: { rejected: 1 },
      byRole: {},
      byGender: {},
      headsByGender: {},
      checkedIn: 0,
      byParty: [{ party: PARTIES.KAZ, total: 1, byState: { rejected: 1 }, checkedIn: 0 }],
    });
  });

  it('in one batch, counts each participant at their newest version only', async () => {
    const store = new FakeStore();
    await store
      .projection()
      .apply([
        message({ id: 'p1', version: 2, state: 'accredited', role: 'head' }),
        message({ id: 'p1', version: 1, state: 'pending', role: 'head' }),
        message({ id: 'p2', version: 1, state: 'pending', role: 'member', party: 'AFG' }),
        message({ id: 'p3', version: 1, state: 'pending', role: 'member', eventId: 'e-2' }),
      ]);
    expectCounts(store.view(), { total: 2, byState: { accredited: 1, pending: 1 } });
    expectCounts(store.view('e-2'), { total: 1, byState: { pending: 1 } });
    expect(store.summaryWrites).toBe(2);
  });

  it('after a crash between the summary write and the contributions, a redelivery only finishes the contributions', async () => {
    const store = new FakeStore();
    const projection = store.projection();
    await projection.apply([message({ id: 'p1', version: 1, state: 'pending', role: 'head' })]);
    const accredited = message({ id: 'p1', version: 2, state: 'accredited', role: 'head' });
    store.crashBeforeContributions = 1;
    await expect(projection.apply([accredited])).rejects.toThrow('the process died here');
    // The summary counts it; the contribution is still the old one.
    expect(store.view().byState).toEqual({ accredited: 1 });
    expect(store.contributions.get('p1')?.version).toBe(1);

    const writes = store.summaryWrites;
    await projection.apply([accredited]);
    expectCounts(store.view(), { total: 1, byState: { accredited: 1 }, byRole: { head: 1 } });
    expect(store.contributions.get('p1')?.version).toBe(2);
    expect(store.summaryWrites).toBe(writes);
  });

  it('after such a crash, the next change of that participant counts from what the summary applied', async () => {
    const store = new FakeStore();
    const projection = store.projection();
    await projection.apply([message({ id: 'p1', version: 1, state: 'pending', role: 'head' })]);
    store.crashBeforeContributions = 1;
    await expect(
      projection.apply([message({ id: 'p1', version: 2, state: 'accredited', role: 'head' })]),
    ).rejects.toThrow();
    // The redelivery never comes before the next change (say its partition moved on).
    await projection.apply([message({ id: 'p1', version: 3, state: 'withdrawn', role: 'head' })]);
    expectCounts(store.view(), { total: 1, byState: { withdrawn: 1 }, byRole: {} });
    expect(store.contributions.get('p1')?.version).toBe(3);
  });

  it("after such a crash, another participant's message finishes the contributions left behind", async () => {
    const store = new FakeStore();
    const projection = store.projection();
    store.crashBeforeContributions = 1;
    await expect(
      projection.apply([message({ id: 'p1', version: 1, state: 'pending', role: 'head' })]),
    ).rejects.toThrow();
    await projection.apply([message({ id: 'p2', version: 1, state: 'pending', role: 'member' })]);
    expect(store.contributions.get('p1')?.version).toBe(1);
    // And then a new crash between the two writes: p1 is still counted once.
    store.crashBeforeContributions = 1;
    await expect(
      projection.apply([message({ id: 'p3', version: 1, state: 'pending', role: 'member' })]),
    ).rejects.toThrow();
    await projection.apply([message({ id: 'p1', version: 1, state: 'pending', role: 'head' })]);
    expectCounts(store.view(), { total: 3, byRole: { head: 1, member: 2 } });
    expect([...store.contributions.keys()].sort()).toEqual(['p1', 'p2', 'p3']);
  });

  it('stays exact when two consumers apply the same meeting at once (a rebalance)', async () => {
    const store = new FakeStore();
    const mine = store.projection();
    const theirs = store.projection();
    await mine.apply([message({ id: 'p1', version: 1, state: 'pending', role: 'head' })]);
    // Between my read and my write, the other consumer applies the same message and the next one.
    store.beforeSummaryWrite = async () => {
      await theirs.apply([message({ id: 'p1', version: 2, state: 'accredited', role: 'head' })]);
      await theirs.apply([message({ id: 'p2', version: 1, state: 'pending', role: 'member' })]);
    };
    await mine.apply([
      message({ id: 'p1', version: 2, state: 'accredited', role: 'head' }),
      message({ id: 'p3', version: 1, state: 'pending', role: 'adviser' }),
    ]);
    expectCounts(store.view(), {
      total: 3,
      byState: { accredited: 1, pending: 2 },
      byRole: { head: 1, member: 1, adviser: 1 },
    });
    // My write lost to theirs: I read again, found p1 at version 2 already, and added p3 only.
    expect(store.summaryWrites).toBe(4);
    expect(store.contributions.get('p3')?.version).toBe(1);
  });

  it('equals the plain count after a random run of changes, redeliveries, reorderings, crashes and two consumers', async () => {
    let seed = 17;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
    for (let run = 0; run < 20; run++) {
      const store = new FakeStore();
      const consumers = [store.projection(), store.projection()];
      const latest = new Map<string, ParticipantView>();
      const sent: ParticipantChange[] = [];
      for (let step = 0; step < 150; step++) {
        const id = `p${Math.floor(random() * 12)}`;
        const before = latest.get(id);
        const states: ParticipantState[] = ['pending', 'accredited', 'rejected', 'withdrawn'];
        const state = before ? pick(states) : 'pending';
        const next = view({
          id,
          version: (before?.version ?? 0) + 1,
          state,
          role: pick(['head', 'member', 'adviser'] as const),
          party: pick(['KAZ', 'AFG', 'IOM'] as const),
          ...(state === 'accredited' && random() < 0.6
            ? { checkedInAt: new Date(Date.UTC(2027, 10, 21, 3, Math.floor(random() * 90))).toISOString() }
            : {}),
        });
        // The party of a person does not change: keep the first one.
        if (before) next.party = before.party;
        store.genders.set(id, pick(['female', 'male', 'undisclosed'] as const));
        latest.set(id, next);
        sent.push({
          time: new Date(Date.UTC(2027, 10, 21, 0, step)).toISOString(),
          data: { participant: next },
        });
        // Deliver: sometimes a crash between the writes, an older message again, two at once.
        const deliveries: ParticipantChange[][] = [[sent.at(-1)!]];
        if (random() < 0.3) deliveries.push([pick(sent)]);
        if (random() < 0.2) deliveries.unshift([pick(sent), sent.at(-1)!]);
        for (const batch of deliveries) {
          if (random() < 0.15) store.crashBeforeContributions = 1;
          if (random() < 0.15) {
            const other = pick(sent);
            store.beforeSummaryWrite = () => consumers[1].apply([other]).catch(() => undefined);
          }
          await consumers[0].apply(batch).catch(() => consumers[0].apply(batch));
        }
      }
      // Every participant's latest message once more, as a late redelivery.
      for (const v of latest.values())
        await consumers[1].apply([{ time: v.updatedAt, data: { participant: v } }]);
      const views = [...latest.values()];
      const counted = store.view();
      expect(withoutTimeline(counted)).toEqual(expected(views, store.genders));
      expect(counted.checkInsOverTime.buckets.reduce((n, b) => n + b.count, 0)).toBe(counted.checkedIn);
    }
  });
});
