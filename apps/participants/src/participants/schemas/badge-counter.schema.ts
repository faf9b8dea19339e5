import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** The last badge number given at a meeting; incremented atomically on each accreditation. */
@Schema({ collection: 'badge_counters', versionKey: false })
export class BadgeCounter {
  /** The meeting's id. */
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ type: Number, required: true })
  last: number;
}

export const BadgeCounterSchema = SchemaFactory.createForClass(BadgeCounter);
