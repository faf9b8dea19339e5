import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { EventHistoryView, EventSnapshotView, EventView, HistoryEntryView } from '@plenary/contracts';
import type { Model } from 'mongoose';
import { EventsErrorCode, EventsException } from '../events/events.exception.js';
import { EventRecord, type HistoryEntry } from '../events/schemas/event.schema.js';
import { HistoryEntryRecord } from './schemas/history-entry.schema.js';

type EntryHead = Omit<HistoryEntryRecord, 'event'>;
type Entry = EntryHead & { event?: EventView };

function entryView(entry: Entry | HistoryEntry): HistoryEntryView {
  return {
    version: entry.version,
    at: entry.at.toISOString(),
    actor: entry.actor,
    type: entry.type,
    changes: entry.changes,
  };
}

const noSuchVersion = (id: string, version: number) =>
  new EventsException(EventsErrorCode.NO_SUCH_VERSION, `Meeting ${id} has no version ${version}.`);

/** Every change to a meeting, and the meeting as it was after any of them. */
@Injectable()
export class HistoryService {
  constructor(
    @InjectModel(EventRecord.name) private readonly events: Model<EventRecord>,
    @InjectModel(HistoryEntryRecord.name) private readonly entries: Model<HistoryEntryRecord>,
  ) {}

  /**
   * The versions that happened, oldest first, without their snapshots: the chain back from the
   * meeting's historyId (entries of attempts that lost or died are on no chain, see HistoryWriter),
   * after the entries that meetings written before the history collection keep in their document.
   */
  private async chain(id: string): Promise<Array<Entry | HistoryEntry>> {
    const meeting = await this.events
      .findById(id, { historyId: 1, version: 1, history: 1 })
      .lean<Pick<EventRecord, 'historyId' | 'version' | 'history'>>()
      .exec();
    if (!meeting) throw EventsException.notFound(id);
    const heads = await this.entries
      .find({ eventId: id, version: { $lte: meeting.version } }, { event: 0 })
      .lean<EntryHead[]>()
      .exec();
    const byId = new Map(heads.map((head) => [head._id, head]));
    const chain: EntryHead[] = [];
    for (let next = meeting.historyId; next !== undefined;) {
      const head = byId.get(next);
      if (!head) break;
      chain.push(head);
      next = head.previousId;
    }
    chain.reverse();
    const first = chain[0]?.version ?? Number.POSITIVE_INFINITY;
    return [...(meeting.history ?? []).filter((e) => e.version < first), ...chain];
  }

  private async snapshot(id: string, entry: Entry | HistoryEntry): Promise<EventSnapshotView> {
    if (entry.event) return { ...entryView(entry), event: entry.event };
    const full = await this.entries
      .findById((entry as EntryHead)._id)
      .lean<HistoryEntryRecord>()
      .exec();
    if (!full) throw noSuchVersion(id, entry.version);
    return { ...entryView(full), event: full.event };
  }

  async history(id: string): Promise<EventHistoryView> {
    return { eventId: id, entries: (await this.chain(id)).map(entryView) };
  }

  async atVersion(id: string, version: number): Promise<EventSnapshotView> {
    const entry = (await this.chain(id)).find((e) => e.version === version);
    if (!entry) throw noSuchVersion(id, version);
    return this.snapshot(id, entry);
  }

  /** The last change at or before the moment. */
  async asOf(id: string, at: Date): Promise<EventSnapshotView> {
    const entry = (await this.chain(id)).filter((e) => e.at.getTime() <= at.getTime()).at(-1);
    if (!entry) {
      throw new EventsException(
        EventsErrorCode.NO_SUCH_VERSION,
        `Meeting ${id} did not exist yet at ${at.toISOString()}.`,
      );
    }
    return this.snapshot(id, entry);
  }
}
