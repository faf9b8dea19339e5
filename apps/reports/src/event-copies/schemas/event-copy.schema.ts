import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { EventState } from '@plenary/contracts';

/** The reports service's own copy of a meeting, from the events topic: what a report shows about it. */
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

  /** The meeting was deleted while a draft: kept as a marker so that late messages do not revive it. */
  @Prop({ type: Boolean, default: false })
  deleted: boolean;

  /** The version of the meeting this copy reflects; older messages are ignored. */
  @Prop({ type: Number, required: true })
  version: number;
}

export const EventCopySchema = SchemaFactory.createForClass(EventCopy);
