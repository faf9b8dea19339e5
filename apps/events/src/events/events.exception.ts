import { HttpStatus } from '@nestjs/common';
import { AppException, type FieldError } from '@plenary/http';

export enum EventsErrorCode {
  EVENT_NOT_FOUND = 'EVENT_NOT_FOUND',
  AGENDA_ITEM_NOT_FOUND = 'AGENDA_ITEM_NOT_FOUND',
  VERSION_MISMATCH = 'VERSION_MISMATCH',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  REGISTRATION_NOT_SET = 'REGISTRATION_NOT_SET',
  EVENT_CLOSED = 'EVENT_CLOSED',
  DATES_LOCKED = 'DATES_LOCKED',
  NOT_A_DRAFT = 'NOT_A_DRAFT',
  AGENDA_ORDER_MISMATCH = 'AGENDA_ORDER_MISMATCH',
  NO_SUCH_VERSION = 'NO_SUCH_VERSION',
}

const STATUS: Record<EventsErrorCode, HttpStatus> = {
  [EventsErrorCode.EVENT_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [EventsErrorCode.AGENDA_ITEM_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [EventsErrorCode.NO_SUCH_VERSION]: HttpStatus.NOT_FOUND,
  [EventsErrorCode.VERSION_MISMATCH]: HttpStatus.PRECONDITION_FAILED,
  [EventsErrorCode.INVALID_TRANSITION]: HttpStatus.CONFLICT,
  [EventsErrorCode.REGISTRATION_NOT_SET]: HttpStatus.CONFLICT,
  [EventsErrorCode.EVENT_CLOSED]: HttpStatus.CONFLICT,
  [EventsErrorCode.DATES_LOCKED]: HttpStatus.CONFLICT,
  [EventsErrorCode.NOT_A_DRAFT]: HttpStatus.CONFLICT,
  [EventsErrorCode.AGENDA_ORDER_MISMATCH]: HttpStatus.BAD_REQUEST,
};

export class EventsException extends AppException {
  constructor(code: EventsErrorCode, message: string, errors?: FieldError[]) {
    super(STATUS[code], code, message, errors);
  }

  static notFound(id: string): EventsException {
    return new EventsException(EventsErrorCode.EVENT_NOT_FOUND, `No meeting with id ${id} exists.`);
  }

  static stale(sent: number, current: number): EventsException {
    return new EventsException(
      EventsErrorCode.VERSION_MISMATCH,
      `The meeting changed since you read it: you sent If-Match "${sent}", it is now at version ${current}. Read it again and reapply your change.`,
    );
  }
}
