import { Injectable } from '@nestjs/common';
import * as oidc from 'openid-client';
import { ConsoleConfig } from '../console.config.js';
import { SignInErrorCode, SignInException } from './sign-in.exception.js';

export interface SignInStart {
  url: URL;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface IssuedTokens {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken?: string;
  idToken?: string;
}

/**
 * The console as an OpenID Connect client (openid-client): authorization code flow with PKCE
 * (S256), a confidential client, refresh and sign-out at the provider. The provider's metadata
 * is discovered on first use, so the console starts even while the provider is still starting.
 */
@Injectable()
export class OidcClient {
  private configuration?: Promise<oidc.Configuration>;

  constructor(private readonly config: ConsoleConfig) {}

  get redirectUri(): string {
    return new URL('/auth/callback', this.config.CONSOLE_PUBLIC_URL).toString();
  }

  async start(uiLocale?: string): Promise<SignInStart> {
    const configuration = await this.discovered();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri,
      scope: this.config.OIDC_SCOPES,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      ...(uiLocale ? { ui_locales: uiLocale } : {}),
    });
    return { url, state, nonce, codeVerifier };
  }

  async finish(callbackUrl: URL, expected: Omit<SignInStart, 'url'>): Promise<IssuedTokens> {
    const configuration = await this.discovered();
    try {
      const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: expected.codeVerifier,
        expectedState: expected.state,
        expectedNonce: expected.nonce,
        idTokenExpected: true,
      });
      return issued(tokens);
    } catch (error) {
      throw new SignInException(
        SignInErrorCode.SIGN_IN_FAILED,
        `The identity provider did not confirm the sign-in (${(error as Error).message}). Please sign in again.`,
      );
    }
  }

  async refresh(refreshToken: string): Promise<IssuedTokens> {
    const tokens = await oidc.refreshTokenGrant(await this.discovered(), refreshToken);
    return issued(tokens);
  }

  /** Where to send the browser to end the session at the provider too (undefined if it has none). */
  async signOutUrl(idToken?: string): Promise<URL | undefined> {
    const configuration = await this.discovered();
    if (!configuration.serverMetadata().end_session_endpoint) return undefined;
    return oidc.buildEndSessionUrl(configuration, {
      post_logout_redirect_uri: new URL('/', this.config.CONSOLE_PUBLIC_URL).toString(),
      client_id: this.config.OIDC_CLIENT_ID,
      ...(idToken ? { id_token_hint: idToken } : {}),
    });
  }

  private discovered(): Promise<oidc.Configuration> {
    this.configuration ??= this.discover().catch((error: unknown) => {
      this.configuration = undefined; // try again on the next sign-in
      throw new SignInException(
        SignInErrorCode.PROVIDER_UNAVAILABLE,
        `The identity provider does not answer (${(error as Error).message}); try again in a minute.`,
      );
    });
    return this.configuration;
  }

  private discover(): Promise<oidc.Configuration> {
    const issuer = new URL(this.config.OIDC_ISSUER_URL);
    return oidc.discovery(
      issuer,
      this.config.OIDC_CLIENT_ID,
      this.config.OIDC_CLIENT_SECRET,
      undefined,
      // A provider on http:// is accepted only on the loopback interface (local development).
      isLoopback(issuer) ? { execute: [oidc.allowInsecureRequests] } : undefined,
    );
  }
}

function isLoopback(url: URL): boolean {
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

function issued(tokens: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers): IssuedTokens {
  const expiresIn = tokens.expiresIn() ?? 300;
  return {
    accessToken: tokens.access_token,
    accessTokenExpiresAt: new Date(Date.now() + expiresIn * 1000),
    ...(tokens.refresh_token ? { refreshToken: tokens.refresh_token } : {}),
    ...(tokens.id_token ? { idToken: tokens.id_token } : {}),
  };
}
