import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { isDuplicateKeyError } from '@plenary/persistence';
import type { Model } from 'mongoose';
import { ParticipantSummaryRecord } from './schemas/participant-summary.schema.js';

export type SummaryContent = Omit<ParticipantSummaryRecord, '_id' | 'revision'>;

/** The one class that writes participant_summaries: every write is guarded by the revision it was computed from. */
@Injectable()
export class ParticipantSummaryWriter {
  constructor(
    @InjectModel(ParticipantSummaryRecord.name) private readonly summaries: Model<ParticipantSummaryRecord>,
  ) {}

  find(eventId: string): Promise<ParticipantSummaryRecord | null> {
    return this.summaries.findById(eventId).lean<ParticipantSummaryRecord>().exec();
  }

  /**
   * Writes the summary at revision `from + 1`, only if it is still at `from` (0: there is none
   * yet); false when another write came first, and then nothing changed.
   */
  async write(eventId: string, from: number, content: SummaryContent): Promise<boolean> {
    const document = { ...content, revision: from + 1 };
    if (from === 0) {
      try {
        await this.summaries.collection.insertOne({ _id: eventId, ...document } as never);
        return true;
      } catch (error) {
        if (isDuplicateKeyError(error)) return false;
        throw error;
      }
    }
    // A whole replacement, not a $set of the counters: FerretDB 1.24's $set leaves an embedded
    // document as it was when the new one holds the same values under other keys
    // ({pending: 1} -> {accredited: 1}).
    const written = await this.summaries.collection.replaceOne(
      { _id: eventId, revision: from } as never,
      {
        ...document,
      } as never,
    );
    return written.matchedCount === 1;
  }

  /**
   * Once the contributions a write applied are stored, the summary stops carrying them: a read
   * of it decodes the whole document (on the local store about 1 ms per 10 KB), and a batch's
   * lastChanges can hold a thousand. Only at the revision that wrote them; the revision stays, as
   * the counters do not change.
   */
  async settle(eventId: string, revision: number): Promise<void> {
    await this.summaries.collection.updateOne({ _id: eventId, revision } as never, {
      $set: { lastChanges: [] },
    });
  }
}
