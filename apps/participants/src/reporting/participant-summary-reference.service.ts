import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { ParticipantSummaryView } from '@plenary/contracts';
import type { Model } from 'mongoose';
import { EventCopiesService } from '../event-copies/event-copies.service.js';
import { ACTIVE_PARTICIPANT_STATES } from '../participants/participant-lifecycle.js';
import { ParticipantRecord } from '../participants/schemas/participant.schema.js';
import { type CheckInTime, checkInTimeline } from './check-in-timeline.js';

interface Group {
  _id: {
    party: string;
    name: string;
    kind: string;
    state: string;
    role: string;
    gender?: string | null;
    checkedInAt?: Date | null;
  };
  count: number;
}

const add = (counts: Record<string, number>, key: string, n: number) => {
  counts[key] = (counts[key] ?? 0) + n;
};

/**
 * The reference the kept summary (ParticipantSummaryService) is checked against: counts for a
 * meeting computed from the participant records in one grouping ($match, $group on field paths:
 * both MongoDB and FerretDB), beside the meeting's copy for its time zone: two round trips.
 * The check-in time is one of the grouping's keys, so each person checked in is a group of their
 * own (FerretDB's $group takes field paths only: no $cond, $gt or $dateTrunc to bucket in the
 * store); the intervals of the timeline are counted here. It reads the whole meeting (seconds at
 * 100,000 people on the embedded store), so nothing answers requests with it.
 */
@Injectable()
export class ParticipantSummaryReference {
  constructor(
    @InjectModel(ParticipantRecord.name) private readonly participants: Model<ParticipantRecord>,
    private readonly eventCopies: EventCopiesService,
  ) {}

  async summary(eventId: string): Promise<ParticipantSummaryView> {
    const [groups, meeting] = await Promise.all([
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
              checkedInAt: '$checkedInAt',
            },
            count: { $sum: 1 },
          },
        },
      ]),
      this.eventCopies.find(eventId, { parties: false }),
    ]);
    const summary: Omit<ParticipantSummaryView, 'checkInsOverTime'> = {
      eventId,
      total: 0,
      byState: {},
      byRole: {},
      byGender: {},
      headsByGender: {},
      checkedIn: 0,
      byParty: [],
    };
    const checkIns: CheckInTime[] = [];
    const parties = new Map<string, ParticipantSummaryView['byParty'][number]>();
    for (const { _id: key, count } of groups) {
      summary.total += count;
      add(summary.byState, key.state, count);
      const active = (ACTIVE_PARTICIPANT_STATES as readonly string[]).includes(key.state);
      if (active) {
        add(summary.byRole, key.role, count);
        add(summary.byGender, key.gender ?? 'unknown', count);
        if (key.role === 'head') add(summary.headsByGender, key.gender ?? 'unknown', count);
      }
      const party = parties.get(key.party) ?? {
        party: { code: key.party, kind: key.kind as 'state' | 'organization', name: key.name },
        total: 0,
        byState: {},
        checkedIn: 0,
      };
      party.total += count;
      add(party.byState, key.state, count);
      // Present: accredited and checked in (a withdrawn person's check-in no longer counts).
      if (key.state === 'accredited' && key.checkedInAt) {
        summary.checkedIn += count;
        party.checkedIn += count;
        checkIns.push({ at: new Date(key.checkedInAt), count });
      }
      parties.set(key.party, party);
    }
    summary.byParty = [...parties.values()].sort((a, b) => a.party.name.localeCompare(b.party.name, 'en'));
    return { ...summary, checkInsOverTime: checkInTimeline(checkIns, meeting?.timeZone ?? 'UTC') };
  }
}
