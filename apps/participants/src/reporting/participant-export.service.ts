import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Principal } from '@plenary/auth';
import { toCsv } from '@plenary/http';
import type { Model, QueryFilter } from 'mongoose';
import {
  ParticipantRecord,
  type StoredParticipant,
  WITHOUT_OUTBOX,
} from '../participants/schemas/participant.schema.js';

const HEADER = [
  'Party',
  'Party code',
  'Role',
  'Honorific',
  'Given name',
  'Family name',
  'Given name (Latin)',
  'Family name (Latin)',
  'Position',
  'Organization',
  'Email',
  'State',
  'Badge',
  'Checked in at (UTC)',
];

/** The participant list as a spreadsheet: the secretariat's whole meeting, a coordinator's own delegation. */
@Injectable()
export class ParticipantExportService {
  constructor(@InjectModel(ParticipantRecord.name) private readonly participants: Model<ParticipantRecord>) {}

  async csv(eventId: string, viewer: Principal): Promise<string> {
    const filter: QueryFilter<ParticipantRecord> = { eventId, confirmed: true };
    if (viewer.role === 'coordinator') filter.partyCode = viewer.party;
    const records = await this.participants
      .find(filter, WITHOUT_OUTBOX)
      .sort({ partyCode: 1, sortName: 1, _id: 1 })
      .lean<StoredParticipant[]>()
      .exec();
    return toCsv(
      HEADER,
      records.map((r) => [
        r.party.name,
        r.partyCode,
        r.role,
        r.honorific,
        r.name.given,
        r.name.family,
        r.name.givenLatin,
        r.name.familyLatin,
        r.position,
        r.organization,
        r.email,
        r.state,
        r.badgeNumber,
        r.checkedInAt?.toISOString(),
      ]),
    );
  }
}
