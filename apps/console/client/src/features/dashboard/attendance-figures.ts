import type { PartyView } from '@libs/contracts/src/events/event.view';
import type {
  CheckInTimelineView,
  ParticipantSummaryView,
} from '@libs/contracts/src/participants/participant.view';

/** The summary's gender keys, "unknown" for a person who gave none, in the order the charts show them. */
export const GENDER_KEYS = ['female', 'male', 'other', 'undisclosed', 'unknown'] as const;
export type GenderKey = (typeof GENDER_KEYS)[number];

export const count = (counts: Record<string, number>, key: string): number => counts[key] ?? 0;

/** A part of a whole, or undefined when there is no whole to take it from. */
export const share = (part: number, whole: number): number | undefined =>
  whole > 0 ? part / whole : undefined;

/** Pending or accredited: the people still coming. */
export const attending = (summary: ParticipantSummaryView): number =>
  count(summary.byState, 'pending') + count(summary.byState, 'accredited');

export interface PartyRow {
  code: string;
  name: string;
  total: number;
  accredited: number;
  present: number;
  /** accredited, not checked in yet */
  expected: number;
  pending: number;
  rejected: number;
  withdrawn: number;
}

/** One row per party with participants, in the summary's order (by name). */
export function partyRows(summary: ParticipantSummaryView): PartyRow[] {
  return summary.byParty.map((p) => ({
    code: p.party.code,
    name: p.party.name,
    total: p.total,
    accredited: count(p.byState, 'accredited'),
    present: p.checkedIn,
    expected: count(p.byState, 'accredited') - p.checkedIn,
    pending: count(p.byState, 'pending'),
    rejected: count(p.byState, 'rejected'),
    withdrawn: count(p.byState, 'withdrawn'),
  }));
}

/** Represented: at least one participant pending or accredited. */
export function representedParties(summary: ParticipantSummaryView): string[] {
  return partyRows(summary)
    .filter((p) => p.pending + p.accredited > 0)
    .map((p) => p.code);
}

/** Invited parties without anyone attending. */
export function unrepresentedParties(
  summary: ParticipantSummaryView,
  invited: readonly PartyView[],
): PartyView[] {
  const represented = new Set(representedParties(summary));
  return invited.filter((p) => !represented.has(p.code));
}

export interface GenderRow {
  group: 'all' | 'heads';
  counts: Record<GenderKey, number>;
  total: number;
  women?: number;
  men?: number;
}

/** Gender among everyone attending and among heads of delegation, as UNFCCC's gender composition reports put it. */
export function genderRows(summary: ParticipantSummaryView): GenderRow[] {
  const row = (group: GenderRow['group'], counts: Record<string, number>): GenderRow => {
    const byKey = Object.fromEntries(GENDER_KEYS.map((k) => [k, count(counts, k)])) as Record<
      GenderKey,
      number
    >;
    const total = GENDER_KEYS.reduce((n, k) => n + byKey[k], 0);
    const women = share(byKey.female, total);
    const men = share(byKey.male, total);
    return {
      group,
      counts: byKey,
      total,
      ...(women !== undefined ? { women } : {}),
      ...(men !== undefined ? { men } : {}),
    };
  };
  return [row('all', summary.byGender), row('heads', summary.headsByGender)];
}

/** The gender keys worth a legend entry: women and men always, the others when anyone has them. */
export function shownGenders(rows: readonly GenderRow[]): GenderKey[] {
  return GENDER_KEYS.filter((k) => k === 'female' || k === 'male' || rows.some((r) => r.counts[k] > 0));
}

export interface CheckInRow {
  startsAt: string;
  endsAt: string;
  count: number;
  /** checked in by the end of the interval */
  present: number;
}

export function checkInRows(timeline: CheckInTimelineView): CheckInRow[] {
  const length = timeline.bucketMinutes * 60_000;
  let present = 0;
  return timeline.buckets.map((b) => {
    present += b.count;
    return {
      startsAt: b.startsAt,
      endsAt: new Date(Date.parse(b.startsAt) + length).toISOString(),
      count: b.count,
      present,
    };
  });
}

/** The interval with the most check-ins (the first of equals), for the chart's spoken summary. */
export function busiest(rows: readonly CheckInRow[]): CheckInRow | undefined {
  return rows.reduce<CheckInRow | undefined>(
    (best, r) => (!best || r.count > best.count ? r : best),
    undefined,
  );
}
