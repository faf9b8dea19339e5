import { Injectable } from '@nestjs/common';
import type { ParticipantView } from '@plenary/contracts';
import { ParticipantGenders } from './participant-genders.service.js';
import { ParticipantSummaryWriter } from './participant-summary-writer.service.js';
import { SummaryContributionWriter } from './summary-contribution-writer.service.js';
import { contributionOfView, type StoredContribution } from './summary-contribution.js';
import { SummaryCounters } from './summary-counters.js';

/** What the projection needs of a participant message: the participant's whole view at a version, and when. */
export interface ParticipantChange {
  time: string;
  data: { participant: ParticipantView };
}

/** A guarded write lost this often in a row means something else is wrong: fail, and let the consumer retry. */
const MAX_ATTEMPTS = 20;

/** Of contributions about the same participant, the newest. */
const newestById = (contributions: Iterable<StoredContribution>): Map<string, StoredContribution> => {
  const newest = new Map<string, StoredContribution>();
  for (const c of contributions) {
    const known = newest.get(c.id);
    if (!known || known.version < c.version) newest.set(c.id, c);
  }
  return newest;
};

/**
 * Keeps each meeting's participant summary (participant_summaries) up to date from the
 * participant messages, exactly, under redelivery, out-of-order versions, gaps, crashes and two
 * consumers briefly applying the same meeting (a rebalance).
 *
 * Each participant's contribution (party, state, role, gender, check-in) is kept at the version
 * it was taken from (summary_contributions). A message newer than the stored contribution is
 * applied as a delta, old contribution out and new one in; one at that version or older changes
 * nothing (a redelivery, or a message overtaken by a later one); a gap needs nothing, as each
 * message carries the participant's whole view.
 *
 * apply() takes a list of messages: per meeting, it reads the summary, then in one $in the
 * contributions of every participant named (and of the summary's lastChanges), applies all
 * deltas in memory and writes the summary once, guarded by its revision, then writes the
 * changed contributions in one bulk write. Invariant: the summary at revision r equals the sum
 * of the stored contributions, where those named in its lastChanges count as the lastChanges
 * entry if that is newer. Where it can stop:
 * - before the summary write: nothing was written; the redelivery does it all again.
 * - after the summary write, before or during the contribution write: the summary lists the
 *   contributions it applied in lastChanges. The next apply for the meeting (the redelivery or
 *   any other message) takes those entries as the contributions, so the redelivered message
 *   finds its version already there and applies no second delta; the entries not yet stored
 *   are written by that apply (carried into its own lastChanges when it writes the summary).
 * - after the contribution write, before the message is committed: the redelivery finds the
 *   contribution at its version and changes nothing.
 * - after the contribution write, the summary's lastChanges are emptied at the revision that
 *   wrote them (settle): they are all stored by then, so an apply that read them before finds
 *   them stored, one that reads after needs none of them.
 * - two consumers at once: both compute from revision r, one write wins; the other's guard
 *   fails, and it reads everything again and recomputes from r + 1. Contribution writes never
 *   move a contribution to an older version, so a late one from the winner changes nothing.
 * The gender is not on the topic: it is read from the participant's record when the change is
 * applied (at the message's version or later; a later change of it brings its own message).
 */
@Injectable()
export class SummaryProjection {
  constructor(
    private readonly summaries: ParticipantSummaryWriter,
    private readonly contributions: SummaryContributionWriter,
    private readonly genders: ParticipantGenders,
  ) {}

  async apply(messages: readonly ParticipantChange[]): Promise<void> {
    const byMeeting = new Map<string, ParticipantChange[]>();
    for (const message of messages) {
      const eventId = message.data.participant.eventId;
      byMeeting.set(eventId, [...(byMeeting.get(eventId) ?? []), message]);
    }
    for (const [eventId, changes] of byMeeting) await this.applyToMeeting(eventId, changes);
  }

  private async applyToMeeting(eventId: string, messages: readonly ParticipantChange[]): Promise<void> {
    // Of several messages about one participant, only the newest counts.
    const newest = new Map<string, ParticipantChange>();
    for (const m of messages) {
      const known = newest.get(m.data.participant.id);
      if (!known || known.data.participant.version < m.data.participant.version)
        newest.set(m.data.participant.id, m);
    }
    for (let attempt = 1; ; attempt++) {
      const summary = await this.summaries.find(eventId);
      const lastChanges = summary?.lastChanges ?? [];
      const stored = newestById(
        await this.contributions.ofParticipants([
          ...new Set([...newest.keys(), ...lastChanges.map((c) => c.id)]),
        ]),
      );
      // What the summary's last write applied but may not have stored yet (see the crash points).
      const unfinished = lastChanges.filter((c) => (stored.get(c.id)?.version ?? 0) < c.version);
      const current = newestById([...stored.values(), ...unfinished]);

      const newer = [...newest.values()].filter(
        (m) => (current.get(m.data.participant.id)?.version ?? 0) < m.data.participant.version,
      );
      if (newer.length === 0) {
        await this.contributions.writeUnlessNewer(unfinished);
        return;
      }
      const genders = await this.genders.of(newer.map((m) => m.data.participant.id));
      const counters = SummaryCounters.from(summary);
      let asOf = summary?.asOf ? new Date(summary.asOf) : undefined;
      const changes: StoredContribution[] = [];
      for (const m of newer) {
        const view = m.data.participant;
        const next = contributionOfView(view, genders.get(view.id));
        const previous = current.get(view.id);
        if (previous) counters.remove(previous);
        counters.add(next);
        changes.push(next);
        const time = new Date(m.time);
        if (!asOf || time > asOf) asOf = time;
      }
      const changed = new Set(changes.map((c) => c.id));
      const toStore = [...unfinished.filter((c) => !changed.has(c.id)), ...changes];
      const written = await this.summaries.write(eventId, summary?.revision ?? 0, {
        ...counters.toStored(),
        lastChanges: toStore,
        ...(asOf ? { asOf } : {}),
      });
      if (written) {
        await this.contributions.writeUnlessNewer(toStore);
        if (toStore.length > 0) await this.summaries.settle(eventId, (summary?.revision ?? 0) + 1);
        return;
      }
      if (attempt >= MAX_ATTEMPTS)
        throw new Error(`the summary of meeting ${eventId} changed under ${attempt} attempts in a row`);
    }
  }
}
