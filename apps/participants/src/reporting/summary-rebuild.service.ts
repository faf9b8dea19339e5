import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Gender } from '@plenary/contracts';
import { Clock } from '@plenary/runtime';
import type { Model } from 'mongoose';
import { ParticipantRecord, type StoredParticipant } from '../participants/schemas/participant.schema.js';
import { ParticipantSummaryWriter } from './participant-summary-writer.service.js';
import { SummaryContributionWriter } from './summary-contribution-writer.service.js';
import type { StoredContribution } from './summary-contribution.js';
import { SummaryCounters } from './summary-counters.js';

const MAX_ATTEMPTS = 20;

type ContributingFields = Pick<
  StoredParticipant,
  '_id' | 'eventId' | 'version' | 'party' | 'state' | 'role' | 'gender' | 'checkedInAt'
>;

const contributionOfRecord = (r: ContributingFields): StoredContribution => ({
  id: r._id,
  eventId: r.eventId,
  version: r.version,
  party: { code: r.party.code, kind: r.party.kind, name: r.party.name },
  state: r.state,
  role: r.role,
  ...(r.gender ? { gender: r.gender as Gender } : {}),
  ...(r.checkedInAt ? { checkedInAt: new Date(r.checkedInAt) } : {}),
});

/**
 * Recomputes a meeting's summary from the participant records (for a summary that fell out of
 * step, e.g. records changed in the store by hand), while messages keep being applied:
 * 1. every confirmed record's contribution is written at the record's version, unless the
 *    stored one is newer (a message applied meanwhile);
 * 2. the summary is then recomputed as the sum of the meeting's stored contributions and
 *    written with the same revision guard as SummaryProjection's, so a message applied between
 *    the read and the write makes it start step 2 again. After it, summary and contributions
 *    agree again, and later messages apply their deltas to both.
 * Between 1 and 2 a message may apply a delta from a rewritten contribution to the old summary;
 * step 2 overwrites that summary with the sum.
 */
@Injectable()
export class SummaryRebuild {
  constructor(
    @InjectModel(ParticipantRecord.name) private readonly participants: Model<ParticipantRecord>,
    private readonly summaries: ParticipantSummaryWriter,
    private readonly contributions: SummaryContributionWriter,
    private readonly clock: Clock,
  ) {}

  /** Returns how many participants the summary now counts. */
  async rebuild(eventId: string): Promise<number> {
    const records = await this.participants
      .find(
        { eventId, confirmed: true },
        { eventId: 1, version: 1, party: 1, state: 1, role: 1, gender: 1, checkedInAt: 1 },
      )
      .lean<ContributingFields[]>()
      .exec();
    await this.contributions.writeUnlessNewer(records.map(contributionOfRecord), { orEqual: true });

    for (let attempt = 1; ; attempt++) {
      const summary = await this.summaries.find(eventId);
      const stored = new Map((await this.contributions.ofMeeting(eventId)).map((c) => [c.id, c]));
      const unfinished = (summary?.lastChanges ?? []).filter(
        (c) => (stored.get(c.id)?.version ?? 0) < c.version,
      );
      for (const c of unfinished) stored.set(c.id, c);
      const counters = new SummaryCounters();
      for (const c of stored.values()) counters.add(c);
      const now = this.clock.now();
      const written = await this.summaries.write(eventId, summary?.revision ?? 0, {
        ...counters.toStored(),
        lastChanges: unfinished,
        asOf: now,
        rebuiltAt: now,
      });
      if (written) {
        await this.contributions.writeUnlessNewer(unfinished);
        await this.summaries.settle(eventId, (summary?.revision ?? 0) + 1);
        return stored.size;
      }
      if (attempt >= MAX_ATTEMPTS)
        throw new Error(`the summary of meeting ${eventId} changed under ${attempt} attempts in a row`);
    }
  }
}
