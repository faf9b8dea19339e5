import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { ParticipantSummaryView } from '@plenary/contracts';
import type { Model } from 'mongoose';
import { ACTIVE_PARTICIPANT_STATES } from '../participants/participant-lifecycle.js';
import { ParticipantRecord } from '../participants/schemas/participant.schema.js';

interface Group {
  _id: { party: string; name: string; kind: string; state: string; role: string; gender?: string };
  count: number;
}

const add = (counts: Record<string, number>, key: string, n: number) => {
  counts[key] = (counts[key] ?? 0) + n;
};

/** Counts for a meeting, computed by the store in one grouping ($match, $group: both MongoDB and FerretDB). */
@Injectable()
export class ParticipantSummaryService {
  constructor(@InjectModel(ParticipantRecord.name) private readonly participants: Model<ParticipantRecord>) {}

  async summary(eventId: string): Promise<ParticipantSummaryView> {
    const [groups, checkedIn] = await Promise.all([
      this.participants.aggregate<Group>([
        { $match: { eventId, confirmed: true } },
        {
          $group: {
            _id: {
              party: '$partyCode',
              name: '$party.name',
              kind: '$party.kind',
              state: '$state',
              role: '$role',
              gender: '$gender',
            },
            count: { $sum: 1 },
          },
        },
      ]),
      // FerretDB's $group takes field paths only (no $gt, $cond), so check-ins are counted apart.
      this.participants.countDocuments({
        eventId,
        confirmed: true,
        state: 'accredited',
        checkedInAt: { $exists: true },
      }),
    ]);
    const summary: ParticipantSummaryView = {
      eventId,
      total: 0,
      byState: {},
      byRole: {},
      byGender: {},
      checkedIn,
      byParty: [],
    };
    const parties = new Map<string, ParticipantSummaryView['byParty'][number]>();
    for (const { _id: key, count } of groups) {
      summary.total += count;
      add(summary.byState, key.state, count);
      const active = (ACTIVE_PARTICIPANT_STATES as readonly string[]).includes(key.state);
      if (active) {
        add(summary.byRole, key.role, count);
        add(summary.byGender, key.gender ?? 'unknown', count);
      }
      const party = parties.get(key.party) ?? {
        party: { code: key.party, kind: key.kind as 'state' | 'organization', name: key.name },
        total: 0,
        byState: {},
      };
      party.total += count;
      add(party.byState, key.state, count);
      parties.set(key.party, party);
    }
    summary.byParty = [...parties.values()].sort((a, b) => a.party.name.localeCompare(b.party.name, 'en'));
    return summary;
  }
}
