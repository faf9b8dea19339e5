import type { Role } from '@plenary/auth';
import { SignJWT } from 'jose';
import { TEST_JWT_SECRET } from './tokens.js';

/**
 * A token as an identity provider issues it for a person who signed in: their role, and the
 * `email` and `email_verified` claims (OpenID Connect), but no meeting or party. Signed here
 * with jose (not libs/auth's issueToken) so tests can state any email claims they need.
 */
export function signedInToken(person: {
  subject: string;
  email?: string;
  emailVerified?: boolean;
  role?: Role;
  name?: string;
}): Promise<string> {
  const claims: Record<string, unknown> = { role: person.role ?? 'coordinator' };
  if (person.name) claims.name = person.name;
  if (person.email !== undefined) claims.email = person.email;
  if (person.emailVerified !== undefined) claims.email_verified = person.emailVerified;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(person.subject)
    .setIssuer('plenary')
    .setAudience('plenary')
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(TEST_JWT_SECRET));
}
