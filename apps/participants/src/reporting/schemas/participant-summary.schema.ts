import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { PartyKind } from '@plenary/contracts';
import type { StoredContribution } from '../summary-contribution.js';

/** One party's counts in the summary (an array entry: party codes are not safe as keys). */
export interface StoredPartyCounts {
  code: string;
  kind: PartyKind;
  name: string;
  total: number;
  byState: Record<string, number>;
  checkedIn: number;
}

/** How many checked in during one minute (minutes since 1970, UTC). */
export interface StoredMinuteCount {
  minute: number;
  count: number;
}

/**
 * A meeting's participant summary, kept up to date from the participant messages: one
 * document per meeting, so that GET …/participants/summary is one lookup by id. Written only
 * with a guard on `revision` (see SummaryProjection), and carrying the contributions its last
 * write applied (`lastChanges`) until they are written to summary_contributions too.
 */
@Schema({ collection: 'participant_summaries', versionKey: false, minimize: false })
export class ParticipantSummaryRecord {
  /** The meeting's id. */
  @Prop({ type: String, required: true })
  _id: string;

  /** Raised by one on every write; a write names the revision it was computed from. */
  @Prop({ type: Number, required: true })
  revision: number;

  @Prop({ type: Number, required: true })
  total: number;

  @Prop({ type: Object, required: true })
  byState: Record<string, number>;

  @Prop({ type: Object, required: true })
  byRole: Record<string, number>;

  @Prop({ type: Object, required: true })
  byGender: Record<string, number>;

  @Prop({ type: Object, required: true })
  headsByGender: Record<string, number>;

  @Prop({ type: Number, required: true })
  checkedIn: number;

  @Prop({ type: [Object], required: true })
  byParty: StoredPartyCounts[];

  @Prop({ type: [Object], required: true })
  checkInsByMinute: StoredMinuteCount[];

  @Prop({ type: [Object], required: true })
  lastChanges: StoredContribution[];

  /** The time of the latest change counted (its message's time), or of the last rebuild. */
  @Prop({ type: Date })
  asOf?: Date;

  @Prop({ type: Date })
  rebuiltAt?: Date;
}

export const ParticipantSummarySchema = SchemaFactory.createForClass(ParticipantSummaryRecord);
