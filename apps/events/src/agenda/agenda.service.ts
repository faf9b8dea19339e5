import { Injectable } from '@nestjs/common';
import type { Principal } from '@plenary/auth';
import type {
  AddAgendaItemDto,
  AgendaItemView,
  EventView,
  ReorderAgendaDto,
  UpdateAgendaItemDto,
} from '@plenary/contracts';
import { v7 as uuidv7 } from 'uuid';
import { agendaItemFromInput, utc } from '../events/event-input.js';
import { assertEditable } from '../events/event-lifecycle.js';
import { EventWriter } from '../events/event-writer.service.js';
import { EventsErrorCode, EventsException } from '../events/events.exception.js';

function itemOf(event: EventView, itemId: string): AgendaItemView {
  const item = event.agenda.find((i) => i.id === itemId);
  if (!item)
    throw new EventsException(EventsErrorCode.AGENDA_ITEM_NOT_FOUND, `The agenda has no item ${itemId}.`);
  return item;
}

/** The agenda of a meeting: ordered items, each change published as event.agenda-changed. */
@Injectable()
export class AgendaService {
  constructor(private readonly writer: EventWriter) {}

  private edit(id: string, actor: Principal, expectedVersion: number, mutate: (event: EventView) => void) {
    return this.writer.change(id, {
      actor,
      expectedVersion,
      type: 'event.agenda-changed',
      mutate: (event) => {
        assertEditable(event);
        mutate(event);
      },
    });
  }

  add(id: string, input: AddAgendaItemDto, actor: Principal, expectedVersion: number): Promise<EventView> {
    const { position, ...fields } = input;
    return this.edit(id, actor, expectedVersion, (event) => {
      const item = agendaItemFromInput(fields, uuidv7());
      event.agenda.splice(Math.min(position ?? event.agenda.length, event.agenda.length), 0, item);
    });
  }

  update(
    id: string,
    itemId: string,
    input: UpdateAgendaItemDto,
    actor: Principal,
    expectedVersion: number,
  ): Promise<EventView> {
    return this.edit(id, actor, expectedVersion, (event) => {
      const item = itemOf(event, itemId);
      const sent = input as Record<string, unknown>;
      if (input.title !== undefined) item.title = input.title;
      if (sent.description === null) delete item.description;
      else if (input.description !== undefined) item.description = input.description;
      if (sent.slot === null) delete item.slot;
      else if (input.slot) item.slot = { startsAt: utc(input.slot.startsAt), endsAt: utc(input.slot.endsAt) };
      if (input.presenters) item.presenters = input.presenters.map((p) => ({ ...p }));
      if (input.documents) item.documents = input.documents.map((d) => ({ ...d }));
    });
  }

  remove(id: string, itemId: string, actor: Principal, expectedVersion: number): Promise<EventView> {
    return this.edit(id, actor, expectedVersion, (event) => {
      itemOf(event, itemId);
      event.agenda = event.agenda.filter((i) => i.id !== itemId);
    });
  }

  /** A new order: every item once. */
  reorder(
    id: string,
    input: ReorderAgendaDto,
    actor: Principal,
    expectedVersion: number,
  ): Promise<EventView> {
    return this.edit(id, actor, expectedVersion, (event) => {
      const current = new Set(event.agenda.map((i) => i.id));
      if (input.itemIds.length !== current.size || !input.itemIds.every((itemId) => current.has(itemId))) {
        const message = `itemIds must list each of the ${current.size} agenda items exactly once.`;
        // A 400 names its field, as every 400 does, so that a form can show it there.
        throw new EventsException(EventsErrorCode.AGENDA_ORDER_MISMATCH, message, [
          { field: 'itemIds', messages: [message] },
        ]);
      }
      event.agenda = input.itemIds.map((itemId) => itemOf(event, itemId));
    });
  }
}
