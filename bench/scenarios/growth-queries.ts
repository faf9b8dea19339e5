import type { Db } from 'mongodb';
import { DEFAULT_PAGE_SIZE } from '@plenary/contracts';

/** What scenario 4 measures at each size: the secretariat's participants page as the console asks for it. */
export const GROWTH_ENDPOINTS = ['list', 'listOfParty', 'search', 'summary'] as const;
export type GrowthEndpoint = (typeof GROWTH_ENDPOINTS)[number];

/** The party whose list is measured, and the beginning of a name searched for (about 1 in 1,000 family names). */
export const MEASURED_PARTY = 'ORG002';
export const SEARCHED = 'kam';

export interface GrowthQuery {
  label: string;
  /** The label of its columns in the growth table. */
  column: string;
  /** The request to the participants service. */
  path(eventId: string): string;
  /** The same query (filter, sort, limit, projection) with the native driver, as the service sends it to the store. */
  bare(db: Db, eventId: string): Promise<unknown>;
}

const page = `sort=name&limit=${DEFAULT_PAGE_SIZE}`;
// As the participants service sends them (participant-list-order.ts, participant.schema.ts):
// the bench may not import an app's code.
const BY_NAME = { sortName: 1, partyCode: 1, _id: 1 } as const;
const WITHOUT_OUTBOX = { outbox: 0, outboxPending: 0 } as const;

/** ParticipantsService.list for the secretariat: confirmed participants, a page and one more (is there a next page?). */
const listQuery = (db: Db, filter: object) =>
  db
    .collection('participants')
    .find(filter, { projection: WITHOUT_OUTBOX, sort: BY_NAME, limit: DEFAULT_PAGE_SIZE + 1 })
    .toArray();

export const GROWTH_QUERIES: Record<GrowthEndpoint, GrowthQuery> = {
  list: {
    label: `List, first page of ${DEFAULT_PAGE_SIZE} by name`,
    column: 'List',
    path: (eventId) => `/events/${eventId}/participants?${page}`,
    bare: (db, eventId) => listQuery(db, { eventId, confirmed: true }),
  },
  listOfParty: {
    label: `List of one party (${MEASURED_PARTY}), first page by name`,
    column: 'One party',
    path: (eventId) => `/events/${eventId}/participants?party=${MEASURED_PARTY}&${page}`,
    bare: (db, eventId) => listQuery(db, { eventId, confirmed: true, partyCode: MEASURED_PARTY }),
  },
  search: {
    label: `Name search (q=${SEARCHED}), first page by name`,
    column: 'Search',
    path: (eventId) => `/events/${eventId}/participants?q=${SEARCHED}&${page}`,
    // One word of letters only: the service's folding and escaping leave it as it is.
    bare: (db, eventId) =>
      listQuery(db, { eventId, confirmed: true, $and: [{ searchNames: { $regex: `^${SEARCHED}` } }] }),
  },
  summary: {
    label: 'Summary',
    column: 'Summary',
    path: (eventId) => `/events/${eventId}/participants/summary`,
    // ParticipantSummaryService.summary: the meeting's summary, kept from the participant
    // messages (participant_summaries), and the meeting's copy without its parties (for the
    // time zone): two lookups by _id.
    bare: (db, eventId) =>
      Promise.all([
        db.collection('participant_summaries').findOne({ _id: eventId as never }),
        db.collection('event_copies').findOne({ _id: eventId as never }, { projection: { parties: 0 } }),
      ]),
  },
};
