import type { EventView } from '@plenary/contracts';
import type { EventRecord } from './schemas/event.schema.js';

/** The public shape of a stored meeting: the API response and the snapshot in every message. */
export function toEventView(record: Omit<EventRecord, 'outbox' | 'outboxPending'>): EventView {
  return {
    id: record._id,
    title: record.title,
    kind: record.kind,
    state: record.state,
    startsAt: record.startsAt.toISOString(),
    endsAt: record.endsAt.toISOString(),
    timeZone: record.timeZone,
    ...(record.venue
      ? {
          venue: {
            name: record.venue.name,
            ...(record.venue.address ? { address: record.venue.address } : {}),
            city: record.venue.city,
            country: record.venue.country,
          },
        }
      : {}),
    parties: record.parties.map((p) => ({ code: p.code, kind: p.kind, name: p.name, standing: p.standing })),
    version: record.version,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}
