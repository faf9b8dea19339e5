import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { ImportColumn, ImportMode, ImportRowOutcome, ImportState, PartyKind } from '@plenary/contracts';
import { Schema as MongooseSchema } from 'mongoose';

export interface StoredImportRowError {
  column?: ImportColumn;
  code: string;
  otherRow?: number;
  message: string;
}

/** One row of the file: what it holds, its errors, and what became of it. */
export interface StoredImportRow {
  number: number;
  values: Partial<Record<ImportColumn, string>>;
  errors: StoredImportRowError[];
  outcome?: ImportRowOutcome;
  participantId?: string;
  refusal?: { code: string; message: string };
}

/** The instance registering the rows, while its lease lasts (renewed with each progress write). */
export interface ImportRunner {
  id: string;
  leaseUntil: Date;
}

/**
 * An import of people into one delegation: the whole file's rows, each row's errors and
 * outcome, and who is working on it. One document, so that any instance reads the import's
 * progress in one read and a version-checked write changes it whole; written by ImportWriter only.
 */
@Schema({ collection: 'participant_imports', versionKey: false })
export class ParticipantImport {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ type: String, required: true })
  eventId: string;

  @Prop({ type: String, required: true })
  delegationId: string;

  @Prop({ type: String, required: true })
  partyCode: string;

  @Prop({ type: MongooseSchema.Types.Mixed, required: true })
  party: { code: string; kind: PartyKind; name: string };

  @Prop({ type: String, required: true })
  format: 'csv' | 'xlsx';

  @Prop({ type: String, required: true })
  state: ImportState;

  @Prop({ type: String })
  mode?: ImportMode;

  @Prop({ type: [MongooseSchema.Types.Mixed], default: [] })
  rows: StoredImportRow[];

  @Prop({ type: MongooseSchema.Types.Mixed })
  notice?: { code: string; message: string };

  @Prop({ type: MongooseSchema.Types.Mixed })
  runner?: ImportRunner;

  @Prop({ type: Number, required: true })
  version: number;

  @Prop({ type: Date, required: true })
  createdAt: Date;

  @Prop({ type: Date, required: true })
  updatedAt: Date;

  @Prop({ type: String, required: true })
  createdBy: string;
}

export const ParticipantImportSchema = SchemaFactory.createForClass(ParticipantImport);
ParticipantImportSchema.index({ delegationId: 1, createdAt: 1 });

export type StoredImport = ParticipantImport;
