import { HttpStatus } from '@nestjs/common';
import { AppException } from '@plenary/http';

export enum ParticipantsErrorCode {
  PARTICIPANT_NOT_FOUND = 'PARTICIPANT_NOT_FOUND',
  QUOTA_FULL = 'QUOTA_FULL',
  HEAD_EXISTS = 'HEAD_EXISTS',
  PERSON_ALREADY_REGISTERED = 'PERSON_ALREADY_REGISTERED',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  NOT_ACCREDITED = 'NOT_ACCREDITED',
  DELEGATION_INACTIVE = 'DELEGATION_INACTIVE',
  PARTICIPANT_INACTIVE = 'PARTICIPANT_INACTIVE',
  VERSION_MISMATCH = 'VERSION_MISMATCH',
  CHANGE_IN_PROGRESS = 'CHANGE_IN_PROGRESS',
  RESERVATION_EXPIRED = 'RESERVATION_EXPIRED',
}

const STATUS: Record<ParticipantsErrorCode, HttpStatus> = {
  [ParticipantsErrorCode.PARTICIPANT_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [ParticipantsErrorCode.QUOTA_FULL]: HttpStatus.CONFLICT,
  [ParticipantsErrorCode.HEAD_EXISTS]: HttpStatus.CONFLICT,
  [ParticipantsErrorCode.PERSON_ALREADY_REGISTERED]: HttpStatus.CONFLICT,
  [ParticipantsErrorCode.INVALID_TRANSITION]: HttpStatus.CONFLICT,
  [ParticipantsErrorCode.NOT_ACCREDITED]: HttpStatus.CONFLICT,
  [ParticipantsErrorCode.DELEGATION_INACTIVE]: HttpStatus.CONFLICT,
  [ParticipantsErrorCode.PARTICIPANT_INACTIVE]: HttpStatus.CONFLICT,
  [ParticipantsErrorCode.VERSION_MISMATCH]: HttpStatus.PRECONDITION_FAILED,
  [ParticipantsErrorCode.CHANGE_IN_PROGRESS]: HttpStatus.CONFLICT,
  [ParticipantsErrorCode.RESERVATION_EXPIRED]: HttpStatus.SERVICE_UNAVAILABLE,
};

export class ParticipantsException extends AppException {
  constructor(code: ParticipantsErrorCode, message: string) {
    super(STATUS[code], code, message);
  }

  static notFound(id: string): ParticipantsException {
    return new ParticipantsException(
      ParticipantsErrorCode.PARTICIPANT_NOT_FOUND,
      `No participant with id ${id} exists.`,
    );
  }

  static stale(sent: number, current: number): ParticipantsException {
    return new ParticipantsException(
      ParticipantsErrorCode.VERSION_MISMATCH,
      `The participant changed since you read them: you sent If-Match "${sent}", they are now at version ${current}.`,
    );
  }
}
