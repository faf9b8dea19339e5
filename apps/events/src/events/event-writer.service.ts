import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Principal } from '@plenary/auth';
import type { EventMessageType, EventView, FieldChange } from '@plenary/contracts';
import { validationFailed } from '@plenary/http';
import { OutboxService } from '@plenary/messaging';
import { Clock } from '@plenary/runtime';
import type { Model } from 'mongoose';
import { HistoryWriter } from '../history/history-writer.service.js';
import { diffEvent } from './event-changes.js';
import { checkEventRules, withPartyRoles } from './event-rules.js';
import { toEventView, toRecordFields } from './event-view.mapper.js';
import { EventsErrorCode, EventsException } from './events.exception.js';
import { EventRecord } from './schemas/event.schema.js';

export interface Change {
  actor: Principal;
  /** The version the client read (If-Match); without it, a concurrent change is retried on the fresh meeting. */
  expectedVersion?: number;
  /** The message that announces the change. */
  type: EventMessageType;
  /** Changes the meeting (a working copy); throws to refuse. */
  mutate(event: EventView): void;
}

const MAX_ATTEMPTS = 3;

/** What a write reads: the meeting and the head of its history chain. */
const FOR_WRITING = { outbox: 0, outboxPending: 0, history: 0 } as const;

/**
 * Public topics carry only what an observer may see over HTTP, and drafts are the
 * secretariat's alone: a draft's creation, changes and deletion publish nothing. The first
 * message about a meeting is event.announced, with the whole meeting (subscribers upsert their
 * copy from any message, guarded by its version, so they need no event.created before it).
 */
const isPublic = (event: EventView) => event.state !== 'draft';

/**
 * The one way a meeting is written. Every change is checked against the meeting's rules,
 * compared with the meeting before it, and stored in one single-document update together with
 * the message that announces it and the id of its history entry (stored just before, see
 * HistoryWriter); a change made meanwhile by someone else is detected by the version and
 * never overwritten.
 */
@Injectable()
export class EventWriter {
  constructor(
    @InjectModel(EventRecord.name) private readonly events: Model<EventRecord>,
    private readonly history: HistoryWriter,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  async create(event: EventView, actor: Principal): Promise<EventView> {
    withPartyRoles(event);
    const errors = checkEventRules(event, this.clock.now());
    if (errors.length > 0) throw validationFailed(errors);
    const messages = await this.messages('event.created', event, []);
    const historyId = await this.history.record({ event, actor, type: 'event.created', changes: [] });
    await this.events.create({
      _id: event.id,
      ...toRecordFields(event),
      createdAt: new Date(event.createdAt),
      createdBy: actor.subject,
      deleted: false,
      historyId,
      ...this.outbox.forNewDocument(messages),
    });
    if (messages.length > 0) this.outbox.written(this.events, event.id);
    return event;
  }

  /** Applies a change and returns the meeting after it (unchanged, and nothing published, when the change changes nothing). */
  async change(id: string, change: Change): Promise<EventView> {
    for (let attempt = 1; ; attempt++) {
      const { event: before, historyId } = await this.read(id);
      if (change.expectedVersion !== undefined && change.expectedVersion !== before.version) {
        throw EventsException.stale(change.expectedVersion, before.version);
      }
      const after = structuredClone(before);
      change.mutate(after);
      withPartyRoles(after);
      const now = this.clock.now();
      const errors = checkEventRules(after, now, before);
      if (errors.length > 0) throw validationFailed(errors);
      const changes = diffEvent(before, after);
      if (changes.length === 0) return before;

      after.version = before.version + 1;
      after.updatedAt = now.toISOString();
      if (await this.write(before, after, historyId, change.actor, change.type, changes)) return after;
      if (change.expectedVersion !== undefined || attempt >= MAX_ATTEMPTS) {
        throw EventsException.stale(
          change.expectedVersion ?? before.version,
          (await this.current(id)).version,
        );
      }
    }
  }

  /** Deletes a draft; the document stays as a tombstone, so that its history can still be read. */
  async deleteDraft(id: string, actor: Principal, expectedVersion: number): Promise<void> {
    const { event: current, historyId } = await this.read(id);
    if (expectedVersion !== current.version) throw EventsException.stale(expectedVersion, current.version);
    if (current.state !== 'draft') {
      throw new EventsException(
        EventsErrorCode.NOT_A_DRAFT,
        `Only a draft can be deleted; this meeting is ${current.state}. Cancel it instead (POST /events/${id}/cancel).`,
      );
    }
    // The deletion is a change like any other: it has the next version. A draft was never
    // public, so its deletion is not either (no event.deleted).
    const now = this.clock.now();
    const event = { ...current, version: current.version + 1, updatedAt: now.toISOString() };
    const entryId = await this.history.record({
      event,
      actor,
      type: 'event.deleted',
      changes: [],
      previousId: historyId,
    });
    const result = await this.events.updateOne(
      { _id: id, version: current.version },
      this.outbox.withMessages({ $set: { deleted: true, updatedAt: now, historyId: entryId } }, []),
    );
    if (result.matchedCount === 0) {
      await this.history.discard(entryId);
      throw EventsException.stale(expectedVersion, (await this.current(id)).version);
    }
  }

  /** The meeting as stored now; 404 for an unknown or deleted one. */
  async current(id: string): Promise<EventView> {
    return (await this.read(id)).event;
  }

  private async read(id: string): Promise<{ event: EventView; historyId?: string }> {
    const record = await this.events
      .findOne({ _id: id, deleted: { $ne: true } }, FOR_WRITING)
      .lean<EventRecord>()
      .exec();
    if (!record) throw EventsException.notFound(id);
    const { historyId, ...stored } = record;
    return { event: toEventView(stored), historyId };
  }

  /** The messages announcing a change, numbered in the meeting's sequence; none while the meeting is a draft. */
  private async messages(type: EventMessageType, event: EventView, changes: FieldChange[]) {
    if (!isPublic(event)) return [];
    return this.outbox.sequence(
      this.outbox.messages(type, {
        key: event.id,
        subject: `events/${event.id}`,
        data: { event, changes },
      }),
    );
  }

  private async write(
    before: EventView,
    after: EventView,
    previousId: string | undefined,
    actor: Principal,
    type: EventMessageType,
    changes: FieldChange[],
  ) {
    const messages = await this.messages(type, after, changes);
    const historyId = await this.history.record({ event: after, actor, type, changes, previousId });
    const fields = toRecordFields(after);
    const set = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    const unset = Object.fromEntries(
      Object.entries(fields)
        .filter(([, v]) => v === undefined)
        .map(([k]) => [k, '']),
    );
    const result = await this.events.updateOne(
      { _id: after.id, version: before.version },
      this.outbox.withMessages(
        {
          $set: { ...set, historyId },
          ...(Object.keys(unset).length > 0 ? { $unset: unset } : {}),
        },
        messages,
      ),
    );
    if (result.matchedCount === 0) {
      await this.history.discard(historyId);
      await this.outbox.abandon(messages);
      return false;
    }
    if (messages.length > 0) this.outbox.written(this.events, after.id);
    return true;
  }
}
