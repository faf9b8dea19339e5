import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Principal } from '@plenary/auth';
import type { EventMessageType, EventView, FieldChange } from '@plenary/contracts';
import { validationFailed } from '@plenary/http';
import { OutboxService } from '@plenary/messaging';
import { Clock } from '@plenary/runtime';
import type { Model } from 'mongoose';
import { diffEvent } from './event-changes.js';
import { checkEventRules, withPartyRoles } from './event-rules.js';
import { toEventView, toRecordFields } from './event-view.mapper.js';
import { EventsErrorCode, EventsException } from './events.exception.js';
import { EventRecord, type HistoryEntry, WITHOUT_INTERNALS } from './schemas/event.schema.js';

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

/**
 * The one way a meeting is written. Every change is checked against the meeting's rules,
 * compared with the meeting before it, and stored in one single-document update together with
 * its history entry and the message that announces it; a change made meanwhile by someone else
 * is detected by the version and never overwritten.
 */
@Injectable()
export class EventWriter {
  constructor(
    @InjectModel(EventRecord.name) private readonly events: Model<EventRecord>,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  async create(event: EventView, actor: Principal): Promise<EventView> {
    withPartyRoles(event);
    const errors = checkEventRules(event, this.clock.now());
    if (errors.length > 0) throw validationFailed(errors);
    const messages = await this.outbox.sequence(
      this.outbox.messages('event.created', {
        key: event.id,
        subject: `events/${event.id}`,
        data: { event, changes: [] },
      }),
    );
    await this.events.create({
      _id: event.id,
      ...toRecordFields(event),
      createdAt: new Date(event.createdAt),
      createdBy: actor.subject,
      deleted: false,
      history: [this.historyEntry(event, actor, 'event.created', [])],
      ...this.outbox.forNewDocument(messages),
    });
    this.outbox.written(this.events, event.id);
    return event;
  }

  /** Applies a change and returns the meeting after it (unchanged, and nothing published, when the change changes nothing). */
  async change(id: string, change: Change): Promise<EventView> {
    for (let attempt = 1; ; attempt++) {
      const before = await this.current(id);
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
      if (await this.write(before, after, change.actor, change.type, changes)) return after;
      if (change.expectedVersion !== undefined || attempt >= MAX_ATTEMPTS) {
        throw EventsException.stale(
          change.expectedVersion ?? before.version,
          (await this.current(id)).version,
        );
      }
    }
  }

  /** Deletes a draft; the document stays as a tombstone until its event.deleted message has left. */
  async deleteDraft(id: string, actor: Principal, expectedVersion: number): Promise<void> {
    const current = await this.current(id);
    if (expectedVersion !== current.version) throw EventsException.stale(expectedVersion, current.version);
    if (current.state !== 'draft') {
      throw new EventsException(
        EventsErrorCode.NOT_A_DRAFT,
        `Only a draft can be deleted; this meeting is ${current.state}. Cancel it instead (POST /events/${id}/cancel).`,
      );
    }
    // The deletion is a change like any other: it has the next version.
    const now = this.clock.now();
    const event = { ...current, version: current.version + 1, updatedAt: now.toISOString() };
    const messages = await this.outbox.sequence(
      this.outbox.messages('event.deleted', {
        key: id,
        subject: `events/${id}`,
        data: { event, changes: [] },
      }),
    );
    const result = await this.events.updateOne(
      { _id: id, version: current.version },
      this.outbox.withMessages(
        {
          $set: { deleted: true, updatedAt: now },
          $push: { history: this.historyEntry(event, actor, 'event.deleted', []) },
        },
        messages,
      ),
    );
    if (result.matchedCount === 0) {
      await this.outbox.abandon(messages);
      throw EventsException.stale(expectedVersion, (await this.current(id)).version);
    }
    this.outbox.written(this.events, id);
  }

  /** The meeting as stored now; 404 for an unknown or deleted one. */
  async current(id: string): Promise<EventView> {
    const record = await this.events
      .findOne({ _id: id, deleted: { $ne: true } }, WITHOUT_INTERNALS)
      .lean<EventRecord>()
      .exec();
    if (!record) throw EventsException.notFound(id);
    return toEventView(record);
  }

  private async write(
    before: EventView,
    after: EventView,
    actor: Principal,
    type: EventMessageType,
    changes: FieldChange[],
  ) {
    const messages = await this.outbox.sequence(
      this.outbox.messages(type, {
        key: after.id,
        subject: `events/${after.id}`,
        data: { event: after, changes },
      }),
    );
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
          $set: set,
          ...(Object.keys(unset).length > 0 ? { $unset: unset } : {}),
          $push: { history: this.historyEntry(after, actor, type, changes) },
        },
        messages,
      ),
    );
    if (result.matchedCount === 0) {
      await this.outbox.abandon(messages);
      return false;
    }
    this.outbox.written(this.events, after.id);
    return true;
  }

  private historyEntry(
    event: EventView,
    actor: Principal,
    type: EventMessageType,
    changes: FieldChange[],
  ): HistoryEntry {
    return {
      version: event.version,
      at: new Date(event.updatedAt),
      actor: { id: actor.subject, role: actor.role, ...(actor.name ? { name: actor.name } : {}) },
      type,
      changes,
      event,
    };
  }
}
