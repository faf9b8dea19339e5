import { Injectable } from '@nestjs/common';
import type { DelegationRole } from '@plenary/contracts';
import { DelegationSeats } from '../delegations/delegation-seats.service.js';
import { ParticipantsErrorCode, ParticipantsException } from './participants.exception.js';
import { PersonClaims } from './person-claims.service.js';

export interface PlaceHolder {
  participantId: string;
  eventId: string;
  delegationId: string;
  partyName: string;
  emailKey: string;
  role: DelegationRole;
}

/**
 * What an active participant holds: the person (email) at this meeting, a place within the
 * delegation's quota, and the head role if they head it. Taken together or not at all (what was
 * taken is given back when the next fails), released together.
 */
@Injectable()
export class ParticipantPlaces {
  constructor(
    private readonly seats: DelegationSeats,
    private readonly claims: PersonClaims,
  ) {}

  async take(holder: PlaceHolder, quota: number): Promise<void> {
    const { participantId, eventId, delegationId, partyName, emailKey } = holder;
    const taken: Array<() => Promise<void>> = [];
    try {
      const other = await this.claims.claim(eventId, emailKey, { participantId, delegationId, partyName });
      if (other) {
        throw new ParticipantsException(
          ParticipantsErrorCode.PERSON_ALREADY_REGISTERED,
          `This person (${emailKey}) is already registered at this meeting, in the delegation of ${other.partyName} (${other.delegationId}).`,
        );
      }
      taken.push(() => this.claims.release(eventId, emailKey, participantId));
      if (!(await this.seats.take(delegationId, participantId, quota))) {
        throw new ParticipantsException(
          ParticipantsErrorCode.QUOTA_FULL,
          `The delegation of ${partyName} has all its places taken (quota ${quota} per delegation); withdraw someone first.`,
        );
      }
      taken.push(() => this.seats.release(delegationId, participantId));
      if (holder.role === 'head' && !(await this.seats.takeHead(delegationId, participantId))) {
        throw new ParticipantsException(
          ParticipantsErrorCode.HEAD_EXISTS,
          `The delegation of ${partyName} already has a head; a delegation has one.`,
        );
      }
    } catch (error) {
      for (const giveBack of taken.reverse()) await giveBack();
      throw error;
    }
  }

  async release(holder: PlaceHolder): Promise<void> {
    await this.seats.releaseHead(holder.delegationId, holder.participantId);
    await this.seats.release(holder.delegationId, holder.participantId);
    await this.claims.release(holder.eventId, holder.emailKey, holder.participantId);
  }
}
