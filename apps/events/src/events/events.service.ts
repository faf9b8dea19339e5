import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Principal } from '@plenary/auth';
import {
  type CreateEventDto,
  DEFAULT_PAGE_SIZE,
  type EventPageView,
  type EventView,
  type ListEventsQuery,
  type UpdateEventDto,
} from '@plenary/contracts';
import { AppException, decodeCursor, encodeCursor } from '@plenary/http';
import { Clock } from '@plenary/runtime';
import type { Model, QueryFilter } from 'mongoose';
import { v7 as uuidv7 } from 'uuid';
import { applyUpdate, eventFromInput, shiftAgenda } from './event-input.js';
import { assertEditable } from './event-lifecycle.js';
import { toEventView } from './event-view.mapper.js';
import { EventWriter } from './event-writer.service.js';
import { EventsErrorCode, EventsException } from './events.exception.js';
import { EventRecord, WITHOUT_INTERNALS } from './schemas/event.schema.js';

const invalidCursor = () =>
  new AppException(
    HttpStatus.BAD_REQUEST,
    'INVALID_CURSOR',
    'cursor is not a nextCursor value from a previous page.',
    [{ field: 'cursor', messages: ['cursor is not a nextCursor value from a previous page'] }],
  );

/** Drafts are the secretariat's working copies: no one else sees them. */
const mayRead = (event: { state: string }, viewer: Principal) =>
  viewer.role === 'secretariat' || event.state !== 'draft';

@Injectable()
export class EventsService {
  constructor(
    @InjectModel(EventRecord.name) private readonly events: Model<EventRecord>,
    private readonly writer: EventWriter,
    private readonly clock: Clock,
  ) {}

  create(input: CreateEventDto, actor: Principal): Promise<EventView> {
    return this.writer.create(eventFromInput(input, uuidv7(), this.clock.now(), uuidv7), actor);
  }

  async get(id: string, viewer: Principal): Promise<EventView> {
    const event = await this.writer.current(id);
    if (!mayRead(event, viewer)) throw EventsException.notFound(id);
    return event;
  }

  update(id: string, input: UpdateEventDto, actor: Principal, expectedVersion: number): Promise<EventView> {
    return this.writer.change(id, {
      actor,
      expectedVersion,
      type: 'event.updated',
      mutate: (event) => {
        assertEditable(event);
        const previous = { startsAt: event.startsAt, endsAt: event.endsAt, timeZone: event.timeZone };
        applyUpdate(event, input);
        const datesChanged =
          event.startsAt !== previous.startsAt ||
          event.endsAt !== previous.endsAt ||
          event.timeZone !== previous.timeZone;
        if (datesChanged && event.state !== 'draft') {
          throw new EventsException(
            EventsErrorCode.DATES_LOCKED,
            `The dates of an announced meeting change by postponing it (POST /events/${id}/postpone), so that everyone is told.`,
          );
        }
        shiftAgenda(event, previous.startsAt);
      },
    });
  }

  delete(id: string, actor: Principal, expectedVersion: number): Promise<void> {
    return this.writer.deleteDraft(id, actor, expectedVersion);
  }

  /** Meetings by start date, a page at a time, filtered by state, dates, process and party. */
  async list(query: ListEventsQuery, viewer: Principal): Promise<EventPageView> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const descending = query.order === 'desc';
    const filter: QueryFilter<EventRecord> = { deleted: { $ne: true } };
    const and: QueryFilter<EventRecord>[] = [];
    if (query.state) filter.state = query.state;
    if (viewer.role !== 'secretariat') and.push({ state: { $ne: 'draft' } });
    if (query.from) filter.endsAt = { $gte: new Date(query.from) };
    if (query.to) filter.startsAt = { $lte: new Date(query.to) };
    if (query.party) filter['parties.code'] = query.party;
    if (query.process)
      and.push({ $or: [{ 'process.acronym': query.process }, { 'process.name': query.process }] });
    if (query.cursor) {
      const after = decodeCursor(query.cursor, ['startsAt', 'id'] as const);
      const startsAt = new Date(after.startsAt);
      // A made-up cursor may hold a string that is no date, which the store cannot compare (a 500):
      // it is as bad a cursor as one that does not decode.
      if (Number.isNaN(startsAt.getTime())) throw invalidCursor();
      const beyond = descending ? '$lt' : '$gt';
      and.push({ $or: [{ startsAt: { [beyond]: startsAt } }, { startsAt, _id: { [beyond]: after.id } }] });
    }
    if (and.length > 0) filter.$and = and;
    const direction = descending ? -1 : 1;
    const records = await this.events
      .find(filter, WITHOUT_INTERNALS)
      .sort({ startsAt: direction, _id: direction })
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
