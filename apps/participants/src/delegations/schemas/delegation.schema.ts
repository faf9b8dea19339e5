import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { DelegationState, PartyKind } from '@plenary/contracts';
import { OutboxCarrier } from '@plenary/messaging';

@Schema({ _id: false })
export class DelegationParty {
  @Prop({ type: String, required: true })
  code: string;

  @Prop({ type: String, required: true })
  kind: PartyKind;

  @Prop({ type: String, required: true })
  name: string;
}

@Schema({ _id: false })
export class Coordinator {
  @Prop({ type: String, required: true })
  name: string;

  @Prop({ type: String, required: true })
  email: string;
}

/** One party's delegation to one meeting, managed by the party's coordinator. */
@Schema({ collection: 'delegations', versionKey: false })
export class DelegationRecord extends OutboxCarrier {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ type: String, required: true })
  eventId: string;

  /** Top-level copy of party.code for the one-delegation-per-party unique index. */
  @Prop({ type: String, required: true })
  partyCode: string;

  @Prop({ type: SchemaFactory.createForClass(DelegationParty), required: true })
  party: DelegationParty;

  @Prop({ type: String, required: true })
  state: DelegationState;

  @Prop({ type: SchemaFactory.createForClass(Coordinator), required: true })
  coordinator: Coordinator;

  @Prop({ type: String })
  credentialsReference?: string;

  @Prop({ type: String })
  notice?: string;

  @Prop({ type: String })
  withdrawalReason?: string;

  /**
   * The places taken, one `participantId/holdId` each (a bare participant id on places taken
   * before holds existed). A place is taken with one conditional update ("fewer than quota
   * places taken"), so the quota holds however many registrations arrive at once; it is given
   * back by its exact entry, so an attempt can only give back its own. Not published.
   */
  @Prop({ type: [String], default: [] })
  seats: string[];

  /** The participant who heads the delegation, set only while no one else does. Not published. */
  @Prop({ type: String })
  headParticipantId?: string;

  /** The reservation attempt that made them head; the role is given back only by that attempt's id. */
  @Prop({ type: String })
  headHoldId?: string;

  @Prop({ type: Date, required: true })
  createdAt: Date;

  @Prop({ type: Date, required: true })
  updatedAt: Date;

  @Prop({ type: String, required: true })
  createdBy: string;
}

export const DelegationRecordSchema = SchemaFactory.createForClass(DelegationRecord);
// One delegation per party per meeting.
DelegationRecordSchema.index({ eventId: 1, partyCode: 1 }, { unique: true });

export type StoredDelegation = Omit<DelegationRecord, 'outbox' | 'outboxPending'>;
export const WITHOUT_OUTBOX = { outbox: 0, outboxPending: 0 } as const;
