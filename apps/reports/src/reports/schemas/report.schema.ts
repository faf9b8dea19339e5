import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { AttendanceView, ReportContent, ReportVersionState } from '@plenary/contracts';
import { OutboxCarrier } from '@plenary/messaging';
import { Schema as MongooseSchema } from 'mongoose';

@Schema({ _id: false })
export class ReportVersion {
  @Prop({ type: Number, required: true })
  number: number;

  @Prop({ type: String, required: true })
  state: ReportVersionState;

  @Prop({ type: MongooseSchema.Types.Mixed, required: true })
  content: ReportContent;

  /** For an amendment: the published version it started from. */
  @Prop({ type: Number })
  basedOn?: number;

  @Prop({ type: String })
  changeNote?: string;

  /** Who took part, frozen when the version is published. */
  @Prop({ type: MongooseSchema.Types.Mixed })
  attendance?: AttendanceView;

  @Prop({ type: Date, required: true })
  createdAt: Date;

  @Prop({ type: String, required: true })
  createdBy: string;

  /** Who started it, as their sign-in names them (for people reading the versions). */
  @Prop({ type: String })
  createdByName?: string;

  @Prop({ type: Date })
  submittedAt?: Date;

  @Prop({ type: Date })
  publishedAt?: Date;

  @Prop({ type: String })
  publishedBy?: string;

  @Prop({ type: String })
  publishedByName?: string;
}

@Schema({ _id: false })
export class Withdrawal {
  @Prop({ type: String, required: true })
  reason: string;

  @Prop({ type: Date, required: true })
  at: Date;

  @Prop({ type: String, required: true })
  by: string;
}

/**
 * The outcome report of a meeting in one language, with all its versions in the same document:
 * a version changes state, and the report announces it, in one atomic write. A published
 * version is never changed again; an amendment is a new version.
 */
@Schema({ collection: 'reports', versionKey: false })
export class ReportRecord extends OutboxCarrier {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ type: String, required: true })
  eventId: string;

  @Prop({ type: String, required: true })
  language: string;

  @Prop({ type: Boolean, required: true })
  original: boolean;

  @Prop({ type: [SchemaFactory.createForClass(ReportVersion)], default: [] })
  versions: ReportVersion[];

  @Prop({ type: SchemaFactory.createForClass(Withdrawal) })
  withdrawal?: Withdrawal;

  @Prop({ type: Date, required: true })
  createdAt: Date;

  @Prop({ type: Date, required: true })
  updatedAt: Date;
}

export const ReportRecordSchema = SchemaFactory.createForClass(ReportRecord);
// One report per language per meeting.
ReportRecordSchema.index({ eventId: 1, language: 1 }, { unique: true });

export type StoredReport = Omit<ReportRecord, 'outbox' | 'outboxPending'>;
export const WITHOUT_OUTBOX = { outbox: 0, outboxPending: 0 } as const;
