import { Injectable } from '@nestjs/common';
import { ServiceConfig } from '@plenary/config';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { AuthErrorCode, AuthException } from './auth.exception.js';
import { ROLES, type Principal, type Role } from './principal.js';

/** Only these algorithms are accepted; in particular never "none". */
const SECRET_ALGORITHMS = ['HS256'];
const JWKS_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'];

/**
 * Verifies bearer tokens: signature (a shared secret for local use, or an identity provider's
 * JWKS), expiry, issuer and audience, then reads Plenary's claims: role, and for a coordinator
 * the meeting (event_id) and party.
 */
@Injectable()
export class TokenVerifier {
  private readonly key: Uint8Array | JWTVerifyGetKey;
  private readonly algorithms: string[];

  constructor(private readonly config: ServiceConfig) {
    if (config.AUTH_JWKS_URL) {
      this.key = createRemoteJWKSet(new URL(config.AUTH_JWKS_URL));
      this.algorithms = JWKS_ALGORITHMS;
    } else {
      this.key = new TextEncoder().encode(config.AUTH_JWT_SECRET);
      this.algorithms = SECRET_ALGORITHMS;
    }
  }

  async verify(token: string): Promise<Principal> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.key as Uint8Array, {
        algorithms: this.algorithms,
        issuer: this.config.AUTH_ISSUER,
        audience: this.config.AUTH_AUDIENCE,
        requiredClaims: ['exp', 'sub'],
      }));
    } catch (error) {
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
    return principalFrom(payload);
  }
}

function principalFrom(payload: JWTPayload): Principal {
  const role = payload.role;
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) {
    throw new AuthException(
      AuthErrorCode.UNAUTHENTICATED,
      `The token's role must be one of ${ROLES.join(', ')}.`,
    );
  }
  const principal: Principal = { subject: payload.sub!, role: role as Role };
  if (typeof payload.name === 'string') principal.name = payload.name;
  if (role === 'coordinator') {
    if (typeof payload.event_id !== 'string' || typeof payload.party !== 'string') {
      throw new AuthException(
        AuthErrorCode.UNAUTHENTICATED,
        'A coordinator token must name its event_id and party.',
      );
    }
    principal.eventId = payload.event_id;
    principal.party = payload.party;
  }
  return principal;
}
