import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Principal } from '@plenary/auth';
import type { ParticipantDetailsView } from '@plenary/contracts';
import { Clock } from '@plenary/runtime';
import type { Model } from 'mongoose';
import { assertMayActFor } from '../access/party-access.js';
import { ACTIVE_DELEGATION_STATES } from '../delegations/delegation-lifecycle.js';
import { DelegationsService } from '../delegations/delegations.service.js';
import { ACTIVE_PARTICIPANT_STATES, nextParticipantState } from './participant-lifecycle.js';
import { ParticipantPlaces } from './participant-places.service.js';
import { toParticipantDetailsView } from './participant-view.mapper.js';
import { ParticipantsErrorCode, ParticipantsException } from './participants.exception.js';
import { ParticipantsService, placeHolderOf } from './participants.service.js';
import { BadgeCounter } from './schemas/badge-counter.schema.js';
import { ParticipantRecord, type StoredParticipant, WITHOUT_OUTBOX } from './schemas/participant.schema.js';

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
    private readonly clock: Clock,
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
      await this.participants.change(record, { state, badgeNumber }, 'participant.accredited', [
        'rejectionReason',
      ]),
    );
  }

  async reject(id: string, reason: string, expectedVersion?: number): Promise<ParticipantDetailsView> {
    const record = await this.participants.find(id);
    assertVersion(record, expectedVersion);
    const state = nextParticipantState(record.state, 'reject');
    const after = await this.participants.change(
      record,
      { state, rejectionReason: reason },
      'participant.rejected',
    );
    await this.places.release(placeHolderOf(record));
    return toParticipantDetailsView(after);
  }

  async withdraw(id: string, actor: Principal, expectedVersion?: number): Promise<ParticipantDetailsView> {
    const record = await this.participants.find(id);
    assertMayActFor(actor, record.eventId, record.partyCode);
    assertVersion(record, expectedVersion);
    return toParticipantDetailsView(await this.withdrawRecord(record));
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
    const holder = placeHolderOf(record);
    await this.places.take(holder, event.registration?.quotaPerDelegation ?? Number.MAX_SAFE_INTEGER);
    try {
      return toParticipantDetailsView(
        await this.participants.change(record, { state }, 'participant.updated', ['rejectionReason']),
      );
    } catch (error) {
      await this.places.release(holder);
      throw error;
    }
  }

  /** On the day: only accredited people; a second check-in changes nothing and answers the first time. */
  async checkIn(id: string): Promise<ParticipantDetailsView> {
    for (let attempt = 1; ; attempt++) {
      const record = await this.participants.find(id);
      if (record.checkedInAt) return toParticipantDetailsView(record);
      if (record.state !== 'accredited') {
        throw new ParticipantsException(
          ParticipantsErrorCode.NOT_ACCREDITED,
          `Only accredited participants check in; this one is ${record.state}.`,
        );
      }
      try {
        return toParticipantDetailsView(
          await this.participants.change(record, { checkedInAt: this.clock.now() }, 'participant.checked-in'),
        );
      } catch (error) {
        if (
          !(error instanceof ParticipantsException) ||
          error.code !== ParticipantsErrorCode.VERSION_MISMATCH ||
          attempt >= 3
        )
          throw error;
      }
    }
  }

  /** Everyone still attending in a withdrawn delegation is withdrawn too; safe to run again. */
  async withdrawAllOf(delegationId: string): Promise<number> {
    const active = await this.records
      .find({ delegationId, confirmed: true, state: { $in: ACTIVE_PARTICIPANT_STATES } }, WITHOUT_OUTBOX)
      .lean<StoredParticipant[]>()
      .exec();
    for (const record of active) {
      for (let attempt = 1; ; attempt++) {
        try {
          await this.withdrawRecord(attempt === 1 ? record : await this.participants.find(record._id));
          break;
        } catch (error) {
          const done =
            error instanceof ParticipantsException && error.code === ParticipantsErrorCode.INVALID_TRANSITION;
          if (done) break; // withdrawn or rejected meanwhile
          if (
            !(error instanceof ParticipantsException) ||
            error.code !== ParticipantsErrorCode.VERSION_MISMATCH ||
            attempt >= 5
          )
            throw error;
        }
      }
    }
    return active.length;
  }

  private async withdrawRecord(record: StoredParticipant): Promise<StoredParticipant> {
    const state = nextParticipantState(record.state, 'withdraw');
    const after = await this.participants.change(record, { state }, 'participant.withdrawn');
    await this.places.release(placeHolderOf(record));
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
