import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Principal } from '@plenary/auth';
import type {
  CredentialsReceivedDto,
  DelegationDetailsView,
  DelegationView,
  EventView,
  RegisterDelegationDto,
  UpdateDelegationDto,
} from '@plenary/contracts';
import { isDuplicateKeyError } from '@plenary/persistence';
import { Clock } from '@plenary/runtime';
import type { Model } from 'mongoose';
import { v7 as uuidv7 } from 'uuid';
import { assertMayActFor, maySeeDetails } from '../access/party-access.js';
import { EventCopiesService } from '../event-copies/event-copies.service.js';
import { atVenue, registrationRefusal } from '../event-copies/registration-window.js';
import type { EventCopy } from '../event-copies/schemas/event-copy.schema.js';
import {
  ACTIVE_DELEGATION_STATES,
  type DelegationAction,
  nextDelegationState,
} from './delegation-lifecycle.js';
import { toDelegationDetailsView, toDelegationView } from './delegation-view.mapper.js';
import {
  type DelegationChanges,
  type DelegationMessageType,
  DelegationWriter,
} from './delegation-writer.service.js';
import { DelegationsErrorCode, DelegationsException } from './delegations.exception.js';
import { DelegationRecord, type StoredDelegation, WITHOUT_OUTBOX } from './schemas/delegation.schema.js';

type Changes = DelegationChanges;

@Injectable()
export class DelegationsService {
  constructor(
    @InjectModel(DelegationRecord.name) private readonly delegations: Model<DelegationRecord>,
    private readonly eventCopies: EventCopiesService,
    private readonly writer: DelegationWriter,
    private readonly clock: Clock,
  ) {}

  /** The meeting as this service knows it, or 404. */
  async event(eventId: string, options?: { parties?: boolean }): Promise<EventCopy> {
    const event = await this.eventCopies.find(eventId, options);
    if (!event) throw DelegationsException.unknownEvent(eventId);
    return event;
  }

  /** Registration is open (for this actor), or a 409 that says why not. */
  assertRegistrationOpen(event: EventCopy, actor: Principal): void {
    const refusal = registrationRefusal(event, actor, this.clock.now());
    if (refusal) throw new DelegationsException(DelegationsErrorCode[refusal.code], refusal.message);
  }

  async register(
    eventId: string,
    input: RegisterDelegationDto,
    actor: Principal,
  ): Promise<DelegationDetailsView> {
    assertMayActFor(actor, eventId, input.party);
    const event = await this.event(eventId);
    this.assertRegistrationOpen(event, actor);
    const party = event.parties.find((p) => p.code === input.party);
    if (!party) {
      throw new DelegationsException(
        DelegationsErrorCode.PARTY_NOT_INVITED,
        `${input.party} is not among the parties invited to "${event.title}".`,
      );
    }
    const now = this.clock.now();
    const record: StoredDelegation = {
      _id: uuidv7(),
      eventId,
      partyCode: party.code,
      party: { code: party.code, kind: party.kind, name: party.name },
      state: 'registered',
      coordinator: { name: input.coordinator.name, email: input.coordinator.email },
      ...(input.credentialsReference ? { credentialsReference: input.credentialsReference } : {}),
      seats: [],
      version: 1,
      createdAt: now,
      updatedAt: now,
      createdBy: actor.subject,
    };
    try {
      await this.writer.insert(record);
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
    return toDelegationDetailsView(record, event.registration?.quotaPerDelegation ?? 0);
  }

  async find(id: string): Promise<StoredDelegation> {
    const record = await this.delegations.findById(id, WITHOUT_OUTBOX).lean<StoredDelegation>().exec();
    if (!record) throw DelegationsException.notFound(id);
    return record;
  }

  /**
   * A delegation without its seats (an entry per person attending, up to the quota): for a
   * registration, which needs whose it is and its state, not the places it takes by its own
   * conditional write.
   */
  async findWithoutSeats(id: string): Promise<Omit<StoredDelegation, 'seats'>> {
    const record = await this.delegations
      .findById(id, { ...WITHOUT_OUTBOX, seats: 0 })
      .lean<Omit<StoredDelegation, 'seats'>>()
      .exec();
    if (!record) throw DelegationsException.notFound(id);
    return record;
  }

  async get(id: string, viewer: Principal): Promise<DelegationView | DelegationDetailsView> {
    const record = await this.find(id);
    if (!maySeeDetails(viewer, record.eventId, record.partyCode)) return toDelegationView(record);
    return toDelegationDetailsView(record, await this.quotaOf(record.eventId));
  }

  /** The meeting's delegations; contact details and seats for the secretariat and each delegation's own coordinator. */
  async list(eventId: string, viewer: Principal): Promise<Array<DelegationView | DelegationDetailsView>> {
    const [records, quota] = await Promise.all([
      this.delegations
        .find({ eventId }, WITHOUT_OUTBOX)
        .sort({ partyCode: 1 })
        .lean<StoredDelegation[]>()
        .exec(),
      this.quotaOf(eventId),
    ]);
    return records.map((r) =>
      maySeeDetails(viewer, eventId, r.partyCode) ? toDelegationDetailsView(r, quota) : toDelegationView(r),
    );
  }

  async update(
    id: string,
    input: UpdateDelegationDto,
    actor: Principal,
    expectedVersion: number,
  ): Promise<DelegationDetailsView> {
    const record = await this.find(id);
    assertMayActFor(actor, record.eventId, record.partyCode);
    if (!ACTIVE_DELEGATION_STATES.includes(record.state)) {
      throw new DelegationsException(
        DelegationsErrorCode.DELEGATION_INACTIVE,
        `The delegation is ${record.state}; it no longer changes.`,
      );
    }
    const changes: Changes = {};
    if (input.coordinator) changes.coordinator = { ...input.coordinator };
    if (input.credentialsReference) changes.credentialsReference = input.credentialsReference;
    return this.details(await this.change(record, changes, 'delegation.updated', expectedVersion));
  }

  /** The secretariat: the note verbale or credentials letter has arrived. */
  async receiveCredentials(
    id: string,
    input: CredentialsReceivedDto,
    expectedVersion?: number,
  ): Promise<DelegationDetailsView> {
    const record = await this.find(id);
    const changes: Changes = { state: nextDelegationState(record.state, 'receive-credentials') };
    if (input.reference) changes.credentialsReference = input.reference;
    return this.details(await this.change(record, changes, 'delegation.updated', expectedVersion));
  }

  async accredit(id: string, expectedVersion?: number): Promise<DelegationDetailsView> {
    return this.transition(id, 'accredit', 'delegation.updated', expectedVersion);
  }

  /** The coordinator or the secretariat withdraws the delegation; its people are withdrawn by the caller. */
  async withdraw(
    id: string,
    actor: Principal,
    reason: string | undefined,
    expectedVersion?: number,
  ): Promise<StoredDelegation> {
    const record = await this.find(id);
    assertMayActFor(actor, record.eventId, record.partyCode);
    const changes: Changes = {
      state: nextDelegationState(record.state, 'withdraw'),
      ...(reason ? { withdrawalReason: reason } : {}),
    };
    return this.change(record, changes, 'delegation.withdrawn', expectedVersion);
  }

  /**
   * What a cancelled or postponed meeting means for its delegations, each told in its own
   * message: cancelled ones are cancelled, postponed ones stay registered with a notice.
   * Safe to run again for the same message: delegations already in that state are left alone.
   */
  async reactToMeeting(event: EventView, type: 'event.cancelled' | 'event.postponed'): Promise<void> {
    const active = await this.delegations
      .find({ eventId: event.id, state: { $in: ACTIVE_DELEGATION_STATES } }, WITHOUT_OUTBOX)
      .lean<StoredDelegation[]>()
      .exec();
    for (const record of active) {
      const changes: Changes =
        type === 'event.cancelled'
          ? {
              state: nextDelegationState(record.state, 'cancel'),
              notice: `The meeting was cancelled${event.stateReason ? `: ${event.stateReason}` : '.'}`,
            }
          : {
              notice: `The meeting was postponed to ${atVenue(new Date(event.startsAt), event.timeZone)}; this delegation stays registered.`,
            };
      if (changes.notice === record.notice && !changes.state) continue;
      await this.writer.changeRetrying(record._id, changes, 'delegation.updated');
    }
  }

  private async transition(
    id: string,
    action: DelegationAction,
    type: DelegationMessageType,
    expectedVersion?: number,
  ) {
    const record = await this.find(id);
    return this.details(
      await this.change(record, { state: nextDelegationState(record.state, action) }, type, expectedVersion),
    );
  }

  private async details(record: StoredDelegation): Promise<DelegationDetailsView> {
    return toDelegationDetailsView(record, await this.quotaOf(record.eventId));
  }

  private async quotaOf(eventId: string): Promise<number> {
    return (await this.eventCopies.find(eventId))?.registration?.quotaPerDelegation ?? 0;
  }

  private change(
    record: StoredDelegation,
    changes: Changes,
    type: DelegationMessageType,
    expectedVersion?: number,
  ): Promise<StoredDelegation> {
    return this.writer.change(record, changes, type, expectedVersion);
  }
}
