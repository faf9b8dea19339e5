import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { LOGGER, type Logger } from '@plenary/observability';
import { Clock } from '@plenary/runtime';
import type { Model } from 'mongoose';
import { DelegationWriter } from '../delegations/delegation-writer.service.js';
import { DelegationRecord } from '../delegations/schemas/delegation.schema.js';
import { HOLD_GRACE_MS, LEGACY_HOLD, parseSeatEntry } from './participant-holds.js';
import { type HeldPlace, ParticipantPlaces } from './participant-places.service.js';
import { ParticipantWriter } from './participant-writer.service.js';
import { PersonClaims } from './person-claims.service.js';
import { ParticipantRecord, type StoredParticipant } from './schemas/participant.schema.js';

const SWEEP_EVERY_MS = 30_000;

/**
 * Repairs what a process that died mid-way, or an attempt that lost a race, leaves behind, since
 * several documents cannot be changed in one transaction: seats and head roles that no
 * participant stands on (by hold id) are given back once older than the grace an attempt has to
 * finish — never one an attempt in progress has just taken, whose record is not written yet —
 * and so are those of a registration that died between its reservation and its write. Records
 * left unconfirmed by the earlier registration flow are rolled back. Claims on people are
 * repaired when someone next claims them (ParticipantPlaces). Idempotent, so every instance may
 * run it.
 */
@Injectable()
export class RegistrationSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @InjectModel(ParticipantRecord.name) private readonly participants: Model<ParticipantRecord>,
    @InjectModel(DelegationRecord.name) private readonly delegations: Model<DelegationRecord>,
    private readonly writer: ParticipantWriter,
    private readonly places: ParticipantPlaces,
    private readonly seats: DelegationWriter,
    private readonly claims: PersonClaims,
    private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    if (this.timer) return; // a hybrid app runs bootstrap hooks twice
    this.timer = setInterval(
      () => void this.sweep().catch((error: Error) => this.logger.warn({ err: error }, 'sweep failed')),
      SWEEP_EVERY_MS,
    );
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  async sweep(): Promise<{ rolledBack: number; seatsFreed: number }> {
    return { rolledBack: await this.rollBackAbandoned(), seatsFreed: await this.freeStaleSeats() };
  }

  private async rollBackAbandoned(): Promise<number> {
    const before = new Date(this.clock.now().getTime() - HOLD_GRACE_MS);
    const abandoned = await this.participants
      .find({ confirmed: false, createdAt: { $lt: before } }, { _id: 1, eventId: 1, emailKey: 1 })
      .lean<Array<Pick<StoredParticipant, '_id' | 'eventId' | 'emailKey'>>>()
      .exec();
    // Deleted first, so a registration confirmed meanwhile is kept. Their seats and head role
    // are then stood on by no one and given back below.
    let rolledBack = 0;
    for (const record of abandoned) {
      if (!(await this.writer.deleteUnconfirmed(record._id))) continue;
      await this.claims.releaseAnyOf(record.eventId, record.emailKey, record._id);
      rolledBack++;
    }
    if (rolledBack > 0)
      this.logger.warn({ count: rolledBack }, 'rolled back registrations that were never confirmed');
    return rolledBack;
  }

  private async freeStaleSeats(): Promise<number> {
    let freed = 0;
    const holding = await this.delegations
      .find(
        { $or: [{ 'seats.0': { $exists: true } }, { headParticipantId: { $exists: true } }] },
        { seats: 1, headParticipantId: 1, headHoldId: 1 },
      )
      .lean<Array<Pick<DelegationRecord, '_id' | 'seats' | 'headParticipantId' | 'headHoldId'>>>()
      .exec();
    for (const delegation of holding) {
      // One read of the participants a delegation's places name, not one per place.
      const held: HeldPlace[] = delegation.seats.map((entry) => ({ ...parseSeatEntry(entry), kind: 'seat' }));
      if (delegation.headParticipantId) {
        held.push({
          participantId: delegation.headParticipantId,
          holdId: delegation.headHoldId ?? LEGACY_HOLD,
          kind: 'head',
        });
      }
      for (const place of await this.places.abandonedOf(held)) {
        if (place.kind === 'seat')
          await this.seats.releaseSeat(delegation._id, place.participantId, place.holdId);
        else await this.seats.releaseHead(delegation._id, place.participantId, place.holdId);
        freed++;
      }
    }
    return freed;
  }
}
