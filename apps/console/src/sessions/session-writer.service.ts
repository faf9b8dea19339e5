import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { Session } from './session.schema.js';

export type NewSession = Omit<Session, 'lastSeenAt'>;
export interface RefreshedTokens {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken?: string;
  idToken?: string;
}

/** The only writer of the sessions collection. */
@Injectable()
export class SessionWriter {
  constructor(@InjectModel(Session.name) private readonly sessions: Model<Session>) {}

  async create(session: NewSession): Promise<void> {
    await this.sessions.create({ ...session, lastSeenAt: session.createdAt });
  }

  /** Moves the idle limit on; at most once a minute per session, so reads stay reads. */
  async touch(id: string, now: Date, expiresAt: Date): Promise<void> {
    await this.sessions.updateOne(
      { _id: id, lastSeenAt: { $lt: new Date(now.getTime() - 60_000) } },
      { $set: { lastSeenAt: now, expiresAt } },
    );
  }

  /**
   * Stores refreshed tokens unless another request refreshed first (then its tokens stay: both
   * are valid, and the newer refresh token must not be overwritten by an older one).
   */
  async replaceTokens(id: string, previousExpiry: Date, tokens: RefreshedTokens): Promise<void> {
    await this.sessions.updateOne({ _id: id, accessTokenExpiresAt: previousExpiry }, { $set: tokens });
  }

  async remove(id: string): Promise<void> {
    await this.sessions.deleteOne({ _id: id });
  }

  /** The store has no TTL indexes (FerretDB 1.24): expired sessions are removed by a sweep. */
  async removeExpired(now: Date): Promise<number> {
    const { deletedCount } = await this.sessions.deleteMany({ expiresAt: { $lt: now } });
    return deletedCount;
  }
}
