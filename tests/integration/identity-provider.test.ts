import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TokenVerifier } from '@plenary/auth';
import { ServiceConfig } from '@plenary/config';
import type { CreateEventDto } from '@plenary/contracts';
import { decodeJwt } from 'jose';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEMO_USERS,
  demoUser,
  LOCAL_CONSOLE_CLIENT,
  LOCAL_SCRIPTS_CLIENT,
} from '../../scripts/lib/demo-users.js';
import { request } from '../support/http.js';
import {
  identityProvider,
  identityProviderEnv,
  SignInError,
  signInWithCode,
  tokenRequest,
} from '../support/identity.js';
import { ROOT } from '../support/local-stack.js';
import { type ServiceProcess, startApp, stopAllApps, testNamespace } from '../support/services.js';
import { TEST_JWT_SECRET, tokenFor } from '../support/tokens.js';

/** The services' verifier as the local stack configures it: local tokens and the realm's, side by side. */
function verifierFor(overrides: Partial<ServiceConfig> = {}): TokenVerifier {
  const { issuer, jwksUrl } = identityProvider();
  class Config extends ServiceConfig {
    readonly service = 'identity-test';
  }
  return new TokenVerifier(
    Object.assign(new Config(), {
      AUTH_JWT_SECRET: TEST_JWT_SECRET,
      AUTH_JWKS_URL: jwksUrl,
      AUTH_JWKS_ISSUER: issuer,
      AUTH_DEFAULT_ROLE: 'coordinator',
      ...overrides,
    }),
  );
}

/** A console's callback on some loopback port: the realm accepts any port there (RFC 8252). */
const CALLBACK = 'http://127.0.0.1:43117/auth/callback';

function signIn(username: string, extra: Partial<Parameters<typeof signInWithCode>[0]> = {}) {
  const user = demoUser(username);
  return signInWithCode({
    username: user.username,
    password: user.password,
    clientId: LOCAL_CONSOLE_CLIENT.clientId,
    clientSecret: LOCAL_CONSOLE_CLIENT.secret,
    redirectUri: CALLBACK,
    ...extra,
  });
}

async function refusedSignIn(promise: Promise<unknown>): Promise<SignInError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SignInError) return error;
    throw error;
  }
  throw new Error('expected the sign-in to be refused');
}

/**
 * The local identity provider (Keycloak, infra/local/keycloak/plenary-realm.json) against the
 * services' own token verification: a real authorization code flow with PKCE over HTTP, as the
 * console's server will run it.
 */
describe('the identity provider (Keycloak) and the services', () => {
  it('publishes the issuer the services expect', async () => {
    const { issuer, jwksUrl } = identityProvider();
    const discovery = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as Record<
      string,
      unknown
    >;
    expect(discovery.issuer).toBe(issuer);
    expect(issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/realms\/plenary$/);
    expect(discovery.jwks_uri).toBe(jwksUrl);
    expect(discovery.code_challenge_methods_supported).toContain('S256');
  });

  it('signs the secretariat in with PKCE; its access token verifies as the secretariat, with a verified email', async () => {
    const tokens = await signIn('secretariat');
    const claims = decodeJwt(tokens.access_token);
    expect([claims.aud].flat()).toContain('plenary');
    expect(claims.roles).toEqual(expect.arrayContaining(['secretariat']));
    expect(tokens.expires_in).toBe(300);
    expect(tokens.refresh_token).toBeDefined();
    await expect(verifierFor().verify(tokens.access_token)).resolves.toMatchObject({
      subject: claims.sub,
      role: 'secretariat',
      name: 'Amina Diallo',
      email: 'secretariat@plenary.test',
      emailVerified: true,
    });

    // refresh works (the console's server renews the 5-minute access token)
    const renewed = await tokenRequest(
      { clientId: LOCAL_CONSOLE_CLIENT.clientId, clientSecret: LOCAL_CONSOLE_CLIENT.secret },
      { grant_type: 'refresh_token', refresh_token: tokens.refresh_token! },
    );
    expect((await verifierFor().verify(renewed.access_token)).role).toBe('secretariat');
  });

  it('makes a person without a realm role a coordinator by the default role, acting by designation only', async () => {
    const tokens = await signIn('coordinator.kaz', { redirectUri: 'http://localhost:5173/auth/callback' });
    const principal = await verifierFor().verify(tokens.access_token);
    expect(principal).toMatchObject({
      role: 'coordinator',
      email: 'coordinator.kaz@plenary.test',
      emailVerified: true,
      name: 'Aigerim Seitkali',
    });
    expect(principal.eventId).toBeUndefined();
    expect(principal.party).toBeUndefined();
    // without a default role the same token is refused, saying why
    await expect(verifierFor({ AUTH_DEFAULT_ROLE: undefined }).verify(tokens.access_token)).rejects.toThrow(
      /none of Plenary's roles/,
    );
  });

  it('enforces PKCE: no challenge is refused, and a code exchanged without its verifier is refused', async () => {
    const noChallenge = await refusedSignIn(signIn('observer', { pkce: false }));
    expect(noChallenge.step).toBe('authorize');
    expect(noChallenge.body).toMatch(/^http:\/\/127\.0\.0\.1:43117\/auth\/callback\?error=invalid_request/);
    expect(noChallenge.body).toMatch(/code_challenge_method/);
    const noVerifier = await refusedSignIn(signIn('observer', { sendVerifier: false }));
    expect(noVerifier.step).toBe('token');
    expect(noVerifier.status).toBe(400);
    expect(noVerifier.body).toMatch(/invalid_grant/);
    expect(noVerifier.body).toMatch(/PKCE code verifier/);
  });

  it('sends people back to loopback callbacks only', async () => {
    const elsewhere = await refusedSignIn(
      signIn('observer', { redirectUri: 'http://plenary.example/auth/callback' }),
    );
    expect(elsewhere.step).toBe('authorize');
    expect(elsewhere.body).toMatch(/redirect_uri/);
    const otherPath = await refusedSignIn(
      signIn('observer', { redirectUri: 'http://127.0.0.1:43117/elsewhere' }),
    );
    expect(otherPath.body).toMatch(/redirect_uri/);
  });

  it("refuses the realm's token where another audience is expected, and a wrong password at the login form", async () => {
    const tokens = await signIn('observer');
    await expect(verifierFor().verify(tokens.access_token)).resolves.toMatchObject({ role: 'observer' });
    await expect(
      verifierFor({ AUTH_AUDIENCE: 'another-api' }).verify(tokens.access_token),
    ).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    const wrongPassword = await refusedSignIn(signIn('observer', { password: 'not-the-password' }));
    expect(wrongPassword.step).toBe('login');
  });

  it('shows the login page in the language the console asks for (ui_locales), Arabic right to left', async () => {
    const page = async (locale: string) => {
      const url = new URL(`${identityProvider().issuer}/protocol/openid-connect/auth`);
      url.search = new URLSearchParams({
        client_id: LOCAL_CONSOLE_CLIENT.clientId,
        response_type: 'code',
        scope: 'openid',
        redirect_uri: CALLBACK,
        code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
        code_challenge_method: 'S256',
        ui_locales: locale,
      }).toString();
      const response = await fetch(url);
      expect(response.status).toBe(200);
      return /<html[^>]*>/.exec(await response.text())?.[0] ?? '';
    };
    expect(await page('ar')).toMatch(/lang="ar"/);
    expect(await page('ar')).toMatch(/dir="rtl"/);
    expect(await page('ru')).toMatch(/lang="ru"/);
    expect(await page('zh-CN')).toMatch(/lang="zh-CN"/);
  });

  it('signs out back to a loopback page of the console only', async () => {
    const logout = async (idToken: string, to: string) => {
      const url = new URL(`${identityProvider().issuer}/protocol/openid-connect/logout`);
      url.search = new URLSearchParams({
        id_token_hint: idToken,
        post_logout_redirect_uri: to,
        client_id: LOCAL_CONSOLE_CLIENT.clientId,
      }).toString();
      return fetch(url, { redirect: 'manual' });
    };
    const elsewhere = await logout((await signIn('observer')).id_token!, 'http://plenary.example/signed-out');
    expect(elsewhere.status).toBe(400);
    const back = await logout((await signIn('observer')).id_token!, 'http://127.0.0.1:43117/signed-out');
    expect(back.status).toBe(302);
    expect(back.headers.get('location')).toBe('http://127.0.0.1:43117/signed-out');
  });

  it('gives scripts a secretariat token by client credentials', async () => {
    const tokens = await tokenRequest(
      { clientId: LOCAL_SCRIPTS_CLIENT.clientId, clientSecret: LOCAL_SCRIPTS_CLIENT.secret },
      { grant_type: 'client_credentials' },
    );
    expect((await verifierFor().verify(tokens.access_token)).role).toBe('secretariat');
  });

  it('has the demo users of scripts/lib/demo-users.ts, each with the role the services will see', async () => {
    const realm = JSON.parse(readFileSync(join(ROOT, 'infra/local/keycloak/plenary-realm.json'), 'utf8')) as {
      users: { username: string }[];
    };
    expect(realm.users.map((u) => u.username)).toEqual(
      expect.arrayContaining(DEMO_USERS.map((u) => u.username)),
    );
    for (const user of DEMO_USERS) {
      const principal = await verifierFor().verify((await signIn(user.username)).access_token);
      expect({ username: user.username, role: principal.role, email: principal.email }).toEqual({
        username: user.username,
        role: user.role,
        email: user.email,
      });
    }
  });
});

describe("a service accepting the identity provider's tokens", () => {
  const namespace = testNamespace('idp');
  let events: ServiceProcess;

  beforeAll(async () => {
    events = await startApp('events', { namespace, extra: identityProviderEnv('coordinator') });
  });
  afterAll(() => stopAllApps());

  const meeting = {
    title: 'Regional consultation on mixed movements',
    kind: 'expert-consultation',
    startsAt: '2031-05-04T08:00:00Z',
    endsAt: '2031-05-04T16:00:00Z',
    timeZone: 'Asia/Almaty',
    parties: [{ code: 'KAZ', standings: ['host'] }],
  } as CreateEventDto;

  it('lets the secretariat signed in at Keycloak read and create meetings, and refuses a write by the observer', async () => {
    const secretariat = (await signIn('secretariat')).access_token;
    expect((await request('GET', `${events.url}/events`, { token: secretariat })).status).toBe(200);
    expect(
      (await request('POST', `${events.url}/events`, { token: secretariat, body: meeting })).status,
    ).toBe(201);

    const observer = (await signIn('observer')).access_token;
    expect((await request('GET', `${events.url}/events`, { token: observer })).status).toBe(200);
    const refused = await request<{ code: string }>('POST', `${events.url}/events`, {
      token: observer,
      body: meeting,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('FORBIDDEN');
  });

  it('refuses a garbled token and keeps accepting local tokens beside the provider', async () => {
    const garbled = await request('GET', `${events.url}/events`, { token: 'garbage' });
    expect(garbled.status).toBe(401);
    const local = await tokenFor({ subject: 's', role: 'secretariat' });
    expect((await request('GET', `${events.url}/events`, { token: local })).status).toBe(200);
  });
});
