import { identityProviderAt, type IdentityProvider } from './local-stack.js';
import { infrastructureState } from './infrastructure.js';

export type { IdentityProvider };

/**
 * The identity provider of this test run (recorded by the global setup): the local stack's
 * Keycloak, or the one OIDC_ISSUER_URL names. Either serves the plenary realm
 * (infra/local/keycloak/plenary-realm.json) with the demo users of scripts/lib/demo-users.ts.
 */
export function identityProvider(): IdentityProvider {
  return identityProviderAt(infrastructureState().oidcIssuer);
}

/** What a service needs to accept the identity provider's tokens beside the tests' local ones. */
export function identityProviderEnv(defaultRole = 'coordinator'): Record<string, string> {
  const { issuer, jwksUrl } = identityProvider();
  return { AUTH_JWKS_URL: jwksUrl, AUTH_JWKS_ISSUER: issuer, AUTH_DEFAULT_ROLE: defaultRole };
}

export interface SignInOptions {
  username: string;
  password: string;
  clientId: string;
  clientSecret: string;
  /** where the provider sends the browser back (nothing needs to listen: the code is read from the redirect) */
  redirectUri: string;
  /** send a PKCE challenge (S256) with the authorization request; default true */
  pkce?: boolean;
  /** send the code_verifier with the code exchange; default true */
  sendVerifier?: boolean;
  uiLocales?: string;
}

export interface TokenResponse {
  access_token: string;
  refresh_token?: string;
  id_token?: string;
  expires_in: number;
}

/** A failed step of the sign-in, with what the provider answered. */
export class SignInError extends Error {
  constructor(
    readonly step: 'authorize' | 'login' | 'token',
    readonly status: number,
    readonly body: string,
  ) {
    super(`sign-in failed at ${step} (${status}): ${body.slice(0, 300)}`);
  }
}

/** Cookies as a browser would keep them for one host (enough for the provider's login form). */
class CookieJar {
  private readonly cookies = new Map<string, string>();
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

function base64url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url');
}

function htmlUnescape(text: string): string {
  return text
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

/**
 * The authorization code flow as a browser and the console's server would run it, in plain HTTP:
 * the authorization request (with a PKCE S256 challenge), the provider's login form posted with
 * the user's credentials, the code read from the redirect, and the code exchanged (confidential
 * client, with the code_verifier).
 */
export async function signInWithCode(options: SignInOptions): Promise<TokenResponse> {
  const { issuer } = identityProvider();
  const jar = new CookieJar();
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const challenge = base64url(
    new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))),
  );
  const state = base64url(crypto.getRandomValues(new Uint8Array(16)));

  const authorize = new URL(`${issuer}/protocol/openid-connect/auth`);
  authorize.search = new URLSearchParams({
    client_id: options.clientId,
    response_type: 'code',
    scope: 'openid profile email',
    redirect_uri: options.redirectUri,
    state,
    ...(options.pkce === false ? {} : { code_challenge: challenge, code_challenge_method: 'S256' }),
    ...(options.uiLocales ? { ui_locales: options.uiLocales } : {}),
  }).toString();
  const form = await fetch(authorize, { redirect: 'manual' });
  jar.take(form);
  const page = await form.text();
  const action = /<form[^>]*id="kc-form-login"[^>]*action="([^"]+)"/.exec(page)?.[1];
  // A refused request is sent back to the redirect URI with error and error_description.
  if (form.status !== 200 || !action) {
    throw new SignInError('authorize', form.status, form.headers.get('location') ?? page);
  }

  const login = await fetch(htmlUnescape(action), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header() },
    body: new URLSearchParams({ username: options.username, password: options.password, credentialId: '' }),
  });
  const location = login.headers.get('location');
  if (login.status !== 302 || !location?.startsWith(options.redirectUri)) {
    throw new SignInError('login', login.status, location ?? (await login.text()));
  }
  const back = new URL(location);
  if (back.searchParams.get('state') !== state)
    throw new SignInError('login', login.status, `state mismatch: ${location}`);
  const code = back.searchParams.get('code');
  if (!code) throw new SignInError('login', login.status, location);

  return tokenRequest(options, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: options.redirectUri,
    ...(options.sendVerifier === false ? {} : { code_verifier: verifier }),
  });
}

/** The token endpoint, authenticating as a confidential client (client_secret_basic). */
export async function tokenRequest(
  client: { clientId: string; clientSecret: string },
  form: Record<string, string>,
): Promise<TokenResponse> {
  const response = await fetch(`${identityProvider().issuer}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret)}`).toString('base64')}`,
    },
    body: new URLSearchParams(form),
  });
  const body = await response.text();
  if (!response.ok) throw new SignInError('token', response.status, body);
  return JSON.parse(body) as TokenResponse;
}
