import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { CheckInView } from '@plenary/contracts';
import type { Model } from 'mongoose';
import { AccreditationService } from '../participants/accreditation.service.js';
import { toParticipantDetailsView } from '../participants/participant-view.mapper.js';
import { ParticipantsErrorCode, ParticipantsException } from '../participants/participants.exception.js';
import {
  ParticipantRecord,
  type StoredParticipant,
  WITHOUT_OUTBOX,
} from '../participants/schemas/participant.schema.js';
import { BadgeSigner } from './badge-signer.service.js';
import { BadgesException } from './badges.exception.js';

/** The check-in desk: a badge's code, scanned or typed, checks its holder in once. */
@Injectable()
export class CheckInByCodeService {
  constructor(
    @InjectModel(ParticipantRecord.name) private readonly participants: Model<ParticipantRecord>,
    private readonly accreditation: AccreditationService,
    private readonly signer: BadgeSigner,
  ) {}

  /**
   * A forged or altered code is refused before anything is read; a genuine one names its meeting
   * and badge. The holder must be accredited now (a badge outlives a withdrawal); a second
   * check-in changes nothing and says when the first one was.
   */
  async checkIn(eventId: string, code: string): Promise<CheckInView> {
    const badge = this.signer.verify(code);
    if (!badge) throw BadgesException.invalidCode();
    if (badge.eventId !== eventId) throw BadgesException.ofAnotherMeeting();
    const holder = await this.participants
      .findOne({ eventId, badgeNumber: badge.badgeNumber, confirmed: true }, WITHOUT_OUTBOX)
      .lean<StoredParticipant>()
      .exec();
    if (!holder) throw BadgesException.notFound(badge.badgeNumber);
    if (holder.state !== 'accredited') {
      throw new ParticipantsException(
        ParticipantsErrorCode.NOT_ACCREDITED,
        `The holder of badge ${badge.badgeNumber} is ${holder.state}, not accredited: they cannot check in.`,
      );
    }
    const { participant, alreadyCheckedIn } = await this.accreditation.checkInRecord(holder);
    return { ...toParticipantDetailsView(participant, this.signer), alreadyCheckedIn };
  }
}
