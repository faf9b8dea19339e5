import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type {
  EventKind,
  EventState,
  EventView,
  FieldChange,
  PartyKind,
  PartyStanding,
} from '@plenary/contracts';
import { OutboxCarrier } from '@plenary/messaging';
import { Schema as MongooseSchema } from 'mongoose';

@Schema({ _id: false })
export class Party {
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
export class Venue {
  @Prop({ type: String, required: true })
  name: string;

  @Prop({ type: String })
  address?: string;

  @Prop({ type: String, required: true })
  city: string;

  @Prop({ type: String, required: true })
  country: string;
}

@Schema({ _id: false })
export class OrganisingProcess {
  @Prop({ type: String, required: true })
  name: string;

  @Prop({ type: String })
  acronym?: string;
}

@Schema({ _id: false })
export class TimeSlot {
  @Prop({ type: Date, required: true })
  startsAt: Date;

  @Prop({ type: Date, required: true })
  endsAt: Date;
}

@Schema({ _id: false })
export class Presenter {
  @Prop({ type: String, required: true })
  name: string;

  @Prop({ type: String })
  position?: string;

  @Prop({ type: String })
  party?: string;
}

@Schema({ _id: false })
export class DocumentLink {
  @Prop({ type: String, required: true })
  title: string;

  @Prop({ type: String, required: true })
  url: string;
}

@Schema({ _id: false })
export class AgendaItem {
  @Prop({ type: String, required: true })
  id: string;

  @Prop({ type: String, required: true })
  title: string;

  @Prop({ type: String })
  description?: string;

  @Prop({ type: SchemaFactory.createForClass(TimeSlot) })
  slot?: TimeSlot;

  @Prop({ type: [SchemaFactory.createForClass(Presenter)], default: [] })
  presenters: Presenter[];

  @Prop({ type: [SchemaFactory.createForClass(DocumentLink)], default: [] })
  documents: DocumentLink[];
}

@Schema({ _id: false })
export class Registration {
  @Prop({ type: Date, required: true })
  opensAt: Date;

  @Prop({ type: Date, required: true })
  closesAt: Date;

  @Prop({ type: Number, required: true })
  quotaPerDelegation: number;
}

/**
 * One change as meetings written before the history collection kept it in their own document
 * (read, never written any more: see HistoryEntryRecord).
 */
@Schema({ _id: false })
export class HistoryEntry {
  @Prop({ type: Number, required: true })
  version: number;

  @Prop({ type: Date, required: true })
  at: Date;

  @Prop({ type: MongooseSchema.Types.Mixed, required: true })
  actor: { id: string; role: string; name?: string };

  @Prop({ type: String, required: true })
  type: string;

  @Prop({ type: [MongooseSchema.Types.Mixed], default: [] })
  changes: FieldChange[];

  /** The meeting as it was after this change, to show it as of any past moment. */
  @Prop({ type: MongooseSchema.Types.Mixed, required: true })
  event: EventView;
}

/** A meeting, owned by the events service. Every change carries its message (outbox) and names its history entry. */
@Schema({ collection: 'events', versionKey: false })
export class EventRecord extends OutboxCarrier {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ type: String, required: true })
  title: string;

  @Prop({ type: String, required: true })
  kind: EventKind;

  @Prop({ type: String, required: true })
  state: EventState;

  @Prop({ type: SchemaFactory.createForClass(OrganisingProcess) })
  process?: OrganisingProcess;

  @Prop({ type: String })
  description?: string;

  @Prop({ type: [String], default: [] })
  languages: string[];

  @Prop({ type: Date, required: true })
  startsAt: Date;

  @Prop({ type: Date, required: true })
  endsAt: Date;

  @Prop({ type: String, required: true })
  timeZone: string;

  @Prop({ type: SchemaFactory.createForClass(Venue) })
  venue?: Venue;

  @Prop({ type: String })
  hostParty?: string;

  @Prop({ type: String })
  chairParty?: string;

  @Prop({ type: [SchemaFactory.createForClass(Party)], default: [] })
  parties: Party[];

  @Prop({ type: [SchemaFactory.createForClass(AgendaItem)], default: [] })
  agenda: AgendaItem[];

  @Prop({ type: SchemaFactory.createForClass(Registration) })
  registration?: Registration;

  @Prop({ type: String })
  stateReason?: string;

  /** A deleted draft stays as a tombstone: its event.deleted message leaves through its outbox. */
  @Prop({ type: Boolean, default: false })
  deleted: boolean;

  @Prop({ type: Date, required: true })
  createdAt: Date;

  @Prop({ type: Date, required: true })
  updatedAt: Date;

  @Prop({ type: String, required: true })
  createdBy: string;

  /** The history entry of the current version (in event_history), the head of the chain of versions. */
  @Prop({ type: String })
  historyId?: string;

  /** Entries of meetings written before the history collection; new meetings have none. */
  @Prop({ type: [SchemaFactory.createForClass(HistoryEntry)], default: undefined })
  history?: HistoryEntry[];
}

export const EventRecordSchema = SchemaFactory.createForClass(EventRecord);
// Lists sort by start date; the id breaks ties and keeps the cursor stable.
EventRecordSchema.index({ startsAt: 1, _id: 1 });
EventRecordSchema.index({ state: 1, startsAt: 1 });
EventRecordSchema.index({ 'parties.code': 1 });
EventRecordSchema.index({ 'process.acronym': 1 });

/** What normal reads load: everything but the outbox and the history. */
export const WITHOUT_INTERNALS = { outbox: 0, outboxPending: 0, history: 0, historyId: 0 } as const;
