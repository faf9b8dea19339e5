import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { DelegationState, PartyKind } from '@plenary/contracts';

@Schema({ _id: false })
export class AttendingParty {
  @Prop({ type: String, required: true })
  code: string;

  @Prop({ type: String, required: true })
  kind: PartyKind;

  @Prop({ type: String, required: true })
  name: string;
}

/** A delegation as the attendance of a meeting counts it, built from the participants topic. */
@Schema({ collection: 'attending_delegations', versionKey: false })
export class AttendingDelegation {
  /** The delegation's id. */
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ type: String, required: true, index: true })
  eventId: string;

  @Prop({ type: SchemaFactory.createForClass(AttendingParty), required: true })
  party: AttendingParty;

  @Prop({ type: String, required: true })
  state: DelegationState;

  @Prop({ type: Date, required: true })
  registeredAt: Date;

  /** The delegation's version this record reflects; older messages are ignored. */
  @Prop({ type: Number, required: true })
  version: number;
}

export const AttendingDelegationSchema = SchemaFactory.createForClass(AttendingDelegation);
