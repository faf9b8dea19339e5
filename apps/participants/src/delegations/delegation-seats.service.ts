import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { LEGACY_HOLD, seatEntry } from '../participants/participant-holds.js';
import { ACTIVE_DELEGATION_STATES } from './delegation-lifecycle.js';
import { DelegationRecord } from './schemas/delegation.schema.js';

/** Who holds the head role now, when it is not the asker's attempt. */
export interface HeadHolder {
  participantId: string;
  holdId: string;
}

/**
 * The places of a delegation (its quota) and its head: the invariants live in the delegation's
 * own document, the store's one atomic unit. Each is taken by one conditional single-document
 * update under a hold id (the attempt that takes it), and given back only by that same hold
 * id: an attempt that lost a race can never give back what the winner holds, and giving back
 * twice is harmless. The only writer of `seats`, `headParticipantId` and `headHoldId`.
 */
@Injectable()
export class DelegationSeats {
  constructor(@InjectModel(DelegationRecord.name) private readonly delegations: Model<DelegationRecord>) {}

  /** Takes a place for this attempt if fewer than `quota` are taken and the delegation is active. */
  async take(delegationId: string, participantId: string, holdId: string, quota: number): Promise<boolean> {
    const result = await this.delegations.updateOne(
      {
        _id: delegationId,
        state: { $in: ACTIVE_DELEGATION_STATES },
        [`seats.${quota - 1}`]: { $exists: false },
      },
      { $addToSet: { seats: seatEntry(participantId, holdId) } },
    );
    return result.modifiedCount === 1;
  }

  async release(delegationId: string, participantId: string, holdId: string): Promise<void> {
    await this.delegations.updateOne(
      { _id: delegationId },
      { $pull: { seats: seatEntry(participantId, holdId) } },
    );
  }

  /** Makes the participant the head under this attempt unless anyone holds the role; else says who does. */
  async takeHead(
    delegationId: string,
    participantId: string,
    holdId: string,
  ): Promise<HeadHolder | undefined> {
    for (let attempt = 1; attempt <= 3; attempt++) {
      const result = await this.delegations.updateOne(
        { _id: delegationId, headParticipantId: null },
        { $set: { headParticipantId: participantId, headHoldId: holdId } },
      );
      if (result.matchedCount === 1) return undefined;
      const current = await this.delegations
        .findById(delegationId, { headParticipantId: 1, headHoldId: 1 })
        .lean<Pick<DelegationRecord, 'headParticipantId' | 'headHoldId'>>()
        .exec();
      if (!current) throw new Error(`delegation ${delegationId} does not exist`);
      // Given back between the two calls: try again rather than report a holder that is gone.
      if (current.headParticipantId) {
        return { participantId: current.headParticipantId, holdId: current.headHoldId ?? LEGACY_HOLD };
      }
    }
    throw new Error(`the head role of delegation ${delegationId} kept changing hands`);
  }

  async releaseHead(delegationId: string, participantId: string, holdId: string): Promise<void> {
    await this.delegations.updateOne(
      {
        _id: delegationId,
        headParticipantId: participantId,
        headHoldId: holdId === LEGACY_HOLD ? null : holdId,
      },
      { $unset: { headParticipantId: '', headHoldId: '' } },
    );
  }
}
