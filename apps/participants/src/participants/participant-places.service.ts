import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Clock } from '@plenary/runtime';
import type { Model } from 'mongoose';
import { v7 as uuidv7 } from 'uuid';
import { DelegationWriter } from '../delegations/delegation-writer.service.js';
import { ACTIVE_PARTICIPANT_STATES } from './participant-lifecycle.js';
import { HOLD_GRACE_MS, holdTakenAt, holdsOf } from './participant-holds.js';
import { ParticipantsErrorCode, ParticipantsException } from './participants.exception.js';
import { PersonClaims } from './person-claims.service.js';
import type { PersonClaim } from './schemas/person-claim.schema.js';
import {
  type ParticipantHolds,
  ParticipantRecord,
  type StoredParticipant,
} from './schemas/participant.schema.js';

/** Whose places: a participant of a delegation at a meeting. */
export interface PlaceOwner {
  participantId: string;
  eventId: string;
  delegationId: string;
  partyName: string;
}

/** A reservation as it is stored: whose, of what, by which attempt (and, for a claim, of which email). */
export interface HeldPlace {
  participantId: string;
  kind: keyof ParticipantHolds;
  holdId: string;
  emailKey?: string;
}

/** What an attempt needs to reserve: a seat within the quota, the person's email at this meeting, the head role. */
export interface PlaceNeeds {
  seatWithin?: number;
  emailKey?: string;
  head?: boolean;
}

/** What one attempt took; given back with release() if its participant write does not happen. */
export interface Reservation {
  holdId: string;
  /** The holds to record on the participant, in the same write that makes the change. */
  holds: ParticipantHolds;
  /** Refuses to go on (giving everything back) once the attempt is older than the sweeper's grace. */
  assertFresh(): Promise<void>;
  release(): Promise<void>;
}

const changeInProgress = () =>
  new ParticipantsException(
    ParticipantsErrorCode.CHANGE_IN_PROGRESS,
    'Another change to this person is being saved at this moment; reload them and try again.',
  );

/**
 * The participant-place rule, written once: an attending participant holds the person (email)
 * at this meeting, a place within the delegation's quota, and the head role if they head it.
 * An attempt (a registration, a reinstatement, a change of email or role) reserves what it
 * needs under its own hold id, all or nothing; it owns those reservations until the participant
 * write that names its hold id succeeds, and gives back only its own if that write does not
 * happen. A reservation is valid while a participant names its hold id (see isAbandoned).
 */
@Injectable()
export class ParticipantPlaces {
  constructor(
    private readonly seats: DelegationWriter,
    private readonly claims: PersonClaims,
    @InjectModel(ParticipantRecord.name) private readonly participants: Model<ParticipantRecord>,
    private readonly clock: Clock,
  ) {}

  /**
   * Reserves what the attempt needs, or nothing (409 naming what is in the way). `revealHolder`:
   * the caller may learn which delegation holds a person (the secretariat), not a coordinator.
   */
  async reserve(owner: PlaceOwner, needs: PlaceNeeds, revealHolder: boolean): Promise<Reservation> {
    const holdId = uuidv7({ msecs: this.clock.now().getTime() });
    const holds: ParticipantHolds = {};
    const taken: Array<() => Promise<void>> = [];
    const release = async () => {
      for (const giveBack of taken.reverse()) await giveBack();
      taken.length = 0;
    };
    try {
      if (needs.emailKey !== undefined) {
        await this.claimPerson(owner, needs.emailKey, holdId, revealHolder);
        const emailKey = needs.emailKey;
        taken.push(() => this.claims.release(owner.eventId, emailKey, owner.participantId, holdId));
        holds.email = holdId;
      }
      if (needs.seatWithin !== undefined) {
        if (!(await this.seats.takeSeat(owner.delegationId, owner.participantId, holdId, needs.seatWithin))) {
          throw new ParticipantsException(
            ParticipantsErrorCode.QUOTA_FULL,
            `The delegation of ${owner.partyName} has all its places taken (quota ${needs.seatWithin} per delegation); withdraw someone first.`,
          );
        }
        taken.push(() => this.seats.releaseSeat(owner.delegationId, owner.participantId, holdId));
        holds.seat = holdId;
      }
      if (needs.head) {
        const holder = await this.seats.takeHead(owner.delegationId, owner.participantId, holdId);
        if (holder?.participantId === owner.participantId) throw changeInProgress();
        if (holder) {
          throw new ParticipantsException(
            ParticipantsErrorCode.HEAD_EXISTS,
            `The delegation of ${owner.partyName} already has a head; a delegation has one.`,
          );
        }
        taken.push(() => this.seats.releaseHead(owner.delegationId, owner.participantId, holdId));
        holds.head = holdId;
      }
    } catch (error) {
      await release();
      throw error;
    }
    return {
      holdId,
      holds,
      release,
      assertFresh: async () => {
        if (this.clock.now().getTime() - holdTakenAt(holdId) < HOLD_GRACE_MS) return;
        await release();
        throw new ParticipantsException(
          ParticipantsErrorCode.RESERVATION_EXPIRED,
          'The change took too long to save and was not made; please try again.',
        );
      },
    };
  }

  /** Gives back what a participant stood on (after the write that ended it), by its hold ids. */
  async releaseHolds(
    record: Pick<
      StoredParticipant,
      '_id' | 'eventId' | 'delegationId' | 'emailKey' | 'role' | 'state' | 'holds'
    >,
    which: ReadonlyArray<keyof ParticipantHolds> = ['head', 'seat', 'email'],
  ): Promise<void> {
    const holds = holdsOf(record);
    if (which.includes('head') && holds.head !== undefined)
      await this.seats.releaseHead(record.delegationId, record._id, holds.head);
    if (which.includes('seat') && holds.seat !== undefined)
      await this.seats.releaseSeat(record.delegationId, record._id, holds.seat);
    if (which.includes('email') && holds.email !== undefined)
      await this.claims.release(record.eventId, record.emailKey, record._id, holds.email);
  }

  /**
   * A reservation no participant stands on, taken longer ago than any attempt may still be on
   * its way: left by an attempt that lost a race or died, and safe to give back.
   */
  async isAbandoned(
    participantId: string,
    kind: keyof ParticipantHolds,
    holdId: string,
    emailKey?: string,
  ): Promise<boolean> {
    return (await this.abandonedOf([{ participantId, kind, holdId, emailKey }])).length === 1;
  }

  /** Those of these reservations that are abandoned (see isAbandoned), with one read of their participants. */
  async abandonedOf<R extends HeldPlace>(reservations: R[]): Promise<R[]> {
    const now = this.clock.now().getTime();
    const old = reservations.filter((r) => now - holdTakenAt(r.holdId) >= HOLD_GRACE_MS);
    if (old.length === 0) return [];
    const standing = await this.participants
      .find(
        { _id: { $in: [...new Set(old.map((r) => r.participantId))] } },
        { state: 1, role: 1, emailKey: 1, holds: 1 },
      )
      .lean<Array<Pick<StoredParticipant, '_id' | 'state' | 'role' | 'emailKey' | 'holds'>>>()
      .exec();
    const byId = new Map(standing.map((p) => [p._id, p]));
    return old.filter((r) => {
      const participant = byId.get(r.participantId);
      if (!participant || !ACTIVE_PARTICIPANT_STATES.includes(participant.state)) return true;
      if (r.kind === 'email' && participant.emailKey !== r.emailKey) return true;
      return holdsOf(participant)[r.kind] !== r.holdId;
    });
  }

  /** Claims the person, taking over a claim that an abandoned attempt left behind. */
  private async claimPerson(owner: PlaceOwner, emailKey: string, holdId: string, reveal: boolean) {
    const holder = {
      participantId: owner.participantId,
      delegationId: owner.delegationId,
      partyName: owner.partyName,
      holdId,
    };
    for (let attempt = 1; ; attempt++) {
      const other = await this.claims.claim(owner.eventId, emailKey, holder);
      if (!other) return;
      if (attempt < 3 && (await this.isAbandonedClaim(other, emailKey))) {
        await this.claims.giveBackAbandoned(owner.eventId, emailKey, other);
        continue;
      }
      if (other.participantId === owner.participantId) throw changeInProgress();
      throw new ParticipantsException(
        ParticipantsErrorCode.PERSON_ALREADY_REGISTERED,
        reveal
          ? `This person (${emailKey}) is already registered at this meeting, in the delegation of ${other.partyName} (${other.delegationId}).`
          : `This person (${emailKey}) is already registered at this meeting, in another delegation; one person attends in one delegation. Ask the secretariat if this is wrong.`,
      );
    }
  }

  private isAbandonedClaim(claim: PersonClaim, emailKey: string): Promise<boolean> {
    return this.isAbandoned(claim.participantId, 'email', claim.holdId ?? '', emailKey);
  }
}
