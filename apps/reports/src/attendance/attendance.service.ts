import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Principal } from '@plenary/auth';
import type {
  AttendanceView,
  AttendingDelegationView,
  DelegationState,
  DelegationView,
  ParticipantState,
  ParticipantView,
} from '@plenary/contracts';
import { upsertManyIfNewer } from '@plenary/persistence';
import { Clock } from '@plenary/runtime';
import type { Model } from 'mongoose';
import { EventCopiesService } from '../event-copies/event-copies.service.js';
import { AttendanceErrorCode, AttendanceException } from './attendance.exception.js';
import { AttendingDelegation } from './schemas/attending-delegation.schema.js';
import { AttendingParticipant } from './schemas/attending-participant.schema.js';

const ATTENDING_DELEGATIONS: DelegationState[] = ['registered', 'credentials-received', 'accredited'];
const ATTENDING_PEOPLE: ParticipantState[] = ['pending', 'accredited'];

interface CountGroup {
  _id: { delegationId: string; state: string; checkedIn: boolean };
  count: number;
}

/** Who takes part in a meeting, compiled from the events and participants topics. */
@Injectable()
export class AttendanceService {
  constructor(
    @InjectModel(AttendingDelegation.name) private readonly delegations: Model<AttendingDelegation>,
    @InjectModel(AttendingParticipant.name) private readonly participants: Model<AttendingParticipant>,
    private readonly eventCopies: EventCopiesService,
    private readonly clock: Clock,
  ) {}

  /** Records delegations as the messages describe them, each unless a newer version is already recorded. */
  async recordDelegations(delegations: DelegationView[]): Promise<void> {
    await upsertManyIfNewer(
      this.delegations,
      delegations.map((delegation) => ({
        id: delegation.id,
        version: delegation.version,
        fields: {
          eventId: delegation.eventId,
          party: delegation.party,
          state: delegation.state,
          registeredAt: new Date(delegation.createdAt),
        },
      })),
    );
  }

  /** Records participants as the messages describe them, each unless a newer version is already recorded. */
  async recordParticipants(participants: ParticipantView[]): Promise<void> {
    await upsertManyIfNewer(
      this.participants,
      participants.map((participant) => ({
        id: participant.id,
        version: participant.version,
        fields: {
          eventId: participant.eventId,
          delegationId: participant.delegationId,
          name: participant.name,
          position: participant.position,
          role: participant.role,
          state: participant.state,
          checkedIn: participant.checkedInAt !== undefined,
        },
      })),
    );
  }

  /** Who takes part; `viewer` is the caller of the HTTP API (none when the service compiles it for itself). */
  async attendance(eventId: string, viewer?: Principal): Promise<AttendanceView> {
    const [event, delegations, counts, heads] = await Promise.all([
      this.eventCopies.find(eventId),
      this.delegations
        .find({ eventId, state: { $in: ATTENDING_DELEGATIONS } })
        .lean<AttendingDelegation[]>()
        .exec(),
      this.participants.aggregate<CountGroup>([
        { $match: { eventId, state: { $in: ATTENDING_PEOPLE } } },
        {
          $group: {
            _id: { delegationId: '$delegationId', state: '$state', checkedIn: '$checkedIn' },
            count: { $sum: 1 },
          },
        },
      ]),
      this.participants
        .find({ eventId, role: 'head', state: { $in: ATTENDING_PEOPLE } })
        .lean<AttendingParticipant[]>()
        .exec(),
    ]);
    // A draft meeting is the secretariat's: anyone else asking is told it is unknown, as the
    // events service does, rather than shown its title and dates.
    const hidden = event?.state === 'draft' && viewer !== undefined && viewer.role !== 'secretariat';
    if ((!event && delegations.length === 0) || hidden) {
      throw new AttendanceException(
        AttendanceErrorCode.EVENT_NOT_FOUND,
        `No meeting with id ${eventId} is known to the reports service.`,
      );
    }
    const headOf = new Map(heads.map((h) => [h.delegationId, h]));
    const people = (delegationId: string) => {
      const mine = counts.filter((c) => c._id.delegationId === delegationId);
      const sum = (f: (c: CountGroup) => boolean) => mine.filter(f).reduce((n, c) => n + c.count, 0);
      return {
        participants: sum(() => true),
        accredited: sum((c) => c._id.state === 'accredited'),
        checkedIn: sum((c) => c._id.state === 'accredited' && c._id.checkedIn),
      };
    };
    const attending: AttendingDelegationView[] = delegations
      .sort((a, b) => a.party.name.localeCompare(b.party.name, 'en'))
      .map((d) => {
        const head = headOf.get(d._id);
        return {
          delegationId: d._id,
          party: { code: d.party.code, kind: d.party.kind, name: d.party.name },
          state: d.state,
          registeredAt: d.registeredAt.toISOString(),
          ...(head
            ? { head: { name: head.name, ...(head.position ? { position: head.position } : {}) } }
            : {}),
          people: people(d._id),
        };
      });
    const total = (key: 'participants' | 'accredited' | 'checkedIn') =>
      attending.reduce((n, d) => n + d.people[key], 0);
    return {
      eventId,
      ...(event
        ? {
            event: {
              title: event.title,
              state: event.state,
              startsAt: event.startsAt,
              endsAt: event.endsAt,
              timeZone: event.timeZone,
            },
          }
        : {}),
      delegations: attending,
      totals: {
        delegations: attending.length,
        participants: total('participants'),
        accredited: total('accredited'),
        checkedIn: total('checkedIn'),
      },
      compiledAt: this.clock.now().toISOString(),
    };
  }
}
