import { Injectable } from '@nestjs/common';
import type { ParticipantSummaryView } from '@plenary/contracts';
import { EventCopiesService } from '../event-copies/event-copies.service.js';
import { ParticipantSummaryWriter } from './participant-summary-writer.service.js';
import { SummaryCounters } from './summary-counters.js';

/**
 * A meeting's counts as kept from the participant messages (SummaryProjection): two lookups by
 * id, the summary and the meeting's copy for its time zone, whatever the meeting's size. The
 * counts follow the changes within moments (asOf says up to when); a meeting without
 * participants has no summary yet and answers zeros.
 */
@Injectable()
export class ParticipantSummaryService {
  constructor(
    private readonly summaries: ParticipantSummaryWriter,
    private readonly eventCopies: EventCopiesService,
  ) {}

  async summary(eventId: string): Promise<ParticipantSummaryView> {
    const [summary, meeting] = await Promise.all([
      this.summaries.find(eventId),
      this.eventCopies.find(eventId, { parties: false }),
    ]);
    const view = SummaryCounters.from(summary).toView(eventId, meeting?.timeZone ?? 'UTC');
    return summary?.asOf ? { ...view, asOf: new Date(summary.asOf).toISOString() } : view;
  }
}
