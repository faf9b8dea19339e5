import { HttpStatus } from '@nestjs/common';
import { mayActForParty, type Principal } from '@plenary/auth';
import { AppException } from '@plenary/http';

/** A party a person was designated to coordinate at a meeting (an active designation). */
export interface DesignatedParty {
  eventId: string;
  party: string;
}

/**
 * The active designations of each request's principal, loaded once per request before the
 * handler runs (DesignatedPartiesInterceptor) and forgotten with the request: nothing is
 * cached across requests, so a revocation takes effect on the very next one. Keyed by the
 * principal object the auth guard made for this request.
 */
const designatedParties = new WeakMap<Principal, readonly DesignatedParty[]>();

/** Whether the principal's email may count for designations: a coordinator's, verified by the identity provider. */
export function designationsApply(principal: Principal): boolean {
  return principal.role === 'coordinator' && principal.emailVerified === true && Boolean(principal.email);
}

/** Remembers, for this request, the parties the principal was designated for. */
export function rememberDesignatedParties(principal: Principal, parties: readonly DesignatedParty[]): void {
  designatedParties.set(principal, parties);
}

const isDesignated = (principal: Principal, eventId: string, party: string): boolean =>
  designationsApply(principal) &&
  (designatedParties.get(principal) ?? []).some((d) => d.eventId === eventId && d.party === party);

/**
 * Whether the principal may act for this party at this meeting: the secretariat; a coordinator
 * whose token is bound to that meeting and party (`npm run token`); or a coordinator signed in
 * with a verified email that the secretariat designated for that party at that meeting.
 */
export function mayActFor(actor: Principal, eventId: string, party: string): boolean {
  return mayActForParty(actor, eventId, party) || isDesignated(actor, eventId, party);
}

/**
 * The parties whose own records (withdrawn people included) the viewer sees at this meeting,
 * beyond what the public sees. A token-bound coordinator keeps their token's party, as before.
 */
export function partiesActedFor(viewer: Principal, eventId: string): string[] {
  if (viewer.role !== 'coordinator') return [];
  const parties = new Set<string>(viewer.party ? [viewer.party] : []);
  if (designationsApply(viewer)) {
    for (const d of designatedParties.get(viewer) ?? []) if (d.eventId === eventId) parties.add(d.party);
  }
  return [...parties];
}

/**
 * The parties the viewer may act for at this meeting (not the secretariat's "all"): for a
 * coordinator's own lists and exports, e.g. `partyCode: { $in: ownPartiesAt(viewer, eventId) }`.
 */
export function ownPartiesAt(viewer: Principal, eventId: string): string[] {
  return partiesActedFor(viewer, eventId).filter((party) => mayActFor(viewer, eventId, party));
}

/** Why the actor may not act for `party` (or, without one, for any party) at the meeting, in plain words. */
function refusal(actor: Principal, eventId: string, party?: string): string {
  const wanted = `${party ? `${party}'s delegation` : 'any delegation'} to meeting ${eventId}`;
  if (actor.role !== 'coordinator') return `This token may act for nothing here, not for ${wanted}.`;
  if (actor.eventId && actor.party) {
    return `This token may act for ${actor.party}'s delegation to meeting ${actor.eventId}, not for ${wanted}.`;
  }
  if (!actor.email) {
    return `Your sign-in carries no email address, so no coordinator designation can apply to it; you may not act for ${wanted}. Ask your identity provider's administrator to release your email.`;
  }
  if (actor.emailVerified !== true) {
    return `Your identity provider has not verified your email address (${actor.email}), so your coordinator designations do not apply yet; you may not act for ${wanted}. Verify your email with your identity provider, then sign in again.`;
  }
  const as = party ? `the coordinator of ${party}` : 'a coordinator of any party';
  return `You (${actor.email}) are not designated as ${as} at meeting ${eventId}, or the designation was revoked. Ask the meeting's secretariat to designate you.`;
}

/**
 * For a coordinator's own lists and exports of a meeting: the parties they act for there, or a
 * 403 that says why when there are none (e.g. reporting: `partyCode: { $in: ... }`).
 */
export function assertCoordinatesAt(viewer: Principal, eventId: string): string[] {
  const parties = ownPartiesAt(viewer, eventId);
  if (parties.length > 0) return parties;
  throw new AppException(HttpStatus.FORBIDDEN, 'NOT_YOUR_DELEGATION', refusal(viewer, eventId, viewer.party));
}

/** Anyone else gets a 403 that says why, before anything is read or changed. */
export function assertMayActFor(actor: Principal, eventId: string, party: string): void {
  if (mayActFor(actor, eventId, party)) return;
  throw new AppException(HttpStatus.FORBIDDEN, 'NOT_YOUR_DELEGATION', refusal(actor, eventId, party));
}

/** Whether the viewer may see this party's people's contact details and personal needs. */
export function maySeeDetails(viewer: Principal, eventId: string, party: string): boolean {
  return viewer.role !== 'observer' && mayActFor(viewer, eventId, party);
}
