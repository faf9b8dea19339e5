import { Injectable } from '@nestjs/common';
import { ServiceConfig } from '@plenary/config';
import {
  createRemoteJWKSet,
  decodeProtectedHeader,
  errors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { AuthErrorCode, AuthException } from './auth.exception.js';
import { ROLES, type Principal, type Role } from './principal.js';

/** The local secret signs HS256 only; the identity provider's keys sign the rest. Never "none". */
const SECRET_ALGORITHMS = ['HS256'];
const JWKS_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'];

/** With several of Plenary's roles, the most privileged wins (ROLES is in that order). */
const ROLE_PRECEDENCE: readonly Role[] = ROLES;

/** An address, loosely: enough to tell an email from a user name like "jdoe". */
const LOOKS_LIKE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface ClaimPolicy {
  defaultRole?: Role;
  /** the email claim counts as verified without email_verified (a provider trusted to issue only its own addresses) */
  trustEmailClaim: boolean;
}

/**
 * Verifies bearer tokens: signature, expiry, issuer and audience, then reads Plenary's claims.
 * Two kinds are accepted side by side, told apart by the header's algorithm: local HS256 tokens
 * (AUTH_JWT_SECRET, AUTH_ISSUER: `npm run token`, scripts, tests) and the identity provider's
 * (AUTH_JWKS_URL, AUTH_JWKS_ISSUER: people signed in through the console). Both need AUTH_AUDIENCE.
 */
@Injectable()
export class TokenVerifier {
  private readonly secret?: Uint8Array;
  private readonly jwks?: JWTVerifyGetKey;

  constructor(private readonly config: ServiceConfig) {
    if (config.AUTH_JWT_SECRET) this.secret = new TextEncoder().encode(config.AUTH_JWT_SECRET);
    if (config.AUTH_JWKS_URL) this.jwks = createRemoteJWKSet(new URL(config.AUTH_JWKS_URL));
  }

  async verify(token: string): Promise<Principal> {
    const local = algorithmOf(token) === 'HS256';
    let payload: JWTPayload;
    try {
      payload = local ? await this.verifyLocal(token) : await this.verifyFromProvider(token);
    } catch (error) {
      if (error instanceof AuthException) throw error;
      if (error instanceof errors.JWTExpired) {
        throw new AuthException(
          AuthErrorCode.TOKEN_EXPIRED,
          'The bearer token has expired; ask for a new one.',
        );
      }
      throw new AuthException(
        AuthErrorCode.UNAUTHENTICATED,
        'The bearer token is not valid for this service.',
      );
    }
    return principalFrom(payload, {
      defaultRole: this.config.AUTH_DEFAULT_ROLE,
      // Local tokens come from whoever holds the secret: they state email_verified themselves.
      trustEmailClaim: !local && this.config.AUTH_TRUST_EMAIL_CLAIM,
    });
  }

  private async verifyLocal(token: string): Promise<JWTPayload> {
    if (!this.secret) throw notAccepted('local (HS256) tokens', 'AUTH_JWT_SECRET');
    const { payload } = await jwtVerify(token, this.secret, {
      algorithms: SECRET_ALGORITHMS,
      issuer: this.config.AUTH_ISSUER,
      audience: this.config.AUTH_AUDIENCE,
      requiredClaims: ['exp', 'sub'],
    });
    return payload;
  }

  private async verifyFromProvider(token: string): Promise<JWTPayload> {
    if (!this.jwks) throw notAccepted("an identity provider's tokens", 'AUTH_JWKS_URL');
    const { payload } = await jwtVerify(token, this.jwks, {
      algorithms: JWKS_ALGORITHMS,
      issuer: this.config.AUTH_JWKS_ISSUER ?? this.config.AUTH_ISSUER,
      audience: this.config.AUTH_AUDIENCE,
      requiredClaims: ['exp', 'sub'],
    });
    return payload;
  }
}

function algorithmOf(token: string): string | undefined {
  try {
    return decodeProtectedHeader(token).alg;
  } catch {
    throw new AuthException(AuthErrorCode.UNAUTHENTICATED, 'The bearer token is not a JWT.');
  }
}

function notAccepted(what: string, variable: string): AuthException {
  return new AuthException(
    AuthErrorCode.UNAUTHENTICATED,
    `This service does not accept ${what} (${variable} is not set).`,
  );
}

/** Plenary's role from a string claim `role` or an array claim `roles` (Entra ID app roles, Keycloak's realm roles). */
function roleFrom(payload: JWTPayload, defaultRole: Role | undefined): Role {
  const claimed = new Set<unknown>([payload.role, ...(Array.isArray(payload.roles) ? payload.roles : [])]);
  const role = ROLE_PRECEDENCE.find((r) => claimed.has(r)) ?? defaultRole;
  if (!role) {
    throw new AuthException(
      AuthErrorCode.UNAUTHENTICATED,
      `The token gives none of Plenary's roles (${ROLES.join(', ')}) in its role or roles claim; ` +
        "ask the identity provider's administrator to assign one.",
    );
  }
  return role;
}

/**
 * Entra ID sends no email_verified; its optional claim xms_edov ("email domain owner verified")
 * says whether the tenant verified the address's domain, as true or as "1" depending on the token.
 */
function entraDomainVerified(claim: unknown): boolean {
  return claim === true || claim === 1 || claim === '1' || claim === 'true';
}

function principalFrom(payload: JWTPayload, policy: ClaimPolicy): Principal {
  const role = roleFrom(payload, policy.defaultRole);
  const principal: Principal = { subject: payload.sub!, role };
  if (typeof payload.name === 'string') principal.name = payload.name;

  const emailClaim = typeof payload.email === 'string' ? payload.email.trim() : undefined;
  const username = typeof payload.preferred_username === 'string' ? payload.preferred_username.trim() : '';
  const email = emailClaim || (LOOKS_LIKE_EMAIL.test(username) ? username : undefined);
  if (email) {
    principal.email = email.toLowerCase();
    // Only the email claim can be verified; a user name that looks like an address is not.
    principal.emailVerified =
      Boolean(emailClaim) &&
      (payload.email_verified === true || entraDomainVerified(payload.xms_edov) || policy.trustEmailClaim);
  }

  if (role === 'coordinator') {
    // A person signed in through the identity provider acts by the secretariat's designation;
    // a token bound to one meeting and party (npm run token) still acts for that party only.
    const eventId = typeof payload.event_id === 'string' ? payload.event_id : undefined;
    const party = typeof payload.party === 'string' ? payload.party : undefined;
    if ((eventId === undefined) !== (party === undefined)) {
      throw new AuthException(
        AuthErrorCode.UNAUTHENTICATED,
        'A coordinator token names both its event_id and its party, or neither.',
      );
    }
    if (eventId && party) {
      principal.eventId = eventId;
      principal.party = party;
    }
  }
  return principal;
}
