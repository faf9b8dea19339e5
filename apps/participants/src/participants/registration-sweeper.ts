import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { LOGGER, type Logger } from '@plenary/observability';
import { Clock } from '@plenary/runtime';
import type { Model } from 'mongoose';
import { DelegationSeats } from '../delegations/delegation-seats.service.js';
import { DelegationRecord } from '../delegations/schemas/delegation.schema.js';
import { ACTIVE_PARTICIPANT_STATES } from './participant-lifecycle.js';
import { ParticipantPlaces } from './participant-places.service.js';
import { placeHolderOf } from './participants.service.js';
import { ParticipantRecord, type StoredParticipant, WITHOUT_OUTBOX } from './schemas/participant.schema.js';

const SWEEP_EVERY_MS = 30_000;
/** A registration takes milliseconds; one unconfirmed for this long was cut short. */
const ABANDONED_AFTER_MS = 60_000;

/**
 * Repairs what a process that died mid-way leaves behind, since several documents cannot be
 * changed in one transaction: registrations never confirmed are rolled back (their places given
 * back), and places still held by people no longer attending are given back.
 * Idempotent, so every instance may run it.
 */
@Injectable()
export class RegistrationSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @InjectModel(ParticipantRecord.name) private readonly participants: Model<ParticipantRecord>,
    @InjectModel(DelegationRecord.name) private readonly delegations: Model<DelegationRecord>,
    private readonly places: ParticipantPlaces,
    private readonly seats: DelegationSeats,
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
    const before = new Date(this.clock.now().getTime() - ABANDONED_AFTER_MS);
    const abandoned = await this.participants
      .find({ confirmed: false, createdAt: { $lt: before } }, WITHOUT_OUTBOX)
      .lean<StoredParticipant[]>()
      .exec();
    for (const record of abandoned) {
      await this.places.release(placeHolderOf(record));
      await this.participants.deleteOne({ _id: record._id, confirmed: false });
    }
    if (abandoned.length > 0)
      this.logger.warn({ count: abandoned.length }, 'rolled back registrations that were never confirmed');
    return abandoned.length;
  }

  private async freeStaleSeats(): Promise<number> {
    let freed = 0;
    const holding = await this.delegations
      .find(
        { $or: [{ 'seats.0': { $exists: true } }, { headParticipantId: { $exists: true } }] },
        { seats: 1, headParticipantId: 1 },
      )
      .lean()
      .exec();
    for (const delegation of holding) {
      const holders = [
        ...new Set([
          ...delegation.seats,
          ...(delegation.headParticipantId ? [delegation.headParticipantId] : []),
        ]),
      ];
      // Registrations in progress are pending too, so they count as attending here.
      const attending = await this.participants
        .find({ _id: { $in: holders }, state: { $in: ACTIVE_PARTICIPANT_STATES } }, { _id: 1 })
        .lean()
        .exec();
      const attendingIds = new Set(attending.map((p) => p._id));
      for (const participantId of holders.filter((id) => !attendingIds.has(id))) {
        await this.seats.release(delegation._id, participantId);
        await this.seats.releaseHead(delegation._id, participantId);
        freed++;
      }
    }
    return freed;
  }
}
