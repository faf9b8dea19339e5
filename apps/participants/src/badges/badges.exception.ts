import { HttpStatus } from '@nestjs/common';
import { AppException } from '@plenary/http';

export enum BadgesErrorCode {
  BADGE_CODE_INVALID = 'BADGE_CODE_INVALID',
  BADGE_OF_ANOTHER_MEETING = 'BADGE_OF_ANOTHER_MEETING',
  BADGE_NOT_FOUND = 'BADGE_NOT_FOUND',
  NO_BADGES_TO_PRINT = 'NO_BADGES_TO_PRINT',
}

const STATUS: Record<BadgesErrorCode, HttpStatus> = {
  [BadgesErrorCode.BADGE_CODE_INVALID]: HttpStatus.BAD_REQUEST,
  [BadgesErrorCode.BADGE_OF_ANOTHER_MEETING]: HttpStatus.BAD_REQUEST,
  [BadgesErrorCode.BADGE_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [BadgesErrorCode.NO_BADGES_TO_PRINT]: HttpStatus.NOT_FOUND,
};

export class BadgesException extends AppException {
  constructor(code: BadgesErrorCode, message: string, field?: string) {
    // A refused code is named as the field it came in, so the desk shows it next to the input.
    super(STATUS[code], code, message, field ? [{ field, messages: [message] }] : undefined);
  }

  static invalidCode(): BadgesException {
    return new BadgesException(
      BadgesErrorCode.BADGE_CODE_INVALID,
      "This badge's code is not genuine — check the person's identity and search by name.",
      'code',
    );
  }

  static ofAnotherMeeting(): BadgesException {
    return new BadgesException(
      BadgesErrorCode.BADGE_OF_ANOTHER_MEETING,
      'This badge is for another meeting, not this one — check the person and search by name.',
      'code',
    );
  }

  static notFound(badgeNumber: string): BadgesException {
    return new BadgesException(
      BadgesErrorCode.BADGE_NOT_FOUND,
      `No participant holds badge ${badgeNumber} at this meeting — search by name.`,
    );
  }
}
