import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { mayActForParty, type Principal } from '@plenary/auth';
import type { DelegationDetailsView, DelegationView, RegisterDelegationDto } from '@plenary/contracts';
import { OutboxService } from '@plenary/messaging';
import { isDuplicateKeyError } from '@plenary/persistence';
import type { Model } from 'mongoose';
import { v7 as uuidv7 } from 'uuid';
import { EventCopiesService } from '../event-copies/event-copies.service.js';
import { toDelegationDetailsView, toDelegationView } from './delegation-view.mapper.js';
import { DelegationsErrorCode, DelegationsException } from './delegations.exception.js';
import { DelegationRecord } from './schemas/delegation.schema.js';

@Injectable()
export class DelegationsService {
  constructor(
    @InjectModel(DelegationRecord.name) private readonly delegations: Model<DelegationRecord>,
    private readonly eventCopies: EventCopiesService,
    private readonly outbox: OutboxService,
  ) {}

  async register(
    eventId: string,
    input: RegisterDelegationDto,
    actor: Principal,
  ): Promise<DelegationDetailsView> {
    if (!mayActForParty(actor, eventId, input.party)) {
      throw new DelegationsException(
        DelegationsErrorCode.NOT_YOUR_DELEGATION,
        `This token may register only ${actor.party ?? 'its own party'}'s delegation to meeting ${actor.eventId ?? '(none)'}.`,
      );
    }
    const event = await this.eventCopies.find(eventId);
    if (!event) {
      throw new DelegationsException(
        DelegationsErrorCode.EVENT_NOT_FOUND,
        `No meeting with id ${eventId} is known to the participants service. A meeting created moments ago may take a second to arrive.`,
      );
    }
    const party = event.parties.find((p) => p.code === input.party);
    if (!party) {
      throw new DelegationsException(
        DelegationsErrorCode.PARTY_NOT_INVITED,
        `${input.party} is not among the parties invited to "${event.title}".`,
      );
    }

    const id = uuidv7();
    const now = new Date();
    const record = {
      _id: id,
      eventId,
      partyCode: party.code,
      party: { code: party.code, kind: party.kind, name: party.name },
      state: 'registered' as const,
      coordinator: { name: input.coordinator.name, email: input.coordinator.email },
      ...(input.credentialsReference ? { credentialsReference: input.credentialsReference } : {}),
      version: 1,
      createdAt: now,
      updatedAt: now,
      createdBy: actor.subject,
    };
    const message = this.outbox.message('delegation.registered', {
      key: eventId,
      subject: `delegations/${id}`,
      data: { delegation: toDelegationView(record) },
    });
    try {
      await this.delegations.create({ ...record, ...this.outbox.forNewDocument([message]) });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const existing = await this.delegations
        .findOne({ eventId, partyCode: party.code }, { _id: 1 })
        .lean()
        .exec();
      throw new DelegationsException(
        DelegationsErrorCode.DELEGATION_EXISTS,
        `${party.name} already has a delegation to this meeting${existing ? ` (${existing._id})` : ''}.`,
      );
    }
    this.outbox.written();
    return toDelegationDetailsView(record);
  }

  /** The meeting's delegations; contact details only for the secretariat and each delegation's own coordinator. */
  async list(eventId: string, viewer: Principal): Promise<Array<DelegationView | DelegationDetailsView>> {
    const records = await this.delegations
      .find({ eventId }, { outbox: 0 })
      .sort({ partyCode: 1 })
      .lean<DelegationRecord[]>()
      .exec();
    return records.map((r) =>
      mayActForParty(viewer, eventId, r.partyCode) && viewer.role !== 'observer'
        ? toDelegationDetailsView(r)
        : toDelegationView(r),
    );
  }
}
