import {
  type AgendaItemInput,
  type AgendaItemView,
  type CreateEventDto,
  type EventView,
  type PartyInput,
  type PartyView,
  partyKindOf,
  type RegistrationInput,
  type RegistrationView,
  stateName,
  type UpdateEventDto,
} from '@plenary/contracts';
import { validationFailed } from '@plenary/http';

/** Date-times are kept in UTC ISO form; the meeting's timeZone says how to show them. */
export const utc = (dateTime: string): string => new Date(dateTime).toISOString();

/** States get their name from ISO 3166; organisations keep the name they were given. */
export function partyFromInput(input: PartyInput): PartyView {
  const kind = partyKindOf(input);
  const name = input.name ?? (kind === 'state' ? stateName(input.code) : undefined) ?? input.code;
  return { code: input.code, kind, name, standings: [...input.standings] };
}

export function agendaItemFromInput(input: AgendaItemInput, id: string): AgendaItemView {
  return {
    id,
    title: input.title,
    ...(input.description ? { description: input.description } : {}),
    ...(input.slot ? { slot: { startsAt: utc(input.slot.startsAt), endsAt: utc(input.slot.endsAt) } } : {}),
    presenters: (input.presenters ?? []).map((p) => ({ ...p })),
    documents: (input.documents ?? []).map((d) => ({ ...d })),
  };
}

export function registrationFromInput(input: RegistrationInput): RegistrationView {
  return {
    opensAt: utc(input.opensAt),
    closesAt: utc(input.closesAt),
    quotaPerDelegation: input.quotaPerDelegation,
  };
}

/** A new meeting, in draft, from what the secretariat sent. */
export function eventFromInput(input: CreateEventDto, id: string, now: Date, newId: () => string): EventView {
  const at = now.toISOString();
  return {
    id,
    title: input.title,
    kind: input.kind,
    state: 'draft',
    ...(input.process ? { process: { ...input.process } } : {}),
    ...(input.description ? { description: input.description } : {}),
    languages: [...(input.languages ?? [])],
    startsAt: utc(input.startsAt),
    endsAt: utc(input.endsAt),
    timeZone: input.timeZone,
    ...(input.venue ? { venue: { ...input.venue } } : {}),
    ...(input.hostParty ? { hostParty: input.hostParty } : {}),
    ...(input.chairParty ? { chairParty: input.chairParty } : {}),
    parties: input.parties.map(partyFromInput),
    agenda: (input.agenda ?? []).map((item) => agendaItemFromInput(item, newId())),
    ...(input.registration ? { registration: registrationFromInput(input.registration) } : {}),
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
}

const REQUIRED = ['title', 'kind', 'startsAt', 'endsAt', 'timeZone', 'parties', 'languages'] as const;
const OPTIONAL = ['process', 'description', 'venue', 'hostParty', 'chairParty', 'registration'] as const;

/**
 * Applies a PATCH: fields left out stay, optional fields sent as null are removed, required
 * fields cannot be removed.
 */
export function applyUpdate(event: EventView, input: UpdateEventDto): EventView {
  const sent = input as Record<string, unknown>;
  const removed = REQUIRED.filter((field) => sent[field] === null);
  if (removed.length > 0) {
    throw validationFailed(removed.map((field) => ({ field, messages: [`${field} cannot be removed`] })));
  }
  if (input.title !== undefined) event.title = input.title;
  if (input.kind !== undefined) event.kind = input.kind;
  if (input.languages !== undefined) event.languages = [...input.languages];
  if (input.startsAt !== undefined) event.startsAt = utc(input.startsAt);
  if (input.endsAt !== undefined) event.endsAt = utc(input.endsAt);
  if (input.timeZone !== undefined) event.timeZone = input.timeZone;
  if (input.parties !== undefined) event.parties = input.parties.map(partyFromInput);
  for (const field of OPTIONAL) {
    if (sent[field] === null) delete event[field];
  }
  if (input.process) event.process = { ...input.process };
  if (input.description) event.description = input.description;
  if (input.venue) event.venue = { ...input.venue };
  if (input.hostParty) event.hostParty = input.hostParty;
  if (input.chairParty) event.chairParty = input.chairParty;
  if (input.registration) event.registration = registrationFromInput(input.registration);
  return event;
}

/** Moves the agenda's time slots with the meeting when its start moves, keeping their place in the day. */
export function shiftAgenda(event: EventView, previousStart: string): void {
  const delta = Date.parse(event.startsAt) - Date.parse(previousStart);
  if (delta === 0) return;
  for (const item of event.agenda) {
    if (!item.slot) continue;
    item.slot = {
      startsAt: new Date(Date.parse(item.slot.startsAt) + delta).toISOString(),
      endsAt: new Date(Date.parse(item.slot.endsAt) + delta).toISOString(),
    };
  }
}
