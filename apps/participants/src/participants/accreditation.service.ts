import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Principal } from '@plenary/auth';
import type { ParticipantDetailsView } from '@plenary/contracts';
import { retryWhenStale } from '@plenary/persistence';
import { Clock } from '@plenary/runtime';
import type { Model } from 'mongoose';
import { BadgeSigner } from '../badges/badge-signer.service.js';
import { assertMayActFor } from '../access/party-access.js';
import { ACTIVE_DELEGATION_STATES } from '../delegations/delegation-lifecycle.js';
import { DelegationsService } from '../delegations/delegations.service.js';
import { ACTIVE_PARTICIPANT_STATES, nextParticipantState } from './participant-lifecycle.js';
import { ParticipantPlaces } from './participant-places.service.js';
import { toParticipantDetailsView } from './participant-view.mapper.js';
import { ParticipantsErrorCode, ParticipantsException } from './participants.exception.js';
import { ParticipantWriter } from './participant-writer.service.js';
import { ParticipantsService, placeOwnerOf } from './participants.service.js';
import { BadgeCounter } from './schemas/badge-counter.schema.js';
import { ParticipantRecord, type StoredParticipant, WITHOUT_OUTBOX } from './schemas/participant.schema.js';

const isStale = (error: unknown) =>
  error instanceof ParticipantsException && error.code === ParticipantsErrorCode.VERSION_MISMATCH;

const assertVersion = (record: StoredParticipant, expected?: number) => {
  if (expected !== undefined && expected !== record.version)
    throw ParticipantsException.stale(expected, record.version);
};

/** Accreditation by the secretariat, withdrawal and reinstatement, check-in on the day. */
@Injectable()
export class AccreditationService {
  constructor(
    @InjectModel(ParticipantRecord.name) private readonly records: Model<ParticipantRecord>,
    @InjectModel(BadgeCounter.name) private readonly badges: Model<BadgeCounter>,
    private readonly participants: ParticipantsService,
    private readonly delegations: DelegationsService,
    private readonly places: ParticipantPlaces,
    private readonly writer: ParticipantWriter,
    private readonly clock: Clock,
    private readonly badgeCodes: BadgeSigner,
  ) {}

  /** pending → accredited, with a badge number unique within the meeting (kept if they had one). */
  async accredit(id: string, expectedVersion?: number): Promise<ParticipantDetailsView> {
    const record = await this.participants.find(id);
    assertVersion(record, expectedVersion);
    const state = nextParticipantState(record.state, 'accredit');
    const delegation = await this.delegations.find(record.delegationId);
    if (!ACTIVE_DELEGATION_STATES.includes(delegation.state)) {
      throw new ParticipantsException(
        ParticipantsErrorCode.DELEGATION_INACTIVE,
        `The delegation of ${delegation.party.name} is ${delegation.state}; its people cannot be accredited.`,
      );
    }
    const badgeNumber = record.badgeNumber ?? (await this.nextBadge(record.eventId));
    return toParticipantDetailsView(
      await this.writer.change(record, { state, badgeNumber }, 'participant.accredited', ['rejectionReason']),
      this.badgeCodes,
    );
  }

  async reject(id: string, reason: string, expectedVersion?: number): Promise<ParticipantDetailsView> {
    const record = await this.participants.find(id);
    assertVersion(record, expectedVersion);
    const state = nextParticipantState(record.state, 'reject');
    // The write that ends their attendance also drops their holds; only then is what they
    // stood on given back, so a concurrent attempt that lost never gives back anything.
    const after = await this.writer.change(
      record,
      { state, rejectionReason: reason, holds: {} },
      'participant.rejected',
    );
    await this.places.releaseHolds(record);
    return toParticipantDetailsView(after, this.badgeCodes);
  }

  async withdraw(id: string, actor: Principal, expectedVersion?: number): Promise<ParticipantDetailsView> {
    const record = await this.participants.find(id);
    assertMayActFor(actor, record.eventId, record.partyCode);
    assertVersion(record, expectedVersion);
    return toParticipantDetailsView(await this.withdrawRecord(record), this.badgeCodes);
  }

  /** withdrawn or rejected → pending, taking a place again (409 if the quota is full or the person is elsewhere). */
  async reinstate(id: string, actor: Principal, expectedVersion?: number): Promise<ParticipantDetailsView> {
    const record = await this.participants.find(id);
    assertMayActFor(actor, record.eventId, record.partyCode);
    assertVersion(record, expectedVersion);
    const state = nextParticipantState(record.state, 'reinstate');
    if (record.state === 'rejected' && actor.role !== 'secretariat') {
      throw new ParticipantsException(
        ParticipantsErrorCode.INVALID_TRANSITION,
        'Only the secretariat reinstates a participant it rejected.',
      );
    }
    const event = await this.delegations.event(record.eventId);
    this.delegations.assertRegistrationOpen(event, actor);
    const reservation = await this.places.reserve(
      placeOwnerOf(record),
      {
        emailKey: record.emailKey,
        seatWithin: event.registration?.quotaPerDelegation ?? Number.MAX_SAFE_INTEGER,
        head: record.role === 'head',
      },
      actor.role === 'secretariat',
    );
    try {
      await reservation.assertFresh();
      return toParticipantDetailsView(
        await this.writer.change(record, { state, holds: reservation.holds }, 'participant.updated', [
          'rejectionReason',
        ]),
        this.badgeCodes,
      );
    } catch (error) {
      await reservation.release(); // only this attempt's: a winner's reservations stay
      throw error;
    }
  }

  /** On the day: only accredited people; a second check-in changes nothing and answers the first time. */
  async checkIn(id: string): Promise<ParticipantDetailsView> {
    const { participant } = await this.checkInRecord(await this.participants.find(id));
    return toParticipantDetailsView(participant, this.badgeCodes);
  }

  /**
   * Checks a participant in, once: an accredited person gets checkedInAt and one
   * participant.checked-in message; someone already checked in is answered as they are, with
   * alreadyCheckedIn, and nothing is written or published.
   */
  async checkInRecord(
    record: StoredParticipant,
  ): Promise<{ participant: StoredParticipant; alreadyCheckedIn: boolean }> {
    return retryWhenStale(async (attempt) => {
      const current = attempt === 1 ? record : await this.participants.find(record._id);
      if (current.checkedInAt) return { participant: current, alreadyCheckedIn: true };
      if (current.state !== 'accredited') {
        throw new ParticipantsException(
          ParticipantsErrorCode.NOT_ACCREDITED,
          `Only accredited participants check in; this one is ${current.state}.`,
        );
      }
      const participant = await this.writer.change(
        current,
        { checkedInAt: this.clock.now() },
        'participant.checked-in',
      );
      return { participant, alreadyCheckedIn: false };
    }, isStale);
  }

  /** Everyone still attending in a withdrawn delegation is withdrawn too; safe to run again. */
  async withdrawAllOf(delegationId: string): Promise<number> {
    const active = await this.records
      .find({ delegationId, confirmed: true, state: { $in: ACTIVE_PARTICIPANT_STATES } }, WITHOUT_OUTBOX)
      .lean<StoredParticipant[]>()
      .exec();
    for (const record of active) {
      await retryWhenStale(
        async (attempt) => {
          const current = attempt === 1 ? record : await this.participants.find(record._id);
          // Withdrawn or rejected meanwhile: nothing left to do for them.
          if (!ACTIVE_PARTICIPANT_STATES.includes(current.state)) return;
          await this.withdrawRecord(current);
        },
        isStale,
        5,
      );
    }
    return active.length;
  }

  private async withdrawRecord(record: StoredParticipant): Promise<StoredParticipant> {
    const state = nextParticipantState(record.state, 'withdraw');
    const after = await this.writer.change(record, { state, holds: {} }, 'participant.withdrawn');
    await this.places.releaseHolds(record);
    return after;
  }

  private async nextBadge(eventId: string): Promise<string> {
    const counter = await this.badges
      .findOneAndUpdate({ _id: eventId }, { $inc: { last: 1 } }, { upsert: true, returnDocument: 'after' })
      .lean<BadgeCounter>()
      .exec();
    return String(counter!.last).padStart(4, '0');
  }
}
