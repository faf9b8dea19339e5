import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { AttendanceView, DelegationView } from '@plenary/contracts';
import { upsertIfNewer } from '@plenary/persistence';
import type { Model } from 'mongoose';
import { EventCopiesService } from '../event-copies/event-copies.service.js';
import { AttendanceErrorCode, AttendanceException } from './attendance.exception.js';
import { AttendingDelegation } from './schemas/attending-delegation.schema.js';

@Injectable()
export class AttendanceService {
  constructor(
    @InjectModel(AttendingDelegation.name) private readonly delegations: Model<AttendingDelegation>,
    private readonly eventCopies: EventCopiesService,
  ) {}

  /** Records a delegation as the message describes it, unless a newer version is already recorded. */
  async recordDelegation(delegation: DelegationView): Promise<void> {
    await upsertIfNewer(this.delegations, delegation.id, delegation.version, {
      eventId: delegation.eventId,
      party: delegation.party,
      state: delegation.state,
      registeredAt: new Date(delegation.createdAt),
    });
  }

  async attendance(eventId: string): Promise<AttendanceView> {
    const [event, delegations] = await Promise.all([
      this.eventCopies.find(eventId),
      this.delegations.find({ eventId }).lean<AttendingDelegation[]>().exec(),
    ]);
    if (!event && delegations.length === 0) {
      throw new AttendanceException(
        AttendanceErrorCode.EVENT_NOT_FOUND,
        `No meeting with id ${eventId} is known to the reports service.`,
      );
    }
    const present = delegations
      .filter((d) => d.state !== 'withdrawn' && d.state !== 'cancelled')
      .sort((a, b) => a.party.name.localeCompare(b.party.name, 'en'));
    return {
      eventId,
      ...(event
        ? {
            event: {
              title: event.title,
              state: event.state,
              startsAt: event.startsAt.toISOString(),
              endsAt: event.endsAt.toISOString(),
              timeZone: event.timeZone,
            },
          }
        : {}),
      delegations: present.map((d) => ({
        delegationId: d._id,
        party: { code: d.party.code, kind: d.party.kind, name: d.party.name },
        state: d.state,
        registeredAt: d.registeredAt.toISOString(),
      })),
      totals: { delegations: present.length },
    };
  }
}
