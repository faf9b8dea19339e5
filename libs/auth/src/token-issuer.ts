import { SignJWT } from 'jose';
import type { Principal } from './principal.js';

export interface IssueTokenOptions {
  secret: string;
  issuer?: string;
  audience?: string;
  /** e.g. '8h', '30d' */
  expiresIn?: string;
}

/** Signs a local HS256 token (for development, the demo and tests; production uses an identity provider). */
export async function issueToken(principal: Principal, options: IssueTokenOptions): Promise<string> {
  const claims: Record<string, string> = { role: principal.role };
  if (principal.name) claims.name = principal.name;
  if (principal.eventId) claims.event_id = principal.eventId;
  if (principal.party) claims.party = principal.party;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(principal.subject)
    .setIssuer(options.issuer ?? 'plenary')
    .setAudience(options.audience ?? 'plenary')
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '8h')
    .sign(new TextEncoder().encode(options.secret));
}
