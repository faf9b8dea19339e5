import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { BadgesQuery } from '@plenary/contracts';
import type { Model, QueryFilter } from 'mongoose';
import { DelegationsService } from '../delegations/delegations.service.js';
import {
  ParticipantRecord,
  type StoredParticipant,
  WITHOUT_OUTBOX,
} from '../participants/schemas/participant.schema.js';
import { type BadgeCard, renderBadgeSheet } from './badge-sheet.js';
import { BadgeSigner } from './badge-signer.service.js';
import { BadgesErrorCode, BadgesException } from './badges.exception.js';

const fullName = (given: string, family: string) => `${given} ${family}`.trim();

/** The badges of a meeting's accredited participants, as a PDF to print. */
@Injectable()
export class BadgePrintingService {
  constructor(
    @InjectModel(ParticipantRecord.name) private readonly participants: Model<ParticipantRecord>,
    private readonly delegations: DelegationsService,
    private readonly signer: BadgeSigner,
  ) {}

  async pdf(eventId: string, query: BadgesQuery): Promise<Buffer> {
    const meeting = await this.delegations.event(eventId, { parties: false });
    // Only accredited people have a badge to wear; a named id that is not accredited is left out.
    const filter: QueryFilter<ParticipantRecord> = { eventId, confirmed: true, state: 'accredited' };
    if (query.party) filter.partyCode = query.party;
    if (query.ids) filter._id = { $in: query.ids };
    const records = await this.participants
      .find(filter, WITHOUT_OUTBOX)
      .sort({ partyCode: 1, sortName: 1, _id: 1 })
      .lean<StoredParticipant[]>()
      .exec();
    const cards = records.flatMap((r) => {
      const code = this.signer.codeOf(r);
      return code && r.badgeNumber ? [cardOf(r, r.badgeNumber, code)] : [];
    });
    if (cards.length === 0) {
      throw new BadgesException(
        BadgesErrorCode.NO_BADGES_TO_PRINT,
        'No accredited participant matches: there is no badge to print. Accredit them first, or check the party and ids.',
      );
    }
    return renderBadgeSheet(meeting.title, cards, query.layout ?? 'a4');
  }
}

function cardOf(r: StoredParticipant, badgeNumber: string, code: string): BadgeCard {
  const original = fullName(r.name.given, r.name.family);
  const latin = fullName(r.name.givenLatin, r.name.familyLatin);
  return {
    ...(original !== latin ? { originalName: original } : {}),
    latinName: latin,
    ...(r.honorific ? { honorific: r.honorific } : {}),
    party: r.party.name,
    role: r.role,
    badgeNumber,
    code,
  };
}
