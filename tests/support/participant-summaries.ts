import { Clock } from '@plenary/runtime';
import type { Connection, Model } from 'mongoose';
import { EventCopiesService } from '../../apps/participants/src/event-copies/event-copies.service.js';
import {
  EventCopy,
  EventCopySchema,
} from '../../apps/participants/src/event-copies/schemas/event-copy.schema.js';
import {
  ParticipantRecord,
  ParticipantRecordSchema,
} from '../../apps/participants/src/participants/schemas/participant.schema.js';
import { ParticipantSummaryReference } from '../../apps/participants/src/reporting/participant-summary-reference.service.js';
import { ParticipantSummaryWriter } from '../../apps/participants/src/reporting/participant-summary-writer.service.js';
import {
  ParticipantSummaryRecord,
  ParticipantSummarySchema,
} from '../../apps/participants/src/reporting/schemas/participant-summary.schema.js';
import {
  SummaryContributionRecord,
  SummaryContributionSchema,
} from '../../apps/participants/src/reporting/schemas/summary-contribution.schema.js';
import { SummaryContributionWriter } from '../../apps/participants/src/reporting/summary-contribution-writer.service.js';
import { SummaryRebuild } from '../../apps/participants/src/reporting/summary-rebuild.service.js';

export interface ParticipantSummaries {
  /** The summary counted from the records by the store's grouping: what the kept summary must equal. */
  reference: ParticipantSummaryReference;
  /** Recomputes a meeting's kept summary from the records, as an operator would. */
  rebuild: SummaryRebuild;
}

/** The participants service's summary classes on a connection of the test's own (the same classes the app injects). */
export function participantSummaries(connection: Connection): ParticipantSummaries {
  const model = <T>(name: string, schema: unknown) =>
    connection.model(name, schema as never) as never as Model<T>;
  const participants = model<ParticipantRecord>(ParticipantRecord.name, ParticipantRecordSchema);
  const eventCopies = new EventCopiesService(model<EventCopy>(EventCopy.name, EventCopySchema));
  const summaries = new ParticipantSummaryWriter(
    model<ParticipantSummaryRecord>(ParticipantSummaryRecord.name, ParticipantSummarySchema),
  );
  const contributions = new SummaryContributionWriter(
    model<SummaryContributionRecord>(SummaryContributionRecord.name, SummaryContributionSchema),
  );
  return {
    reference: new ParticipantSummaryReference(participants, eventCopies),
    rebuild: new SummaryRebuild(participants, summaries, contributions, new Clock()),
  };
}
