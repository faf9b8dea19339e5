export const ROLES = ['secretariat', 'coordinator', 'observer'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who is calling, from a verified bearer token. A script's coordinator token may be bound to one
 * meeting and one party; a person signed in at the identity provider acts where the secretariat
 * designated their verified email (the participants service decides).
 */
export interface Principal {
  subject: string;
  role: Role;
  name?: string;
  /** coordinator only: the meeting the token is for */
  eventId?: string;
  /** coordinator only: the party (e.g. KAZ) they coordinate */
  party?: string;
  /** the person's email as the identity provider states it (lower-cased) */
  email?: string;
  /** true only when the identity provider says it verified the email */
  emailVerified?: boolean;
}

/** True when the principal may act for this party at this meeting: the secretariat, or its own coordinator. */
export function mayActForParty(principal: Principal, eventId: string, party: string): boolean {
  if (principal.role === 'secretariat') return true;
  return principal.role === 'coordinator' && principal.eventId === eventId && principal.party === party;
}
