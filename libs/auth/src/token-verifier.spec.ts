import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ServiceConfig } from '@plenary/config';
import { exportJWK, exportSPKI, generateKeyPair, type JWTPayload, SignJWT, UnsecuredJWT } from 'jose';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuthException } from './auth.exception.js';
import type { Role } from './principal.js';
import { issueToken } from './token-issuer.js';
import { TokenVerifier } from './token-verifier.js';

const SECRET = 'the-local-secret-of-at-least-32-chars';
const PROVIDER = 'http://127.0.0.1/realms/plenary';

class TestConfig extends ServiceConfig {
  readonly service = 'test';
  override AUTH_JWT_SECRET?: string = SECRET;
}

const verifier = new TokenVerifier(new TestConfig());

async function refusal(token: string, by: TokenVerifier = verifier): Promise<AuthException> {
  try {
    await by.verify(token);
  } catch (error) {
    return error as AuthException;
  }
  throw new Error('expected the token to be refused');
}

describe('TokenVerifier, local tokens (HS256)', () => {
  it('reads a secretariat token', async () => {
    const token = await issueToken(
      { subject: 's-1', role: 'secretariat', name: 'Desk officer' },
      { secret: SECRET },
    );
    await expect(verifier.verify(token)).resolves.toEqual({
      subject: 's-1',
      role: 'secretariat',
      name: 'Desk officer',
    });
  });

  it("reads a coordinator token's meeting and party", async () => {
    const token = await issueToken(
      { subject: 'c-1', role: 'coordinator', eventId: 'e-1', party: 'KAZ' },
      { secret: SECRET },
    );
    await expect(verifier.verify(token)).resolves.toMatchObject({
      role: 'coordinator',
      eventId: 'e-1',
      party: 'KAZ',
    });
  });

  it('accepts a coordinator without meeting and party (they act by designation), not with one of the two', async () => {
    const designated = await issueToken({ subject: 'c', role: 'coordinator' }, { secret: SECRET });
    await expect(verifier.verify(designated)).resolves.toEqual({ subject: 'c', role: 'coordinator' });
    const half = await issueToken({ subject: 'c', role: 'coordinator', eventId: 'e-1' }, { secret: SECRET });
    expect((await refusal(half)).message).toMatch(/both its event_id and its party, or neither/);
  });

  it('refuses an expired token with its own code', async () => {
    const token = await new SignJWT({ role: 'observer' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('o-1')
      .setIssuer('plenary')
      .setAudience('plenary')
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(new TextEncoder().encode(SECRET));
    expect((await refusal(token)).code).toBe('TOKEN_EXPIRED');
  });

  it('refuses a token signed with another key', async () => {
    const token = await issueToken(
      { subject: 's-1', role: 'secretariat' },
      { secret: 'another-secret-of-at-least-32-chars!!' },
    );
    expect((await refusal(token)).code).toBe('UNAUTHENTICATED');
  });

  it('refuses an unsigned token (alg: none)', async () => {
    const token = new UnsecuredJWT({ role: 'secretariat' })
      .setSubject('s-1')
      .setIssuer('plenary')
      .setAudience('plenary')
      .setExpirationTime('1h')
      .encode();
    expect((await refusal(token)).getStatus()).toBe(401);
  });

  it('refuses a token for another audience', async () => {
    const token = await issueToken(
      { subject: 's-1', role: 'secretariat' },
      { secret: SECRET, audience: 'other-app' },
    );
    expect((await refusal(token)).code).toBe('UNAUTHENTICATED');
  });

  it("refuses a token with none of Plenary's roles, unless a default role is configured", async () => {
    const chair = await new SignJWT({ role: 'chair' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setIssuer('plenary')
      .setAudience('plenary')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(SECRET));
    const refused = await refusal(chair);
    expect(refused.getStatus()).toBe(401);
    expect(refused.message).toMatch(/none of Plenary's roles \(secretariat, coordinator, observer\)/);
    const config = Object.assign(new TestConfig(), { AUTH_DEFAULT_ROLE: 'coordinator' as Role });
    await expect(new TokenVerifier(config).verify(chair)).resolves.toEqual({
      subject: 'x',
      role: 'coordinator',
    });
  });

  it('refuses a garbled token as not a JWT', async () => {
    expect((await refusal('not.a-token')).message).toMatch(/not a JWT/);
  });
});

describe("TokenVerifier, an identity provider's tokens (JWKS)", () => {
  let server: Server;
  let jwksUrl: string;
  let keys: Awaited<ReturnType<typeof generateKeyPair>>;
  let both: TokenVerifier;

  beforeAll(async () => {
    keys = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    server = createServer((_request, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/certs`;
    both = new TokenVerifier(providerConfig());
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  function providerConfig(extra: Partial<TestConfig> = {}): TestConfig {
    return Object.assign(new TestConfig(), {
      AUTH_JWKS_URL: jwksUrl,
      AUTH_JWKS_ISSUER: PROVIDER,
      ...extra,
    });
  }

  function providerToken(
    claims: JWTPayload,
    options: { issuer?: string; audience?: string | string[] } = {},
  ) {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setSubject('0b5c-user')
      .setIssuer(options.issuer ?? PROVIDER)
      .setAudience(options.audience ?? ['plenary', 'account'])
      .setExpirationTime('5m')
      .sign(keys.privateKey);
  }

  it("reads the most privileged of Plenary's roles from the roles claim, ignoring the others", async () => {
    const token = await providerToken({
      roles: ['default-roles-plenary', 'offline_access', 'observer', 'secretariat'],
      name: 'Amina Diallo',
      email: 'Secretariat@Plenary.TEST',
      email_verified: true,
    });
    await expect(both.verify(token)).resolves.toEqual({
      subject: '0b5c-user',
      role: 'secretariat',
      name: 'Amina Diallo',
      email: 'secretariat@plenary.test',
      emailVerified: true,
    });
    const coordinatorAndObserver = await providerToken({ roles: ['observer', 'coordinator'] });
    expect((await both.verify(coordinatorAndObserver)).role).toBe('coordinator');
  });

  it('gives a person without a role the default role, as a coordinator acting by designation', async () => {
    const token = await providerToken({
      roles: ['offline_access'],
      email: 'a@b.example',
      email_verified: true,
    });
    const withDefault = new TokenVerifier(providerConfig({ AUTH_DEFAULT_ROLE: 'coordinator' }));
    const principal = await withDefault.verify(token);
    expect(principal).toMatchObject({ role: 'coordinator', emailVerified: true });
    expect(principal.eventId).toBeUndefined();
    expect((await refusal(token, both)).message).toMatch(/none of Plenary's roles/);
  });

  it('keeps local tokens working beside the identity provider', async () => {
    const local = await issueToken({ subject: 's-1', role: 'secretariat' }, { secret: SECRET });
    await expect(both.verify(local)).resolves.toMatchObject({ role: 'secretariat' });
  });

  it("checks the provider's issuer and the audience", async () => {
    const localIssuer = await providerToken({ roles: ['secretariat'] }, { issuer: 'plenary' });
    expect((await refusal(localIssuer, both)).code).toBe('UNAUTHENTICATED');
    const otherAudience = await providerToken({ roles: ['secretariat'] }, { audience: 'account' });
    expect((await refusal(otherAudience, both)).code).toBe('UNAUTHENTICATED');
  });

  it('refuses an HS256 token made with the public key as its secret (algorithm confusion)', async () => {
    const pem = await exportSPKI(keys.publicKey);
    const forged = await new SignJWT({ roles: ['secretariat'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setIssuer(PROVIDER)
      .setAudience('plenary')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(pem));
    expect((await refusal(forged, both)).code).toBe('UNAUTHENTICATED');
  });

  it('refuses what it is not configured for, and names the setting', async () => {
    const providerOnly = new TokenVerifier(providerConfig({ AUTH_JWT_SECRET: undefined }));
    const local = await issueToken({ subject: 's-1', role: 'secretariat' }, { secret: SECRET });
    expect((await refusal(local, providerOnly)).message).toMatch(/AUTH_JWT_SECRET is not set/);
    const fromProvider = await providerToken({ roles: ['secretariat'] });
    expect((await refusal(fromProvider, verifier)).message).toMatch(/AUTH_JWKS_URL is not set/);
  });

  it('counts an email as verified only when the provider says so, or when it is trusted to', async () => {
    const unverified = await providerToken({ roles: ['observer'], email: 'o@x.example' });
    expect(await both.verify(unverified)).toMatchObject({ email: 'o@x.example', emailVerified: false });
    const byUsername = await providerToken({ roles: ['observer'], preferred_username: 'Jo@X.example' });
    expect(await both.verify(byUsername)).toMatchObject({ email: 'jo@x.example', emailVerified: false });
    const notAnEmail = await providerToken({ roles: ['observer'], preferred_username: 'jdoe' });
    expect((await both.verify(notAnEmail)).email).toBeUndefined();
    const entraVerifiedDomain = await providerToken({
      roles: ['observer'],
      email: 'o@x.example',
      xms_edov: true,
    });
    expect((await both.verify(entraVerifiedDomain)).emailVerified).toBe(true);
    const asString = await providerToken({ roles: ['observer'], email: 'o@x.example', xms_edov: '1' });
    expect((await both.verify(asString)).emailVerified).toBe(true);
    const notVerified = await providerToken({ roles: ['observer'], email: 'o@x.example', xms_edov: false });
    expect((await both.verify(notVerified)).emailVerified).toBe(false);
    const trusting = new TokenVerifier(providerConfig({ AUTH_TRUST_EMAIL_CLAIM: true }));
    expect((await trusting.verify(unverified)).emailVerified).toBe(true);
    expect((await trusting.verify(byUsername)).emailVerified).toBe(false);
  });

  it('does not extend that trust to local tokens', async () => {
    const trusting = new TokenVerifier(providerConfig({ AUTH_TRUST_EMAIL_CLAIM: true }));
    const local = await new SignJWT({ role: 'observer', email: 'o@x.example' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('o')
      .setIssuer('plenary')
      .setAudience('plenary')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(SECRET));
    expect((await trusting.verify(local)).emailVerified).toBe(false);
  });
});
