export const EVENT_KINDS = [
  'meeting',
  'conference',
  'ministerial-conference',
  'working-group',
  'expert-consultation',
  'seminar',
  'workshop',
  'summit',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/**
 * The lifecycle of a meeting: draft → announced → registration-open → registration-closed →
 * in-session → concluded; cancelled from any state before concluded; postponed (new dates) back
 * to announced. The events service enforces the transitions.
 */
export const EVENT_STATES = [
  'draft',
  'announced',
  'registration-open',
  'registration-closed',
  'in-session',
  'concluded',
  'cancelled',
] as const;
export type EventState = (typeof EVENT_STATES)[number];

/** How a party takes part in one meeting; a party may hold several (Kazakhstan: member, initiator, host, chair). */
export const PARTY_STANDINGS = ['member', 'observer', 'guest', 'initiator', 'host', 'chair'] as const;
export type PartyStanding = (typeof PARTY_STANDINGS)[number];

/** A member state (ISO 3166-1 alpha-3 code) or an organisation (acronym). */
export const PARTY_KINDS = ['state', 'organization'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];
