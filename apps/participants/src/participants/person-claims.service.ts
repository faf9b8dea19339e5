import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { isDuplicateKeyError } from '@plenary/persistence';
import type { Model } from 'mongoose';
import { LEGACY_HOLD } from './participant-holds.js';
import { PersonClaim } from './schemas/person-claim.schema.js';

const claimId = (eventId: string, emailKey: string) => `${eventId}:${emailKey}`;

export interface ClaimHolder {
  participantId: string;
  delegationId: string;
  partyName: string;
  holdId: string;
}

/**
 * One person (email, case-folded) in one delegation per meeting, kept by a unique _id. A claim
 * belongs to the attempt that took it (its hold id) and is given back only by that attempt.
 * The only writer of person_claims.
 */
@Injectable()
export class PersonClaims {
  constructor(@InjectModel(PersonClaim.name) private readonly claims: Model<PersonClaim>) {}

  /**
   * Claims the person for this attempt; returns the claim that stands in the way, if any
   * (another participant's, or another attempt's of the same participant).
   */
  async claim(eventId: string, emailKey: string, holder: ClaimHolder): Promise<PersonClaim | undefined> {
    for (let attempt = 1; attempt <= 3; attempt++) {
      try {
        await this.claims.create({ _id: claimId(eventId, emailKey), ...holder });
        return undefined;
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
      const existing = await this.claims.findById(claimId(eventId, emailKey)).lean<PersonClaim>().exec();
      // Given back between the two calls: claim it again rather than count it as taken.
      if (existing) return existing;
    }
    throw new Error(`the claim on ${emailKey} kept changing hands`);
  }

  /** Gives the claim back if this attempt holds it. */
  async release(eventId: string, emailKey: string, participantId: string, holdId: string): Promise<void> {
    await this.claims.deleteOne({
      _id: claimId(eventId, emailKey),
      participantId,
      holdId: holdId === LEGACY_HOLD ? null : holdId,
    });
  }

  /** Gives back a participant's claim whatever attempt took it: only for a registration rolled back, whose attempts are all over. */
  async releaseAnyOf(eventId: string, emailKey: string, participantId: string): Promise<void> {
    await this.claims.deleteOne({ _id: claimId(eventId, emailKey), participantId });
  }

  /** Deletes a claim exactly as it was read (the same attempt's), so a claim taken meanwhile stays. */
  async giveBackAbandoned(eventId: string, emailKey: string, claim: PersonClaim): Promise<void> {
    await this.release(eventId, emailKey, claim.participantId, claim.holdId ?? LEGACY_HOLD);
  }
}
