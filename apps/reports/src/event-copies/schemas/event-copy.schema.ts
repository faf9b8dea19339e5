import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { EventState, EventView } from '@plenary/contracts';
import { Schema as MongooseSchema } from 'mongoose';

/**
 * The reports service's own copy of a meeting, from the events topic: the whole snapshot the
 * last message carried, which a report's page shows (dates, place, parties, agenda).
 */
@Schema({ collection: 'event_copies', versionKey: false })
export class EventCopy {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ type: String, required: true })
  state: EventState;

  @Prop({ type: MongooseSchema.Types.Mixed, required: true })
  snapshot: EventView;

  /** The meeting was deleted while a draft: kept as a marker so that late messages do not revive it. */
  @Prop({ type: Boolean, default: false })
  deleted: boolean;

  /** The version of the meeting this copy reflects; older messages are ignored. */
  @Prop({ type: Number, required: true })
  version: number;
}

export const EventCopySchema = SchemaFactory.createForClass(EventCopy);
