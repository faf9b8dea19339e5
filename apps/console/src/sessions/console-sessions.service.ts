import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { TokenVerifier, type Principal } from '@plenary/auth';
import { LOGGER, type Logger } from '@plenary/observability';
import { Inject } from '@nestjs/common';
import type { Model } from 'mongoose';
import { ConsoleConfig } from '../console.config.js';
import type { IssuedTokens } from '../sign-in/oidc-client.service.js';
import { OidcClient } from '../sign-in/oidc-client.service.js';
import { SignInErrorCode, SignInException } from '../sign-in/sign-in.exception.js';
import { newSessionSecret, sessionIdOf } from './session-cookie.js';
import { Session } from './session.schema.js';
import { SessionWriter } from './session-writer.service.js';

/** A token is refreshed this long before it expires, so a forwarded call never carries a dying one. */
const REFRESH_MARGIN_MS = 30_000;
const SWEEP_INTERVAL_MS = 10 * 60_000;

export interface ActiveSession {
  id: string;
  principal: Principal;
  accessToken: string;
  idToken?: string;
}

/**
 * Sessions of people signed in to the console: opened from the provider's tokens (whose
 * principal the services' own TokenVerifier reads), found by cookie, refreshed before the access
 * token expires, closed on sign-out or when idle or too old.
 */
@Injectable()
export class ConsoleSessions implements OnModuleInit, OnModuleDestroy {
  private sweeper?: NodeJS.Timeout;

  constructor(
    @InjectModel(Session.name) private readonly sessions: Model<Session>,
    private readonly writer: SessionWriter,
    private readonly verifier: TokenVerifier,
    private readonly oidc: OidcClient,
    private readonly config: ConsoleConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    this.sweeper = setInterval(() => {
      this.writer.removeExpired(new Date()).catch((error: unknown) => {
        this.logger.warn({ err: error }, 'could not remove expired console sessions');
      });
    }, SWEEP_INTERVAL_MS);
    this.sweeper.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }

  /** Opens a session for freshly issued tokens; returns the cookie value. */
  async open(tokens: IssuedTokens): Promise<string> {
    const principal = await this.verifier.verify(tokens.accessToken);
    const now = new Date();
    const secret = newSessionSecret();
    const absoluteExpiresAt = new Date(now.getTime() + this.config.SESSION_MAX_HOURS * 3_600_000);
    await this.writer.create({
      _id: sessionIdOf(secret),
      subject: principal.subject,
      role: principal.role,
      ...(principal.name ? { name: principal.name } : {}),
      ...(principal.email ? { email: principal.email } : {}),
      emailVerified: principal.emailVerified === true,
      ...tokens,
      createdAt: now,
      expiresAt: this.idleLimit(now, absoluteExpiresAt),
      absoluteExpiresAt,
    });
    return secret;
  }

  /** The session behind a cookie, with a live access token; throws 401 when there is none. */
  async require(cookieValue: string | undefined): Promise<ActiveSession> {
    if (!cookieValue) {
      throw new SignInException(SignInErrorCode.NOT_SIGNED_IN, 'Please sign in.');
    }
    const id = sessionIdOf(cookieValue);
    const session = await this.sessions.findById(id).lean<Session>().exec();
    const now = new Date();
    if (!session || session.expiresAt <= now) {
      if (session) await this.writer.remove(id);
      throw new SignInException(
        SignInErrorCode.SESSION_EXPIRED,
        'Your session has ended; please sign in again.',
      );
    }
    const tokens = await this.liveTokens(session, now);
    await this.writer.touch(id, now, this.idleLimit(now, session.absoluteExpiresAt));
    const principal: Principal = {
      subject: session.subject,
      role: session.role,
      ...(session.name ? { name: session.name } : {}),
      ...(session.email ? { email: session.email } : {}),
      emailVerified: session.emailVerified,
    };
    return {
      id,
      principal,
      accessToken: tokens.accessToken,
      ...(tokens.idToken ? { idToken: tokens.idToken } : {}),
    };
  }

  /** The session, or undefined when the cookie leads nowhere (for the page's "who am I"). */
  async find(cookieValue: string | undefined): Promise<ActiveSession | undefined> {
    try {
      return await this.require(cookieValue);
    } catch (error) {
      if (error instanceof SignInException) return undefined;
      throw error;
    }
  }

  async close(cookieValue: string | undefined): Promise<Session | undefined> {
    if (!cookieValue) return undefined;
    const id = sessionIdOf(cookieValue);
    const session = await this.sessions.findById(id).lean<Session>().exec();
    await this.writer.remove(id);
    return session ?? undefined;
  }

  private async liveTokens(session: Session, now: Date): Promise<IssuedTokens> {
    if (session.accessTokenExpiresAt.getTime() - REFRESH_MARGIN_MS > now.getTime()) return session;
    if (!session.refreshToken) {
      await this.writer.remove(session._id);
      throw new SignInException(
        SignInErrorCode.SESSION_EXPIRED,
        'Your sign-in has expired; please sign in again.',
      );
    }
    let refreshed: IssuedTokens;
    try {
      refreshed = await this.oidc.refresh(session.refreshToken);
    } catch (error) {
      this.logger.info({ err: error }, 'refresh refused by the identity provider; session closed');
      await this.writer.remove(session._id);
      throw new SignInException(
        SignInErrorCode.SESSION_EXPIRED,
        'Your sign-in was ended at the identity provider; please sign in again.',
      );
    }
    await this.writer.replaceTokens(session._id, session.accessTokenExpiresAt, refreshed);
    return refreshed;
  }

  private idleLimit(now: Date, absolute: Date): Date {
    const idle = now.getTime() + this.config.SESSION_IDLE_MINUTES * 60_000;
    return new Date(Math.min(idle, absolute.getTime()));
  }
}
