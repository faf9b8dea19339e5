import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { DelegationRole, Gender, ParticipantState } from '@plenary/contracts';
import { ParticipantParty } from '../../participants/schemas/participant.schema.js';

/**
 * What one participant adds to their meeting's summary, at the version of the participant it
 * was taken from: the summary's counters are the sum of its meeting's contributions, so a
 * change is applied as "take the old contribution out, put the new one in".
 */
@Schema({ collection: 'summary_contributions', versionKey: false })
export class SummaryContributionRecord {
  /** The participant's id. */
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ type: String, required: true })
  eventId: string;

  @Prop({ type: Number, required: true })
  version: number;

  @Prop({ type: SchemaFactory.createForClass(ParticipantParty), required: true })
  party: ParticipantParty;

  @Prop({ type: String, required: true })
  state: ParticipantState;

  @Prop({ type: String, required: true })
  role: DelegationRole;

  @Prop({ type: String })
  gender?: Gender;

  @Prop({ type: Date })
  checkedInAt?: Date;
}

export const SummaryContributionSchema = SchemaFactory.createForClass(SummaryContributionRecord);
// A rebuild reads a meeting's contributions.
SummaryContributionSchema.index({ eventId: 1 });
