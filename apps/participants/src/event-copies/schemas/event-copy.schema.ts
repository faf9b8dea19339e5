import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { EventState, PartyKind, PartyStanding } from '@plenary/contracts';

@Schema({ _id: false })
export class InvitedParty {
  @Prop({ type: String, required: true })
  code: string;

  @Prop({ type: String, required: true })
  kind: PartyKind;

  @Prop({ type: String, required: true })
  name: string;

  @Prop({ type: [String], required: true })
  standings: PartyStanding[];
}

@Schema({ _id: false })
export class RegistrationWindow {
  @Prop({ type: Date, required: true })
  opensAt: Date;

  @Prop({ type: Date, required: true })
  closesAt: Date;

  @Prop({ type: Number, required: true })
  quotaPerDelegation: number;
}

/**
 * This service's own copy of a meeting, built from the events topic: what registration rules
 * need (state, parties, window, quota) without calling the events service.
 */
@Schema({ collection: 'event_copies', versionKey: false })
export class EventCopy {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ type: String, required: true })
  title: string;

  @Prop({ type: String, required: true })
  state: EventState;

  @Prop({ type: Date, required: true })
  startsAt: Date;

  @Prop({ type: Date, required: true })
  endsAt: Date;

  @Prop({ type: String, required: true })
  timeZone: string;

  @Prop({ type: [SchemaFactory.createForClass(InvitedParty)], default: [] })
  parties: InvitedParty[];

  @Prop({ type: SchemaFactory.createForClass(RegistrationWindow) })
  registration?: RegistrationWindow;

  /** The meeting was deleted while a draft: it is kept as a marker so that late messages do not revive it. */
  @Prop({ type: Boolean, default: false })
  deleted: boolean;

  /** The version of the meeting this copy reflects; older messages are ignored. */
  @Prop({ type: Number, required: true })
  version: number;
}

export const EventCopySchema = SchemaFactory.createForClass(EventCopy);
