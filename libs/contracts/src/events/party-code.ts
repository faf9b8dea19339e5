import countries from 'i18n-iso-countries';
import type { PartyKind } from './event-enums.js';

/** True for an ISO 3166-1 alpha-3 code of a real country, e.g. KAZ or AFG. */
export function isStateCode(code: unknown): code is string {
  return typeof code === 'string' && /^[A-Z]{3}$/.test(code) && countries.isValid(code);
}

/** The English short name of a state, e.g. KAZ → Kazakhstan. */
export function stateName(code: string): string | undefined {
  return countries.getName(code, 'en') ?? undefined;
}

/** A party is a state when it says so, or when it omits its kind and its code is an ISO alpha-3 code. */
export function partyKindOf(party: { code?: unknown; kind?: PartyKind }): PartyKind {
  return party.kind ?? (isStateCode(party.code) ? 'state' : 'organization');
}
