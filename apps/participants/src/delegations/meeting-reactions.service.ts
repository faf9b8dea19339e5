import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { upsertIfNewer } from '@plenary/persistence';
import type { Model } from 'mongoose';
import { MeetingReaction } from './schemas/meeting-reaction.schema.js';

/** The version guard of reactions to meeting changes: the only writer of meeting_reactions. */
@Injectable()
export class MeetingReactions {
  constructor(@InjectModel(MeetingReaction.name) private readonly reactions: Model<MeetingReaction>) {}

  /** Whether this version of the meeting is newer than every one reacted to so far. */
  async isNew(eventId: string, version: number): Promise<boolean> {
    const last = await this.reactions.findById(eventId, { version: 1 }).lean<MeetingReaction>().exec();
    return !last || last.version < version;
  }

  /** Records that the reaction to this version is done (never moves back to an older one). */
  async reacted(eventId: string, version: number, type: string): Promise<void> {
    await upsertIfNewer(this.reactions, eventId, version, { type, reactedAt: new Date() });
  }
}
