import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { DelegationRole, Gender, ParticipantState, PartyKind } from '@plenary/contracts';
import { OutboxCarrier } from '@plenary/messaging';

@Schema({ _id: false })
export class PersonName {
  @Prop({ type: String, required: true })
  given: string;

  @Prop({ type: String, required: true })
  family: string;

  @Prop({ type: String, required: true })
  givenLatin: string;

  @Prop({ type: String, required: true })
  familyLatin: string;
}

@Schema({ _id: false })
export class ParticipantParty {
  @Prop({ type: String, required: true })
  code: string;

  @Prop({ type: String, required: true })
  kind: PartyKind;

  @Prop({ type: String, required: true })
  name: string;
}

/**
 * Which reservation attempt's places this participant stands on: the id of the attempt
 * (a hold id) that took their seat, their email at this meeting and their head role. Set in
 * the same version-checked write that makes them attend, changes their email or role, so a
 * reservation whose hold id no participant names is an attempt that lost (or died) and may
 * be given back without touching the winner's.
 */
@Schema({ _id: false })
export class ParticipantHolds {
  @Prop({ type: String })
  seat?: string;

  @Prop({ type: String })
  email?: string;

  @Prop({ type: String })
  head?: string;
}

/** A person in a delegation. */
@Schema({ collection: 'participants', versionKey: false })
export class ParticipantRecord extends OutboxCarrier {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ type: String, required: true })
  eventId: string;

  @Prop({ type: String, required: true })
  delegationId: string;

  @Prop({ type: String, required: true })
  partyCode: string;

  @Prop({ type: SchemaFactory.createForClass(ParticipantParty), required: true })
  party: ParticipantParty;

  @Prop({ type: SchemaFactory.createForClass(PersonName), required: true })
  name: PersonName;

  /** Lower-case words of every name, in both scripts, for search by the beginning of a name. */
  @Prop({ type: [String], default: [] })
  searchNames: string[];

  /** Sort key of lists: Latin family then given name, lower case. */
  @Prop({ type: String, required: true })
  sortName: string;

  @Prop({ type: String })
  honorific?: string;

  @Prop({ type: String })
  position?: string;

  @Prop({ type: String })
  organization?: string;

  @Prop({ type: String, required: true })
  role: DelegationRole;

  @Prop({ type: String, required: true })
  email: string;

  /** The email, case-folded: one person, one delegation per meeting. */
  @Prop({ type: String, required: true })
  emailKey: string;

  @Prop({ type: String })
  gender?: Gender;

  @Prop({ type: String })
  accessibilityNeeds?: string;

  @Prop({ type: String, required: true })
  state: ParticipantState;

  @Prop({ type: String })
  badgeNumber?: string;

  @Prop({ type: String })
  rejectionReason?: string;

  @Prop({ type: Date })
  checkedInAt?: Date;

  /** Absent on records written before holds existed (see holdsOf); never published. */
  @Prop({ type: SchemaFactory.createForClass(ParticipantHolds) })
  holds?: ParticipantHolds;

  /**
   * True on every registration stored now (after its reservation, in one write). False only on
   * records of the earlier flow, which inserted a registration before reserving its place and
   * confirmed it after: one never confirmed (the service died in between) is not listed, and is
   * rolled back by the sweeper.
   */
  @Prop({ type: Boolean, required: true })
  confirmed: boolean;

  @Prop({ type: Date, required: true })
  createdAt: Date;

  @Prop({ type: Date, required: true })
  updatedAt: Date;

  @Prop({ type: String, required: true })
  createdBy: string;
}

export const ParticipantRecordSchema = SchemaFactory.createForClass(ParticipantRecord);
// Lists of a meeting, sorted by party then name; filters by delegation, role, state, name.
ParticipantRecordSchema.index({ eventId: 1, confirmed: 1, partyCode: 1, sortName: 1, _id: 1 });
// The list sorted by name (sortName, partyCode, _id) walks this one instead of sorting the meeting.
ParticipantRecordSchema.index({ eventId: 1, confirmed: 1, sortName: 1, partyCode: 1, _id: 1 });
ParticipantRecordSchema.index({ delegationId: 1 });
// The check-in desk finds a badge's holder by its number.
ParticipantRecordSchema.index({ eventId: 1, badgeNumber: 1 });
ParticipantRecordSchema.index({ eventId: 1, searchNames: 1 });
ParticipantRecordSchema.index({ confirmed: 1, createdAt: 1 });

export type StoredParticipant = Omit<ParticipantRecord, 'outbox' | 'outboxPending'>;
export const WITHOUT_OUTBOX = { outbox: 0, outboxPending: 0 } as const;
