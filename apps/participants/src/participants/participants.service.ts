import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Principal } from '@plenary/auth';
import {
  DEFAULT_PAGE_SIZE,
  type ListParticipantsQuery,
  type ParticipantDetailsView,
  type ParticipantPageView,
  type PublicParticipantView,
  type RegisterParticipantDto,
  type UpdateParticipantDto,
} from '@plenary/contracts';
import { isStoreUnavailableError } from '@plenary/persistence';
import { Clock } from '@plenary/runtime';
import type { Model, QueryFilter } from 'mongoose';
import { v7 as uuidv7 } from 'uuid';
import { BadgeSigner } from '../badges/badge-signer.service.js';
import { assertMayActFor, maySeeDetails, partiesActedFor } from '../access/party-access.js';
import { ACTIVE_DELEGATION_STATES } from '../delegations/delegation-lifecycle.js';
import { DelegationsService } from '../delegations/delegations.service.js';
import { ACTIVE_PARTICIPANT_STATES } from './participant-lifecycle.js';
import { afterCursor, cursorAfter, sortOf } from './participant-list-order.js';
import { emailKeyOf, personName, searchNamesOf, searchWordsOf, sortNameOf } from './participant-names.js';
import { ParticipantPlaces, type PlaceOwner, type Reservation } from './participant-places.service.js';
import { toParticipantDetailsView, toPublicParticipantView } from './participant-view.mapper.js';
import { ParticipantsErrorCode, ParticipantsException } from './participants.exception.js';
import { holdsOf } from './participant-holds.js';
import { type ParticipantChanges, ParticipantWriter } from './participant-writer.service.js';
import { ParticipantRecord, type StoredParticipant, WITHOUT_OUTBOX } from './schemas/participant.schema.js';

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const OPTIONAL_FIELDS = ['honorific', 'position', 'organization', 'gender', 'accessibilityNeeds'] as const;

export const placeOwnerOf = (record: StoredParticipant): PlaceOwner => ({
  participantId: record._id,
  eventId: record.eventId,
  delegationId: record.delegationId,
  partyName: record.party.name,
});

@Injectable()
export class ParticipantsService {
  constructor(
    @InjectModel(ParticipantRecord.name) private readonly participants: Model<ParticipantRecord>,
    private readonly delegations: DelegationsService,
    private readonly places: ParticipantPlaces,
    private readonly writer: ParticipantWriter,
    private readonly clock: Clock,
    private readonly badges: BadgeSigner,
  ) {}

  /**
   * Registers a person in a delegation. Their place is reserved first, under this attempt's hold
   * id (the person at this meeting, a place within the quota, the head role); then the record is
   * stored attending on those holds, with its message, in one write. A refusal gives back what
   * was taken; what an attempt that died before its write took is named by no participant, so
   * the sweeper (seat, head) and the next claim of the person give it back after HOLD_GRACE_MS.
   * `participantId`: the id the caller chose for the person (an import's row), so that a second
   * attempt of the same registration cannot create a second person: its insert fails on the
   * unique id, and while the first is on its way its claim on the person answers
   * CHANGE_IN_PROGRESS.
   */
  async register(
    delegationId: string,
    input: RegisterParticipantDto,
    actor: Principal,
    options: { participantId?: string } = {},
  ): Promise<ParticipantDetailsView> {
    const delegation = await this.delegations.findWithoutSeats(delegationId);
    assertMayActFor(actor, delegation.eventId, delegation.partyCode);
    const event = await this.delegations.event(delegation.eventId, { parties: false });
    this.delegations.assertRegistrationOpen(event, actor);
    if (!ACTIVE_DELEGATION_STATES.includes(delegation.state)) {
      throw new ParticipantsException(
        ParticipantsErrorCode.DELEGATION_INACTIVE,
        `The delegation of ${delegation.party.name} is ${delegation.state}; no one can be registered in it.`,
      );
    }
    const name = personName(input.name);
    const now = this.clock.now();
    const record: StoredParticipant = {
      _id: options.participantId ?? uuidv7(),
      eventId: delegation.eventId,
      delegationId,
      partyCode: delegation.partyCode,
      party: { ...delegation.party },
      name,
      searchNames: searchNamesOf(name),
      sortName: sortNameOf(name),
      ...(input.honorific ? { honorific: input.honorific } : {}),
      ...(input.position ? { position: input.position } : {}),
      ...(input.organization ? { organization: input.organization } : {}),
      role: input.role,
      email: input.email.trim(),
      emailKey: emailKeyOf(input.email),
      ...(input.gender ? { gender: input.gender } : {}),
      ...(input.accessibilityNeeds ? { accessibilityNeeds: input.accessibilityNeeds } : {}),
      state: 'pending',
      confirmed: true,
      version: 1,
      createdAt: now,
      updatedAt: now,
      createdBy: actor.subject,
    };
    const reservation = await this.places.reserve(
      placeOwnerOf(record),
      {
        emailKey: record.emailKey,
        seatWithin: event.registration?.quotaPerDelegation ?? Number.MAX_SAFE_INTEGER,
        head: record.role === 'head',
      },
      actor.role === 'secretariat',
    );
    const registered: StoredParticipant = { ...record, holds: reservation.holds };
    await reservation.assertFresh();
    try {
      await this.writer.insertRegistered(registered);
    } catch (error) {
      if (await this.standsOn(registered, reservation, error))
        return toParticipantDetailsView(registered, this.badges);
      throw error;
    }
    return toParticipantDetailsView(registered, this.badges);
  }

  /**
   * After the registration's write failed: whether it was stored all the same (a lost reply);
   * otherwise gives the reservation back, unless the write may still land (the store did not
   * answer), in which case what it would stand on stays for the write or for the sweeper.
   */
  private async standsOn(
    registered: StoredParticipant,
    reservation: Reservation,
    error: unknown,
  ): Promise<boolean> {
    if (isStoreUnavailableError(error)) return false;
    let stored: Pick<StoredParticipant, 'holds'> | null;
    try {
      stored = await this.participants
        .findById(registered._id, { holds: 1 })
        .lean<Pick<StoredParticipant, 'holds'>>()
        .exec();
    } catch {
      return false; // cannot tell: kept, as above
    }
    if (stored?.holds?.seat === reservation.holdId) return true;
    // Refused by the store (e.g. the chosen id is another attempt's person): nothing stands on ours.
    await reservation.release();
    return false;
  }

  async find(id: string): Promise<StoredParticipant> {
    const record = await this.participants
      .findOne({ _id: id, confirmed: true }, WITHOUT_OUTBOX)
      .lean<StoredParticipant>()
      .exec();
    if (!record) throw ParticipantsException.notFound(id);
    return record;
  }

  async get(id: string, viewer: Principal): Promise<ParticipantDetailsView | PublicParticipantView> {
    const record = await this.find(id);
    if (maySeeDetails(viewer, record.eventId, record.partyCode))
      return toParticipantDetailsView(record, this.badges);
    if (!ACTIVE_PARTICIPANT_STATES.includes(record.state)) throw ParticipantsException.notFound(id);
    return toPublicParticipantView(record);
  }

  /** Changes a participant's details; a new email or the head role are claimed first, the old ones given back after. */
  async update(
    id: string,
    input: UpdateParticipantDto,
    actor: Principal,
    expectedVersion: number,
  ): Promise<ParticipantDetailsView> {
    const record = await this.find(id);
    assertMayActFor(actor, record.eventId, record.partyCode);
    if (expectedVersion !== record.version)
      throw ParticipantsException.stale(expectedVersion, record.version);
    if (!ACTIVE_PARTICIPANT_STATES.includes(record.state)) {
      throw new ParticipantsException(
        ParticipantsErrorCode.PARTICIPANT_INACTIVE,
        `The participant is ${record.state}; reinstate them first.`,
      );
    }
    const sent = input as Record<string, unknown>;
    const changes: ParticipantChanges = {};
    const removed: string[] = [];
    if (input.name) {
      changes.name = personName(input.name);
      changes.searchNames = searchNamesOf(changes.name);
      changes.sortName = sortNameOf(changes.name);
    }
    for (const field of OPTIONAL_FIELDS) {
      if (sent[field] === null) removed.push(field);
      else if (input[field] !== undefined) Object.assign(changes, { [field]: input[field] });
    }
    if (input.role && input.role !== record.role) changes.role = input.role;
    const newEmailKey = input.email ? emailKeyOf(input.email) : record.emailKey;
    if (input.email) changes.email = input.email.trim();
    if (newEmailKey !== record.emailKey) changes.emailKey = newEmailKey;

    // A new email or the head role is reserved by this attempt first, and recorded as the
    // participant's hold in the same write as the change; what the change gives up (the old
    // email, the head role) is given back after, by the hold ids the participant stood on.
    const reservation = await this.places.reserve(
      placeOwnerOf(record),
      { emailKey: changes.emailKey, head: changes.role === 'head' },
      actor.role === 'secretariat',
    );
    const before = holdsOf(record);
    const holds = { ...before, ...reservation.holds };
    const leavesHead = record.role === 'head' && changes.role !== undefined;
    if (leavesHead) delete holds.head;
    if (changes.emailKey !== undefined || changes.role !== undefined) changes.holds = holds;
    let after: StoredParticipant;
    try {
      await reservation.assertFresh();
      after = await this.writer.change(record, changes, 'participant.updated', removed);
    } catch (error) {
      await reservation.release();
      throw error;
    }
    await this.places.releaseHolds(record, [
      ...(changes.emailKey !== undefined ? (['email'] as const) : []),
      ...(leavesHead ? (['head'] as const) : []),
    ]);
    return toParticipantDetailsView(after, this.badges);
  }

  /** A meeting's participants, filtered, in the order asked (by party then name by default); details only where the viewer may see them. */
  async list(eventId: string, query: ListParticipantsQuery, viewer: Principal): Promise<ParticipantPageView> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const filter: QueryFilter<ParticipantRecord> = { eventId, confirmed: true };
    const and: QueryFilter<ParticipantRecord>[] = [];
    if (query.party) filter.partyCode = query.party;
    if (query.role) filter.role = query.role;
    if (query.state) filter.state = query.state;
    if (viewer.role === 'observer') and.push({ state: { $in: ACTIVE_PARTICIPANT_STATES } });
    if (viewer.role === 'coordinator') {
      // Other parties' people as the public sees them: only those who attend.
      and.push({
        $or: [
          { partyCode: { $in: partiesActedFor(viewer, eventId) } },
          { state: { $in: ACTIVE_PARTICIPANT_STATES } },
        ],
      });
    }
    for (const word of query.q ? searchWordsOf(query.q) : [])
      and.push({ searchNames: { $regex: `^${escapeRegex(word)}` } });
    const order = query.sort ?? 'party';
    if (query.cursor) and.push(afterCursor(order, query.cursor));
    if (and.length > 0) filter.$and = and;
    const records = await this.participants
      .find(filter, WITHOUT_OUTBOX)
      .sort(sortOf(order))
      .limit(limit + 1)
      .lean<StoredParticipant[]>()
      .exec();
    const page = records.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map((r) =>
        maySeeDetails(viewer, eventId, r.partyCode)
          ? toParticipantDetailsView(r, this.badges)
          : toPublicParticipantView(r),
      ),
      nextCursor: records.length > limit && last ? cursorAfter(order, last) : null,
    };
  }
}
