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

/** The steps of a meeting's lifecycle, each a POST /events/:id/<action>. */
export const LIFECYCLE_ACTIONS = [
  'announce',
  'open-registration',
  'close-registration',
  'start',
  'conclude',
  'postpone',
  'cancel',
] as const;
export type LifecycleAction = (typeof LIFECYCLE_ACTIONS)[number];

/**
 * The states each step may be taken from: the events service refuses it from any other (409), and
 * the console offers only these. Postponing a draft is not a step: a draft simply gets new dates.
 */
export const LIFECYCLE_FROM: Record<LifecycleAction, readonly EventState[]> = {
  announce: ['draft'],
  'open-registration': ['announced'],
  'close-registration': ['registration-open'],
  start: ['announced', 'registration-closed'],
  conclude: ['in-session'],
  postpone: ['announced', 'registration-open', 'registration-closed'],
  cancel: ['draft', 'announced', 'registration-open', 'registration-closed', 'in-session'],
};
