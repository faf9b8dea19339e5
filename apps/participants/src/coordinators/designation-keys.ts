/** Emails compared as identity providers state them: trimmed, lower-cased. */
export const normalEmail = (email: string): string => email.trim().toLowerCase();

/** The unique key of an active designation (see CoordinatorDesignation.activeKey). */
export const activeKeyOf = (eventId: string, party: string, email: string): string =>
  `${eventId}|${party}|${normalEmail(email)}`;

/** What a revoked designation's key becomes: unique, and never equal to an active key. */
export const revokedKeyOf = (id: string): string => `revoked:${id}`;
