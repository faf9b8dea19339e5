import type { ParticipantSummaryView } from '@plenary/contracts';
import { ACTIVE_PARTICIPANT_STATES } from '../participants/participant-lifecycle.js';
import { checkInTimeline } from './check-in-timeline.js';
import type {
  ParticipantSummaryRecord,
  StoredMinuteCount,
  StoredPartyCounts,
} from './schemas/participant-summary.schema.js';
import type { StoredContribution } from './summary-contribution.js';

const MINUTE = 60_000;

export type StoredCounters = Pick<
  ParticipantSummaryRecord,
  'total' | 'byState' | 'byRole' | 'byGender' | 'headsByGender' | 'checkedIn' | 'byParty' | 'checkInsByMinute'
>;

/** Adds n to a count, and drops it at zero: the summary lists only what is there. */
const add = (counts: Record<string, number>, key: string, n: number) => {
  const next = (counts[key] ?? 0) + n;
  if (next === 0) delete counts[key];
  else counts[key] = next;
};

/**
 * A meeting's summary counters as sums of contributions: adding a participant's contribution
 * and taking it out again leave the counters as they were, so a change is applied as
 * remove(old) then add(new). The rules are the reference aggregate's
 * (ParticipantSummaryReference): total and byState over everyone; role and gender over those
 * attending (pending or accredited); present = accredited and checked in; check-ins counted
 * per minute (the timeline's shortest interval), which the view turns into intervals.
 */
export class SummaryCounters {
  private total = 0;
  private readonly byState: Record<string, number> = {};
  private readonly byRole: Record<string, number> = {};
  private readonly byGender: Record<string, number> = {};
  private readonly headsByGender: Record<string, number> = {};
  private checkedIn = 0;
  private readonly parties = new Map<string, StoredPartyCounts>();
  private readonly checkIns = new Map<number, number>();

  static from(stored: StoredCounters | null | undefined): SummaryCounters {
    const counters = new SummaryCounters();
    if (!stored) return counters;
    counters.total = stored.total;
    Object.assign(counters.byState, stored.byState);
    Object.assign(counters.byRole, stored.byRole);
    Object.assign(counters.byGender, stored.byGender);
    Object.assign(counters.headsByGender, stored.headsByGender);
    counters.checkedIn = stored.checkedIn;
    for (const p of stored.byParty) counters.parties.set(p.code, { ...p, byState: { ...p.byState } });
    for (const m of stored.checkInsByMinute) counters.checkIns.set(m.minute, m.count);
    return counters;
  }

  add(contribution: StoredContribution): void {
    this.count(contribution, 1);
  }

  remove(contribution: StoredContribution): void {
    this.count(contribution, -1);
  }

  private count(c: StoredContribution, n: number): void {
    this.total += n;
    add(this.byState, c.state, n);
    if (ACTIVE_PARTICIPANT_STATES.includes(c.state)) {
      const gender = c.gender ?? 'unknown';
      add(this.byRole, c.role, n);
      add(this.byGender, gender, n);
      if (c.role === 'head') add(this.headsByGender, gender, n);
    }
    const party = this.parties.get(c.party.code) ?? {
      ...c.party,
      total: 0,
      byState: {},
      checkedIn: 0,
    };
    // The latest name of the party is the one shown.
    if (n > 0) Object.assign(party, c.party);
    party.total += n;
    add(party.byState, c.state, n);
    // Present: accredited and checked in (a withdrawn person's check-in no longer counts).
    if (c.state === 'accredited' && c.checkedInAt) {
      this.checkedIn += n;
      party.checkedIn += n;
      const minute = Math.floor(c.checkedInAt.getTime() / MINUTE);
      const count = (this.checkIns.get(minute) ?? 0) + n;
      if (count === 0) this.checkIns.delete(minute);
      else this.checkIns.set(minute, count);
    }
    if (party.total === 0) this.parties.delete(c.party.code);
    else this.parties.set(c.party.code, party);
  }

  toStored(): StoredCounters {
    const checkInsByMinute: StoredMinuteCount[] = [...this.checkIns]
      .sort(([a], [b]) => a - b)
      .map(([minute, count]) => ({ minute, count }));
    return {
      total: this.total,
      byState: { ...this.byState },
      byRole: { ...this.byRole },
      byGender: { ...this.byGender },
      headsByGender: { ...this.headsByGender },
      checkedIn: this.checkedIn,
      byParty: [...this.parties.values()].map((p) => ({ ...p, byState: { ...p.byState } })),
      checkInsByMinute,
    };
  }

  toView(eventId: string, timeZone: string): ParticipantSummaryView {
    const byParty = [...this.parties.values()]
      .map((p) => ({
        party: { code: p.code, kind: p.kind, name: p.name },
        total: p.total,
        byState: { ...p.byState },
        checkedIn: p.checkedIn,
      }))
      .sort((a, b) => a.party.name.localeCompare(b.party.name, 'en'));
    const times = [...this.checkIns].map(([minute, count]) => ({ at: new Date(minute * MINUTE), count }));
    return {
      eventId,
      total: this.total,
      byState: { ...this.byState },
      byRole: { ...this.byRole },
      byGender: { ...this.byGender },
      headsByGender: { ...this.headsByGender },
      checkedIn: this.checkedIn,
      checkInsOverTime: checkInTimeline(times, timeZone),
      byParty,
    };
  }
}
