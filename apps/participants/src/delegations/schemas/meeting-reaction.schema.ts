import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * The latest version of a meeting whose change (cancelled, postponed) the delegations have
 * reacted to: a message about that version or an older one, redelivered or re-driven, changes
 * nothing.
 */
@Schema({ collection: 'meeting_reactions', versionKey: false })
export class MeetingReaction {
  /** The meeting's id. */
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ type: Number, required: true })
  version: number;

  @Prop({ type: String, required: true })
  type: string;

  @Prop({ type: Date, required: true })
  reactedAt: Date;
}

export const MeetingReactionSchema = SchemaFactory.createForClass(MeetingReaction);
