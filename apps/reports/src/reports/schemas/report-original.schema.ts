import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * "This meeting's original report is this one." Its _id is the meeting's id, so the unique _id
 * lets one report at most be the original, however many officers start one at once.
 */
@Schema({ collection: 'report_originals', versionKey: false })
export class ReportOriginal {
  /** The meeting's id. */
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ type: String, required: true })
  reportId: string;

  @Prop({ type: Date, required: true })
  claimedAt: Date;
}

export const ReportOriginalSchema = SchemaFactory.createForClass(ReportOriginal);
