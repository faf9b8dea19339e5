import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { DelegationRole, ParticipantState } from '@plenary/contracts';

@Schema({ _id: false })
export class AttendeeName {
  @Prop({ type: String, required: true })
  given: string;

  @Prop({ type: String, required: true })
  family: string;

  @Prop({ type: String, required: true })
  givenLatin: string;

  @Prop({ type: String, required: true })
  familyLatin: string;
}

/** A participant as attendance counts them, from the participants topic (no personal data arrives there). */
@Schema({ collection: 'attending_participants', versionKey: false })
export class AttendingParticipant {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ type: String, required: true })
  eventId: string;

  @Prop({ type: String, required: true })
  delegationId: string;

  @Prop({ type: SchemaFactory.createForClass(AttendeeName), required: true })
  name: AttendeeName;

  @Prop({ type: String })
  position?: string;

  @Prop({ type: String, required: true })
  role: DelegationRole;

  @Prop({ type: String, required: true })
  state: ParticipantState;

  @Prop({ type: Boolean, required: true })
  checkedIn: boolean;

  /** The participant's version this record reflects; older messages are ignored. */
  @Prop({ type: Number, required: true })
  version: number;
}

export const AttendingParticipantSchema = SchemaFactory.createForClass(AttendingParticipant);
AttendingParticipantSchema.index({ eventId: 1, state: 1 });
