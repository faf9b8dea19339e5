import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Principal } from '@plenary/auth';
import {
  type CreateEventDto,
  type EventPageView,
  type EventView,
  partyKindOf,
  stateName,
} from '@plenary/contracts';
import { decodeCursor, encodeCursor } from '@plenary/http';
import { OutboxService } from '@plenary/messaging';
import type { Model, QueryFilter } from 'mongoose';
import { v7 as uuidv7 } from 'uuid';
import { toEventView } from './event-view.mapper.js';
import { EventsException } from './events.exception.js';
import { EventRecord, type Party } from './schemas/event.schema.js';

const DEFAULT_PAGE_SIZE = 50;

@Injectable()
export class EventsService {
  constructor(
    @InjectModel(EventRecord.name) private readonly events: Model<EventRecord>,
    private readonly outbox: OutboxService,
  ) {}

  async create(input: CreateEventDto, actor: Principal): Promise<EventView> {
    const id = uuidv7();
    const now = new Date();
    const record = {
      _id: id,
      title: input.title,
      kind: input.kind,
      state: 'draft' as const,
      startsAt: new Date(input.startsAt),
      endsAt: new Date(input.endsAt),
      timeZone: input.timeZone,
      ...(input.venue ? { venue: input.venue } : {}),
      parties: input.parties.map(toParty),
      version: 1,
      createdAt: now,
      updatedAt: now,
      createdBy: actor.subject,
    };
    const event = toEventView(record);
    const message = this.outbox.message('event.created', {
      key: id,
      subject: `events/${id}`,
      data: { event, changes: [] },
    });
    await this.events.create({ ...record, ...this.outbox.forNewDocument([message]) });
    this.outbox.written();
    return event;
  }

  async get(id: string): Promise<EventView> {
    const record = await this.events.findById(id, { outbox: 0 }).lean<EventRecord>().exec();
    if (!record) throw EventsException.notFound(id);
    return toEventView(record);
  }

  /** Meetings by start date, oldest first, a page at a time. */
  async list(limit = DEFAULT_PAGE_SIZE, cursor?: string): Promise<EventPageView> {
    const filter: QueryFilter<EventRecord> = {};
    if (cursor) {
      const after = decodeCursor(cursor, ['startsAt', 'id'] as const);
      const startsAt = new Date(after.startsAt);
      filter.$or = [{ startsAt: { $gt: startsAt } }, { startsAt, _id: { $gt: after.id } }];
    }
    const records = await this.events
      .find(filter, { outbox: 0 })
      .sort({ startsAt: 1, _id: 1 })
      .limit(limit + 1)
      .lean<EventRecord[]>()
      .exec();
    const page = records.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map(toEventView),
      nextCursor:
        records.length > limit && last
          ? encodeCursor({ startsAt: last.startsAt.toISOString(), id: last._id })
          : null,
    };
  }
}

/** States get their name from ISO 3166; organisations keep the name they were given. */
function toParty(input: CreateEventDto['parties'][number]): Party {
  const kind = partyKindOf(input);
  const name = input.name ?? (kind === 'state' ? stateName(input.code) : undefined) ?? input.code;
  return { code: input.code, kind, name, standing: input.standing };
}
