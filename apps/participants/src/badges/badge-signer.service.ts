import { Inject, Injectable } from '@nestjs/common';
import { LOGGER, type Logger } from '@plenary/observability';
import { ParticipantsConfig } from '../participants.config.js';
import { type BadgeIdentity, signBadgeCode, verifyBadgeCode } from './badge-codes.js';

/** Signs and verifies badge codes with the service's key (BADGE_SIGNING_SECRET). */
@Injectable()
export class BadgeSigner {
  private readonly key: string;

  constructor(config: ParticipantsConfig, @Inject(LOGGER) logger: Logger) {
    this.key = config.badgeSigningSecret;
    if (!config.BADGE_SIGNING_SECRET && config.NODE_ENV !== 'test')
      logger.warn(
        'BADGE_SIGNING_SECRET is not set: badges are signed with the public development key, which anyone can forge. Set it outside development.',
      );
  }

  /** The code of a participant's badge, once they have a badge number. */
  codeOf(participant: { eventId: string; badgeNumber?: string }): string | undefined {
    return participant.badgeNumber === undefined
      ? undefined
      : signBadgeCode(this.key, { eventId: participant.eventId, badgeNumber: participant.badgeNumber });
  }

  verify(code: string): BadgeIdentity | undefined {
    return verifyBadgeCode(this.key, code);
  }
}
