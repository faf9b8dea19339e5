import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { EventKind, EventState, PartyKind, PartyStanding } from '@plenary/contracts';
import { OutboxCarrier } from '@plenary/messaging';
import type { HydratedDocument } from 'mongoose';

@Schema({ _id: false })
export class Party {
  @Prop({ type: String, required: true })
  code: string;

  @Prop({ type: String, required: true })
  kind: PartyKind;

  @Prop({ type: String, required: true })
  name: string;

  @Prop({ type: String, required: true })
  standing: PartyStanding;
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

/** A meeting, owned by the events service. Changes carry their messages in the outbox. */
@Schema({ collection: 'events', versionKey: false })
export class EventRecord extends OutboxCarrier {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ type: String, required: true })
  title: string;

  @Prop({ type: String, required: true })
  kind: EventKind;

  @Prop({ type: String, required: true, index: true })
  state: EventState;

  @Prop({ type: Date, required: true })
  startsAt: Date;

  @Prop({ type: Date, required: true })
  endsAt: Date;

  @Prop({ type: String, required: true })
  timeZone: string;

  @Prop({ type: SchemaFactory.createForClass(Venue) })
  venue?: Venue;

  @Prop({ type: [SchemaFactory.createForClass(Party)], default: [] })
  parties: Party[];

  @Prop({ type: Date, required: true })
  createdAt: Date;

  @Prop({ type: Date, required: true })
  updatedAt: Date;

  @Prop({ type: String, required: true })
  createdBy: string;
}

export type EventRecordDocument = HydratedDocument<EventRecord>;
export const EventRecordSchema = SchemaFactory.createForClass(EventRecord);
// Listing sorts by start date; the id breaks ties and makes the cursor stable.
EventRecordSchema.index({ startsAt: 1, _id: 1 });
