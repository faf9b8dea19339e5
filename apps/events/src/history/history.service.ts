import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { EventHistoryView, EventSnapshotView, HistoryEntryView } from '@plenary/contracts';
import type { Model } from 'mongoose';
import { EventsErrorCode, EventsException } from '../events/events.exception.js';
import { EventRecord, type HistoryEntry } from '../events/schemas/event.schema.js';

function entryView(entry: HistoryEntry): HistoryEntryView {
  return {
    version: entry.version,
    at: entry.at.toISOString(),
    actor: entry.actor,
    type: entry.type,
    changes: entry.changes,
  };
}

/** Every change to a meeting, and the meeting as it was after any of them. */
@Injectable()
export class HistoryService {
  constructor(@InjectModel(EventRecord.name) private readonly events: Model<EventRecord>) {}

  private async entries(id: string): Promise<HistoryEntry[]> {
    const record = await this.events.findById(id, { history: 1 }).lean<Pick<EventRecord, 'history'>>().exec();
    if (!record) throw EventsException.notFound(id);
    return record.history;
  }

  async history(id: string): Promise<EventHistoryView> {
    return { eventId: id, entries: (await this.entries(id)).map(entryView) };
  }

  async atVersion(id: string, version: number): Promise<EventSnapshotView> {
    const entry = (await this.entries(id)).find((e) => e.version === version);
    if (!entry)
      throw new EventsException(EventsErrorCode.NO_SUCH_VERSION, `Meeting ${id} has no version ${version}.`);
    return { ...entryView(entry), event: entry.event };
  }

  /** The last change at or before the moment. */
  async asOf(id: string, at: Date): Promise<EventSnapshotView> {
    const entry = (await this.entries(id)).filter((e) => e.at.getTime() <= at.getTime()).at(-1);
    if (!entry) {
      throw new EventsException(
        EventsErrorCode.NO_SUCH_VERSION,
        `Meeting ${id} did not exist yet at ${at.toISOString()}.`,
      );
    }
    return { ...entryView(entry), event: entry.event };
  }
}
