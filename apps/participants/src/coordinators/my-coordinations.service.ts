import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Principal } from '@plenary/auth';
import type { CoordinatedMeetingView, CoordinationView, MyCoordinationsView } from '@plenary/contracts';
import type { Model } from 'mongoose';
import { designationsApply } from '../access/party-access.js';
import { DelegationRecord } from '../delegations/schemas/delegation.schema.js';
import { EventCopiesService } from '../event-copies/event-copies.service.js';
import type { EventCopy } from '../event-copies/schemas/event-copy.schema.js';
import { CoordinatorDesignationsService } from './coordinator-designations.service.js';
import { toDesignationView } from './designation-view.mapper.js';

const meetingOf = (event: EventCopy): CoordinatedMeetingView => ({
  id: event._id,
  title: event.title,
  startsAt: event.startsAt.toISOString(),
  endsAt: event.endsAt.toISOString(),
  timeZone: event.timeZone,
  state: event.state,
  ...(event.registration
    ? {
        registration: {
          opensAt: event.registration.opensAt.toISOString(),
          closesAt: event.registration.closesAt.toISOString(),
          quotaPerDelegation: event.registration.quotaPerDelegation,
        },
      }
    : {}),
});

/**
 * "My meetings" for a signed-in person: the parties their verified email coordinates, each with
 * the meeting as this service's own copy knows it (no call to the events service) and the
 * party's delegation once registered.
 */
@Injectable()
export class MyCoordinationsService {
  constructor(
    @InjectModel(DelegationRecord.name) private readonly delegations: Model<DelegationRecord>,
    private readonly designations: CoordinatorDesignationsService,
    private readonly eventCopies: EventCopiesService,
  ) {}

  async of(principal: Principal): Promise<MyCoordinationsView> {
    const emailVerified = principal.emailVerified === true && Boolean(principal.email);
    if (!principal.email) {
      return {
        items: [],
        emailVerified: false,
        notice:
          'Your sign-in carries no email address, so no coordinator designation can apply to it. Ask your identity provider to release your email.',
      };
    }
    if (!emailVerified) {
      return {
        items: [],
        emailVerified: false,
        notice: `Your identity provider has not verified your email address (${principal.email}); designations as a coordinator apply once it has. Verify it, then sign in again.`,
      };
    }
    // Designations count for coordinators only (party-access.ts): say so rather than list what does not apply.
    if (!designationsApply(principal)) {
      return {
        items: [],
        emailVerified: true,
        notice: `You are signed in as ${principal.role}; coordinator designations apply to coordinators' sign-ins only.`,
      };
    }
    const records = await this.designations.activeOf(principal.email);
    const eventIds = [...new Set(records.map((r) => r.eventId))];
    const [events, delegations] = await Promise.all([
      // With the invited parties, for their names (a person coordinates at a few meetings).
      Promise.all(eventIds.map((id) => this.eventCopies.find(id))),
      records.length === 0
        ? []
        : this.delegations
            .find(
              { eventId: { $in: eventIds }, partyCode: { $in: [...new Set(records.map((r) => r.party))] } },
              { _id: 1, eventId: 1, partyCode: 1 },
            )
            .lean<Array<Pick<DelegationRecord, '_id' | 'eventId' | 'partyCode'>>>()
            .exec(),
    ]);
    const eventById = new Map(events.flatMap((e) => (e ? [[e._id, e] as const] : [])));
    const delegationOf = new Map(delegations.map((d) => [`${d.eventId}|${d.partyCode}`, d._id]));
    const items: CoordinationView[] = records.flatMap((record) => {
      const event = eventById.get(record.eventId);
      // A meeting deleted since (a draft) leaves nothing to coordinate.
      if (!event) return [];
      const delegationId = delegationOf.get(`${record.eventId}|${record.party}`);
      const partyName = event.parties.find((p) => p.code === record.party)?.name;
      return [
        {
          ...toDesignationView(record),
          ...(partyName ? { partyName } : {}),
          event: meetingOf(event),
          ...(delegationId ? { delegationId } : {}),
        },
      ];
    });
    items.sort((a, b) => a.event.startsAt.localeCompare(b.event.startsAt) || a.party.localeCompare(b.party));
    return { items, emailVerified: true };
  }
}
