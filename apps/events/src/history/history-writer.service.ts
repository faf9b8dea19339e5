import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Principal } from '@plenary/auth';
import type { EventView, FieldChange } from '@plenary/contracts';
import type { Model } from 'mongoose';
import { v7 as uuidv7 } from 'uuid';
import { HistoryEntryRecord } from './schemas/history-entry.schema.js';

export interface NewHistoryEntry {
  /** The meeting after the change, at its new version. */
  event: EventView;
  actor: Principal;
  type: string;
  changes: FieldChange[];
  /** The entry of the version the change started from (the meeting's historyId when it was read). */
  previousId?: string;
}

/**
 * The only writer of the history collection: one document per version of a meeting.
 *
 * The store has no transactions, so the entry and the meeting are two writes, in this order:
 * 1. the entry, under a fresh id of this attempt, naming the entry it follows;
 * 2. the meeting's conditional update (still at the version read), which sets its `historyId`
 *    to that id in the same atomic write as the change and its outbox messages.
 * A crash after 1 leaves an entry that no meeting names; an attempt that loses the race at 2
 * leaves one too (it deletes it, but may die first). Readers therefore believe only the chain
 * that starts at the meeting's `historyId` and follows `previousId`: an entry is true exactly
 * when the meeting update that named it happened, so there is never a history entry for a
 * version that was not written, nor a written version without its entry. (Carrying the entry in
 * the meeting's outbox and moving it out with the relay would also work, but would tie history
 * to message delivery and make the relay write a collection it does not own.)
 */
@Injectable()
export class HistoryWriter {
  constructor(@InjectModel(HistoryEntryRecord.name) private readonly entries: Model<HistoryEntryRecord>) {}

  /** Stores the entry of an attempted change; returns its id, for the meeting's historyId. */
  async record(entry: NewHistoryEntry): Promise<string> {
    const id = uuidv7();
    await this.entries.create({
      _id: id,
      eventId: entry.event.id,
      version: entry.event.version,
      ...(entry.previousId ? { previousId: entry.previousId } : {}),
      at: new Date(entry.event.updatedAt),
      actor: {
        id: entry.actor.subject,
        role: entry.actor.role,
        ...(entry.actor.name ? { name: entry.actor.name } : {}),
      },
      type: entry.type,
      changes: entry.changes,
      event: entry.event,
    });
    return id;
  }

  /** The attempt lost its race: its entry is not part of the chain; removed so it does not linger. */
  async discard(id: string): Promise<void> {
    await this.entries.deleteOne({ _id: id }).catch(() => undefined);
  }
}
