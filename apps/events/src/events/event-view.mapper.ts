import type { EventView } from '@plenary/contracts';
import type { EventRecord } from './schemas/event.schema.js';

export type StoredEvent = Omit<EventRecord, 'outbox' | 'outboxPending' | 'history' | 'historyId'>;

const iso = (date: Date) => date.toISOString();
const date = (text: string) => new Date(text);

/** Copies only the keys whose value is set, so that views carry no undefined or null fields. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as T;
}

/**
 * The public shape of a stored meeting: the API response, the snapshot in every message and
 * in every history entry. The events service also works on this shape when it changes a
 * meeting, so that what is checked, diffed and published is the same thing.
 */
export function toEventView(record: StoredEvent): EventView {
  return defined({
    id: record._id,
    title: record.title,
    kind: record.kind,
    state: record.state,
    process: record.process
      ? defined({ name: record.process.name, acronym: record.process.acronym })
      : undefined,
    description: record.description,
    languages: [...(record.languages ?? [])],
    startsAt: iso(record.startsAt),
    endsAt: iso(record.endsAt),
    timeZone: record.timeZone,
    venue: record.venue
      ? defined({
          name: record.venue.name,
          address: record.venue.address,
          city: record.venue.city,
          country: record.venue.country,
        })
      : undefined,
    hostParty: record.hostParty,
    chairParty: record.chairParty,
    parties: record.parties.map((p) => ({
      code: p.code,
      kind: p.kind,
      name: p.name,
      standings: [...p.standings],
    })),
    agenda: (record.agenda ?? []).map((item) =>
      defined({
        id: item.id,
        title: item.title,
        description: item.description,
        slot: item.slot ? { startsAt: iso(item.slot.startsAt), endsAt: iso(item.slot.endsAt) } : undefined,
        presenters: (item.presenters ?? []).map((p) =>
          defined({ name: p.name, position: p.position, party: p.party }),
        ),
        documents: (item.documents ?? []).map((d) => ({ title: d.title, url: d.url })),
      }),
    ),
    registration: record.registration
      ? {
          opensAt: iso(record.registration.opensAt),
          closesAt: iso(record.registration.closesAt),
          quotaPerDelegation: record.registration.quotaPerDelegation,
        }
      : undefined,
    stateReason: record.stateReason,
    version: record.version,
    createdAt: iso(record.createdAt),
    updatedAt: iso(record.updatedAt),
  });
}

/** The stored fields of a meeting from its view (all but id, version and bookkeeping). */
export function toRecordFields(event: EventView) {
  return {
    title: event.title,
    kind: event.kind,
    state: event.state,
    process: event.process,
    description: event.description,
    languages: event.languages,
    startsAt: date(event.startsAt),
    endsAt: date(event.endsAt),
    timeZone: event.timeZone,
    venue: event.venue,
    hostParty: event.hostParty,
    chairParty: event.chairParty,
    parties: event.parties,
    agenda: event.agenda.map((item) => ({
      ...item,
      slot: item.slot ? { startsAt: date(item.slot.startsAt), endsAt: date(item.slot.endsAt) } : undefined,
    })),
    registration: event.registration
      ? {
          opensAt: date(event.registration.opensAt),
          closesAt: date(event.registration.closesAt),
          quotaPerDelegation: event.registration.quotaPerDelegation,
        }
      : undefined,
    stateReason: event.stateReason,
    updatedAt: date(event.updatedAt),
  };
}
