import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { isDuplicateKeyError } from '@plenary/persistence';
import type { Model } from 'mongoose';
import { PersonClaim } from './schemas/person-claim.schema.js';

const claimId = (eventId: string, emailKey: string) => `${eventId}:${emailKey}`;

/** One person (email, case-folded) in one delegation per meeting, kept by a unique _id. */
@Injectable()
export class PersonClaims {
  constructor(@InjectModel(PersonClaim.name) private readonly claims: Model<PersonClaim>) {}

  /** Claims the person for this participant; returns the claim that stands in the way, if any. */
  async claim(
    eventId: string,
    emailKey: string,
    holder: { participantId: string; delegationId: string; partyName: string },
  ): Promise<PersonClaim | undefined> {
    try {
      await this.claims.create({ _id: claimId(eventId, emailKey), ...holder });
      return undefined;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const existing = await this.claims.findById(claimId(eventId, emailKey)).lean<PersonClaim>().exec();
      return existing && existing.participantId !== holder.participantId ? existing : undefined;
    }
  }

  /** Releases the claim if this participant holds it. */
  async release(eventId: string, emailKey: string, participantId: string): Promise<void> {
    await this.claims.deleteOne({ _id: claimId(eventId, emailKey), participantId });
  }
}
