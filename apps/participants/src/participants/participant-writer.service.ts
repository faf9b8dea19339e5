import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { ParticipantMessages } from '@plenary/contracts';
import { OutboxService } from '@plenary/messaging';
import { Clock } from '@plenary/runtime';
import type { Model } from 'mongoose';
import { toParticipantView } from './participant-view.mapper.js';
import { ParticipantsException } from './participants.exception.js';
import { ParticipantRecord, type StoredParticipant, WITHOUT_OUTBOX } from './schemas/participant.schema.js';

export type ParticipantMessageType = keyof typeof ParticipantMessages;
export type ParticipantChanges = Partial<
  Omit<StoredParticipant, '_id' | 'version' | 'eventId' | 'delegationId' | 'party' | 'partyCode'>
>;

/**
 * The one class that writes the participants collection. Every change is one version-checked
 * single-document update that carries the message announcing it (the outbox), so a change
 * made meanwhile by someone else is never overwritten and never announced twice.
 */
@Injectable()
export class ParticipantWriter {
  constructor(
    @InjectModel(ParticipantRecord.name) private readonly participants: Model<ParticipantRecord>,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  /**
   * Stores a registration, attending on the holds its reservation took, with the message
   * announcing it: one insert (a duplicate-key error if the id is taken).
   */
  async insertRegistered(record: StoredParticipant): Promise<void> {
    await this.outbox.insert(this.participants, record, this.message('participant.registered', record));
  }

  /** Deletes a registration that never got confirmed (and only then): left by the flow before registrations were stored in one write. */
  async deleteUnconfirmed(id: string): Promise<boolean> {
    return (await this.participants.deleteOne({ _id: id, confirmed: false })).deletedCount === 1;
  }

  /**
   * One versioned change of a participant with its message; 412 when someone else changed them
   * first. `removed` lists optional fields to unset.
   */
  async change(
    record: StoredParticipant,
    changes: ParticipantChanges,
    type: ParticipantMessageType,
    removed: string[] = [],
  ): Promise<StoredParticipant> {
    const updatedAt = this.clock.now();
    const after: StoredParticipant = { ...record, ...changes, version: record.version + 1, updatedAt };
    for (const field of removed) delete (after as unknown as Record<string, unknown>)[field];
    const written = await this.outbox.update(
      this.participants,
      record._id,
      record.version,
      {
        $set: { ...changes, updatedAt },
        ...(removed.length > 0 ? { $unset: Object.fromEntries(removed.map((f) => [f, ''])) } : {}),
      },
      this.message(type, after),
    );
    if (!written) {
      const now = await this.participants
        .findOne({ _id: record._id, confirmed: true }, WITHOUT_OUTBOX)
        .lean<StoredParticipant>()
        .exec();
      if (!now) throw ParticipantsException.notFound(record._id);
      throw ParticipantsException.stale(record.version, now.version);
    }
    return after;
  }

  private message(type: ParticipantMessageType, record: StoredParticipant) {
    return this.outbox.messages(type, {
      key: record.eventId,
      subject: `participants/${record._id}`,
      data: { participant: toParticipantView(record) },
    });
  }
}
