import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * "This person (email) is in this delegation at this meeting." Its _id is the meeting and the
 * case-folded email, so the unique _id lets one delegation at most hold a person.
 */
@Schema({ collection: 'person_claims', versionKey: false })
export class PersonClaim {
  /** `${eventId}:${emailKey}` */
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ type: String, required: true })
  participantId: string;

  @Prop({ type: String, required: true })
  delegationId: string;

  @Prop({ type: String, required: true })
  partyName: string;

  /** The reservation attempt that took the claim (absent on claims taken before holds existed). */
  @Prop({ type: String })
  holdId?: string;
}

export const PersonClaimSchema = SchemaFactory.createForClass(PersonClaim);
