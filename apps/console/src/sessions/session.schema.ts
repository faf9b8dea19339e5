import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { Role } from '@plenary/auth';

/**
 * A person's console session. The browser holds only a random id in an httpOnly cookie; the
 * document is found by that id's SHA-256, so a copy of the collection cannot be replayed as
 * cookies. The tokens stay here, never in the browser.
 */
@Schema({ collection: 'sessions', versionKey: false })
export class Session {
  /** base64url SHA-256 of the cookie's value */
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true }) subject: string;
  @Prop({ type: String, required: true }) role: Role;
  @Prop() name?: string;
  @Prop() email?: string;
  @Prop({ default: false }) emailVerified: boolean;

  @Prop({ required: true }) accessToken: string;
  @Prop({ required: true }) accessTokenExpiresAt: Date;
  @Prop() refreshToken?: string;
  @Prop() idToken?: string;

  @Prop({ required: true }) createdAt: Date;
  @Prop({ required: true }) lastSeenAt: Date;
  /** the earlier of the idle and the absolute limit, moved on by use */
  @Prop({ required: true, index: true }) expiresAt: Date;
  @Prop({ required: true }) absoluteExpiresAt: Date;
}

export const SessionSchema = SchemaFactory.createForClass(Session);
