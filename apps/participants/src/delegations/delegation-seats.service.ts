import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { ACTIVE_DELEGATION_STATES } from './delegation-lifecycle.js';
import { DelegationRecord } from './schemas/delegation.schema.js';

/**
 * The places of a delegation (its quota) and its head. Each is taken by one conditional,
 * single-document update, so concurrent registrations cannot exceed the quota or make two heads;
 * each is released by the participant's id, so releasing twice is harmless.
 */
@Injectable()
export class DelegationSeats {
  constructor(@InjectModel(DelegationRecord.name) private readonly delegations: Model<DelegationRecord>) {}

  /** Takes a place if fewer than `quota` are taken (or this participant holds one already). */
  async take(delegationId: string, participantId: string, quota: number): Promise<boolean> {
    const result = await this.delegations.updateOne(
      {
        _id: delegationId,
        state: { $in: ACTIVE_DELEGATION_STATES },
        [`seats.${quota - 1}`]: { $exists: false },
      },
      { $addToSet: { seats: participantId } },
    );
    if (result.matchedCount === 1) return true;
    return (await this.delegations.countDocuments({ _id: delegationId, seats: participantId })) === 1;
  }

  async release(delegationId: string, participantId: string): Promise<void> {
    await this.delegations.updateOne({ _id: delegationId }, { $pull: { seats: participantId } });
  }

  /** Makes the participant the head unless someone else is. */
  async takeHead(delegationId: string, participantId: string): Promise<boolean> {
    const result = await this.delegations.updateOne(
      { _id: delegationId, headParticipantId: null },
      { $set: { headParticipantId: participantId } },
    );
    if (result.matchedCount === 1) return true;
    return (
      (await this.delegations.countDocuments({ _id: delegationId, headParticipantId: participantId })) === 1
    );
  }

  async releaseHead(delegationId: string, participantId: string): Promise<void> {
    await this.delegations.updateOne(
      { _id: delegationId, headParticipantId: participantId },
      { $unset: { headParticipantId: '' } },
    );
  }
}
