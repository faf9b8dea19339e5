import { Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ConsoleConfig } from '../console.config.js';
import { ConsoleSessions } from '../sessions/console-sessions.service.js';
import { cookieOptions, SESSION_COOKIE, SIGN_IN_COOKIE } from '../sessions/session-cookie.js';
import { OidcClient } from './oidc-client.service.js';
import { SignInException } from './sign-in.exception.js';
import { openSignInState, safeReturnPath, sealSignInState } from './sign-in-state.js';

const SIGN_IN_COOKIE_MS = 10 * 60_000;
const UI_LOCALE = /^[a-z]{2}(-[A-Z]{2})?$/;

/** Sign-in and sign-out: the browser is sent to the provider and back; tokens never reach it. */
@ApiExcludeController()
@Controller('auth')
export class SignInController {
  constructor(
    private readonly oidc: OidcClient,
    private readonly sessions: ConsoleSessions,
    private readonly config: ConsoleConfig,
  ) {}

  @Get('sign-in')
  async signIn(
    @Query('returnTo') returnTo: unknown,
    @Query('lang') lang: unknown,
    @Res() response: Response,
  ): Promise<void> {
    const start = await this.oidc.start(typeof lang === 'string' && UI_LOCALE.test(lang) ? lang : undefined);
    const sealed = await sealSignInState(
      {
        state: start.state,
        nonce: start.nonce,
        codeVerifier: start.codeVerifier,
        returnTo: safeReturnPath(returnTo),
      },
      this.config.SESSION_SECRET,
    );
    response.cookie(SIGN_IN_COOKIE, sealed, cookieOptions(this.config.secureCookies, SIGN_IN_COOKIE_MS));
    response.redirect(303, start.url.toString());
  }

  @Get('callback')
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    const cookies = request.cookies as Record<string, string | undefined>;
    const expected = cookies[SIGN_IN_COOKIE]
      ? await openSignInState(cookies[SIGN_IN_COOKIE], this.config.SESSION_SECRET)
      : undefined;
    response.clearCookie(SIGN_IN_COOKIE, cookieOptions(this.config.secureCookies));
    if (!expected) {
      response.redirect(303, '/?signIn=expired');
      return;
    }
    const callbackUrl = new URL(request.originalUrl, this.config.CONSOLE_PUBLIC_URL);
    try {
      const tokens = await this.oidc.finish(callbackUrl, expected);
      const secret = await this.sessions.open(tokens);
      response.cookie(SESSION_COOKIE, secret, cookieOptions(this.config.secureCookies));
      response.redirect(303, expected.returnTo);
    } catch (error) {
      if (!(error instanceof SignInException)) throw error;
      response.redirect(303, `/?signIn=failed`);
    }
  }

  /** Who is signed in, for the page (never the tokens). */
  @Get('session')
  async session(@Req() request: Request) {
    const session = await this.sessions.find(sessionCookie(request));
    if (!session) return { signedIn: false };
    const { subject: _subject, ...person } = session.principal;
    return { signedIn: true, person };
  }

  /** Ends the console session and tells the page where to end the provider's session too. */
  @Post('sign-out')
  @HttpCode(200)
  async signOut(@Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const closed = await this.sessions.close(sessionCookie(request));
    response.clearCookie(SESSION_COOKIE, cookieOptions(this.config.secureCookies));
    const provider = closed ? await this.oidc.signOutUrl(closed.idToken).catch(() => undefined) : undefined;
    return { signedOut: true, ...(provider ? { providerSignOutUrl: provider.toString() } : {}) };
  }
}

export function sessionCookie(request: Request): string | undefined {
  return (request.cookies as Record<string, string | undefined> | undefined)?.[SESSION_COOKIE];
}
