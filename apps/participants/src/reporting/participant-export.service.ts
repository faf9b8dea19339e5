import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Principal } from '@plenary/auth';
import { toCsv } from '@plenary/http';
import type { Model, QueryFilter } from 'mongoose';
import { EventCopiesService } from '../event-copies/event-copies.service.js';
import {
  ParticipantRecord,
  type StoredParticipant,
  WITHOUT_OUTBOX,
} from '../participants/schemas/participant.schema.js';
import { PARTICIPANT_COLUMNS } from './participant-columns.js';
import { participantWorkbook } from './participant-workbook.js';

/** The participant list as a spreadsheet: the secretariat's whole meeting, a coordinator's own delegation. */
@Injectable()
export class ParticipantExportService {
  constructor(
    @InjectModel(ParticipantRecord.name) private readonly participants: Model<ParticipantRecord>,
    private readonly eventCopies: EventCopiesService,
  ) {}

  async csv(eventId: string, viewer: Principal): Promise<string> {
    const records = await this.records(eventId, viewer);
    return toCsv(
      PARTICIPANT_COLUMNS.map((c) => c.header),
      records.map((r) =>
        PARTICIPANT_COLUMNS.map((c) => {
          const value = c.value(r);
          return value instanceof Date ? value.toISOString() : value;
        }),
      ),
    );
  }

  async xlsx(eventId: string, viewer: Principal): Promise<Buffer> {
    const [records, meeting] = await Promise.all([
      this.records(eventId, viewer),
      this.eventCopies.find(eventId, { parties: false }),
    ]);
    return participantWorkbook(meeting?.title ?? eventId, records);
  }

  private records(eventId: string, viewer: Principal): Promise<StoredParticipant[]> {
    const filter: QueryFilter<ParticipantRecord> = { eventId, confirmed: true };
    if (viewer.role === 'coordinator') filter.partyCode = viewer.party;
    return this.participants
      .find(filter, WITHOUT_OUTBOX)
      .sort({ partyCode: 1, sortName: 1, _id: 1 })
      .lean<StoredParticipant[]>()
      .exec();
  }
}
