import { createHash, randomBytes } from 'node:crypto';
import type { CookieOptions } from 'express';

export const SESSION_COOKIE = 'plenary_session';
export const SIGN_IN_COOKIE = 'plenary_sign_in';

/** A new session's cookie value: 256 random bits. */
export function newSessionSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** The session document's id: the cookie value's hash (the store never holds the cookie). */
export function sessionIdOf(cookieValue: string): string {
  return createHash('sha256').update(cookieValue).digest('base64url');
}

/**
 * httpOnly (no script reads it), SameSite=Lax (sent on the identity provider's redirect back,
 * never on cross-site posts), Secure whenever the console is served over HTTPS.
 */
export function cookieOptions(secure: boolean, maxAgeMs?: number): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure, path: '/', ...(maxAgeMs ? { maxAge: maxAgeMs } : {}) };
}
