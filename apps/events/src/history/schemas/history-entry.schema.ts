import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { EventView, FieldChange } from '@plenary/contracts';
import { Schema as MongooseSchema } from 'mongoose';

/**
 * One version of a meeting: who changed it, when, what, and the meeting as it was after. One
 * document per version keeps the meeting's own document small however often it changes.
 * `_id` is the id of the write attempt that stored it; `previousId` names the entry the attempt
 * started from, so the versions that really happened form a chain back from the meeting's
 * `historyId` (see HistoryWriter).
 */
@Schema({ collection: 'event_history', versionKey: false })
export class HistoryEntryRecord {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ type: String, required: true })
  eventId: string;

  @Prop({ type: Number, required: true })
  version: number;

  /** The entry of the version this one followed; absent for the first (or after entries kept in the meeting itself). */
  @Prop({ type: String })
  previousId?: string;

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

export const HistoryEntryRecordSchema = SchemaFactory.createForClass(HistoryEntryRecord);
HistoryEntryRecordSchema.index({ eventId: 1, version: 1 });
