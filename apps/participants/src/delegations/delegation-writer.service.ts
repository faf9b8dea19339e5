import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { DelegationMessages, DelegationView } from '@plenary/contracts';
import { OutboxService } from '@plenary/messaging';
import { retryWhenStale } from '@plenary/persistence';
import { Clock } from '@plenary/runtime';
import type { Model } from 'mongoose';
import { LEGACY_HOLD, seatEntry } from '../participants/participant-holds.js';
import { ACTIVE_DELEGATION_STATES } from './delegation-lifecycle.js';
import { toDelegationView } from './delegation-view.mapper.js';
import { DelegationsErrorCode, DelegationsException } from './delegations.exception.js';
import { DelegationRecord, type StoredDelegation, WITHOUT_OUTBOX } from './schemas/delegation.schema.js';

export type DelegationMessageType = keyof typeof DelegationMessages;
export type DelegationChanges = Partial<
  Pick<StoredDelegation, 'state' | 'coordinator' | 'credentialsReference' | 'notice' | 'withdrawalReason'>
>;

/** Who holds the head role now, when it is not the asker's attempt. */
export interface HeadHolder {
  participantId: string;
  holdId: string;
}

const isStale = (error: unknown) =>
  error instanceof DelegationsException && error.code === DelegationsErrorCode.VERSION_MISMATCH;

/**
 * The one class that writes the delegations collection. A delegation's own fields change by
 * one version-checked single-document update that carries its message (the outbox). Its places
 * (quota) and head are the invariants that live in the delegation's document, the store's one
 * atomic unit: each is taken by one conditional update under a hold id (the attempt that takes
 * it) and given back only by that same hold id, so an attempt that lost a race can never give
 * back what the winner holds, and giving back twice is harmless. They change no version and
 * announce nothing: seats are not published.
 */
@Injectable()
export class DelegationWriter {
  constructor(
    @InjectModel(DelegationRecord.name) private readonly delegations: Model<DelegationRecord>,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  /** Inserts a new delegation with its delegation.registered message (a duplicate-key error if the party has one). */
  async insert(record: StoredDelegation): Promise<void> {
    await this.outbox.insert(
      this.delegations,
      record,
      this.message('delegation.registered', toDelegationView(record)),
    );
  }

  /** One versioned change with its message; 412 if the delegation moved on since the version the caller read. */
  async change(
    record: StoredDelegation,
    changes: DelegationChanges,
    type: DelegationMessageType,
    expectedVersion?: number,
  ): Promise<StoredDelegation> {
    if (expectedVersion !== undefined && expectedVersion !== record.version)
      throw DelegationsException.stale(expectedVersion, record.version);
    const after: StoredDelegation = {
      ...record,
      ...changes,
      version: record.version + 1,
      updatedAt: this.clock.now(),
    };
    const written = await this.outbox.update(
      this.delegations,
      record._id,
      record.version,
      { $set: { ...changes, updatedAt: after.updatedAt } },
      this.message(type, toDelegationView(after)),
    );
    if (!written) {
      const now = await this.delegations.findById(record._id, { version: 1 }).lean<StoredDelegation>().exec();
      if (!now) throw DelegationsException.notFound(record._id);
      throw DelegationsException.stale(expectedVersion ?? record.version, now.version);
    }
    return after;
  }

  /** For changes the system makes (reactions to the meeting): retried on the fresh delegation. */
  async changeRetrying(id: string, changes: DelegationChanges, type: DelegationMessageType): Promise<void> {
    await retryWhenStale(
      async () => {
        const record = await this.delegations.findById(id, WITHOUT_OUTBOX).lean<StoredDelegation>().exec();
        if (!record) throw DelegationsException.notFound(id);
        await this.change(record, changes, type);
      },
      isStale,
      5,
    );
  }

  /** Takes a place for this attempt if fewer than `quota` are taken and the delegation is active. */
  async takeSeat(
    delegationId: string,
    participantId: string,
    holdId: string,
    quota: number,
  ): Promise<boolean> {
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

  async releaseSeat(delegationId: string, participantId: string, holdId: string): Promise<void> {
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

  private message(type: DelegationMessageType, delegation: DelegationView) {
    return this.outbox.messages(type, {
      key: delegation.eventId,
      subject: `delegations/${delegation.id}`,
      data: { delegation },
    });
  }
}
