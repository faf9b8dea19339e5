import type { EventKind, PartyKind, PartyStanding } from '@libs/contracts/src/events/event-enums';
import type { EventView } from '@libs/contracts/src/events/event.view';
import { isoToZoned, zonedToIso } from './zoned-time';

export interface PartyDraft {
  code: string;
  kind: PartyKind;
  /** an organisation's name; a state's comes from ISO 3166 */
  name: string;
  standings: PartyStanding[];
}

/** The meeting as its form holds it: text as typed, times as wall-clock times in timeZone. */
export interface MeetingDraft {
  title: string;
  kind: EventKind | '';
  processName: string;
  processAcronym: string;
  description: string;
  languages: string[];
  startsAt: string;
  endsAt: string;
  timeZone: string;
  venueName: string;
  venueAddress: string;
  venueCity: string;
  venueCountry: string;
  hostParty: string;
  chairParty: string;
  parties: PartyDraft[];
  registrationOpensAt: string;
  registrationClosesAt: string;
  quota: string;
}

export const EMPTY_DRAFT: MeetingDraft = {
  title: '',
  kind: 'meeting',
  processName: '',
  processAcronym: '',
  description: '',
  languages: [],
  startsAt: '',
  endsAt: '',
  timeZone: 'UTC',
  venueName: '',
  venueAddress: '',
  venueCity: '',
  venueCountry: '',
  hostParty: '',
  chairParty: '',
  parties: [],
  registrationOpensAt: '',
  registrationClosesAt: '',
  quota: '',
};

export function draftOf(event: EventView): MeetingDraft {
  const zone = event.timeZone;
  return {
    title: event.title,
    kind: event.kind,
    processName: event.process?.name ?? '',
    processAcronym: event.process?.acronym ?? '',
    description: event.description ?? '',
    languages: [...event.languages],
    startsAt: isoToZoned(event.startsAt, zone),
    endsAt: isoToZoned(event.endsAt, zone),
    timeZone: zone,
    venueName: event.venue?.name ?? '',
    venueAddress: event.venue?.address ?? '',
    venueCity: event.venue?.city ?? '',
    venueCountry: event.venue?.country ?? '',
    hostParty: event.hostParty ?? '',
    chairParty: event.chairParty ?? '',
    parties: event.parties.map((p) => ({
      code: p.code,
      kind: p.kind,
      name: p.kind === 'organization' ? p.name : '',
      standings: [...p.standings],
    })),
    registrationOpensAt: isoToZoned(event.registration?.opensAt, zone),
    registrationClosesAt: isoToZoned(event.registration?.closesAt, zone),
    quota: event.registration ? String(event.registration.quotaPerDelegation) : '',
  };
}

const filled = (...values: string[]) => values.some((v) => v.trim() !== '');
const text = (value: string) => (value.trim() === '' ? undefined : value.trim());

/**
 * The body of POST /events (less its agenda) from the form: optional groups left empty are left
 * out, numbers typed as digits become numbers, anything else is sent as typed for the contract
 * to refuse at its field.
 */
export function bodyOf(draft: MeetingDraft): Record<string, unknown> {
  const zone = draft.timeZone;
  const body: Record<string, unknown> = {
    title: draft.title.trim(),
    kind: draft.kind,
    languages: [...draft.languages],
    startsAt: zonedToIso(draft.startsAt, zone),
    endsAt: zonedToIso(draft.endsAt, zone),
    timeZone: zone,
    parties: draft.parties.map((p) =>
      p.kind === 'state'
        ? { code: p.code, kind: 'state', standings: [...p.standings] }
        : { code: p.code.trim(), kind: 'organization', name: p.name.trim(), standings: [...p.standings] },
    ),
  };
  if (filled(draft.processName, draft.processAcronym)) {
    body.process = { name: draft.processName.trim(), acronym: text(draft.processAcronym) };
  }
  if (text(draft.description)) body.description = draft.description.trim();
  if (filled(draft.venueName, draft.venueAddress, draft.venueCity, draft.venueCountry)) {
    body.venue = {
      name: draft.venueName.trim(),
      address: text(draft.venueAddress),
      city: draft.venueCity.trim(),
      country: draft.venueCountry,
    };
  }
  if (draft.hostParty) body.hostParty = draft.hostParty;
  if (draft.chairParty) body.chairParty = draft.chairParty;
  if (filled(draft.registrationOpensAt, draft.registrationClosesAt, draft.quota)) {
    const quota = draft.quota.trim();
    body.registration = {
      opensAt: zonedToIso(draft.registrationOpensAt, zone),
      closesAt: zonedToIso(draft.registrationClosesAt, zone),
      quotaPerDelegation: /^\d+$/.test(quota) ? Number(quota) : quota,
    };
  }
  return JSON.parse(JSON.stringify(body)) as Record<string, unknown>;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The PATCH that turns `before` into `after`: only the fields that changed; an optional field
 * emptied is sent as null (the API removes it). Times compare as instants, so the same time
 * written with another offset is no change.
 */
export function patchOf(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (sameValue(key, before[key], after[key])) continue;
    patch[key] = after[key] === undefined ? null : after[key];
  }
  return patch;
}

function sameValue(key: string, a: unknown, b: unknown): boolean {
  if ((key === 'startsAt' || key === 'endsAt') && typeof a === 'string' && typeof b === 'string') {
    return Date.parse(a) === Date.parse(b);
  }
  if (key === 'registration' && a && b) {
    const [x, y] = [a as Record<string, unknown>, b as Record<string, unknown>];
    return (
      sameValue('startsAt', x.opensAt, y.opensAt) &&
      sameValue('startsAt', x.closesAt, y.closesAt) &&
      x.quotaPerDelegation === y.quotaPerDelegation
    );
  }
  return same(a, b);
}

/** The form's fields, by the API's top-level field, for messages and the conflict view. */
export const TOP_LEVEL_FIELDS = [
  'title',
  'kind',
  'process',
  'description',
  'languages',
  'startsAt',
  'endsAt',
  'timeZone',
  'venue',
  'hostParty',
  'chairParty',
  'parties',
  'registration',
] as const;
export type TopLevelField = (typeof TOP_LEVEL_FIELDS)[number];
