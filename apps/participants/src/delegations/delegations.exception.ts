import { HttpStatus } from '@nestjs/common';
import { AppException } from '@plenary/http';

export enum DelegationsErrorCode {
  EVENT_NOT_FOUND = 'EVENT_NOT_FOUND',
  DELEGATION_NOT_FOUND = 'DELEGATION_NOT_FOUND',
  PARTY_NOT_INVITED = 'PARTY_NOT_INVITED',
  DELEGATION_EXISTS = 'DELEGATION_EXISTS',
  REGISTRATION_NOT_OPEN = 'REGISTRATION_NOT_OPEN',
  REGISTRATION_CLOSED = 'REGISTRATION_CLOSED',
  EVENT_CANCELLED = 'EVENT_CANCELLED',
  EVENT_CONCLUDED = 'EVENT_CONCLUDED',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  DELEGATION_INACTIVE = 'DELEGATION_INACTIVE',
  VERSION_MISMATCH = 'VERSION_MISMATCH',
}

const STATUS: Record<DelegationsErrorCode, HttpStatus> = {
  [DelegationsErrorCode.EVENT_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [DelegationsErrorCode.DELEGATION_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [DelegationsErrorCode.PARTY_NOT_INVITED]: HttpStatus.CONFLICT,
  [DelegationsErrorCode.DELEGATION_EXISTS]: HttpStatus.CONFLICT,
  [DelegationsErrorCode.REGISTRATION_NOT_OPEN]: HttpStatus.CONFLICT,
  [DelegationsErrorCode.REGISTRATION_CLOSED]: HttpStatus.CONFLICT,
  [DelegationsErrorCode.EVENT_CANCELLED]: HttpStatus.CONFLICT,
  [DelegationsErrorCode.EVENT_CONCLUDED]: HttpStatus.CONFLICT,
  [DelegationsErrorCode.INVALID_TRANSITION]: HttpStatus.CONFLICT,
  [DelegationsErrorCode.DELEGATION_INACTIVE]: HttpStatus.CONFLICT,
  [DelegationsErrorCode.VERSION_MISMATCH]: HttpStatus.PRECONDITION_FAILED,
};

export class DelegationsException extends AppException {
  constructor(code: DelegationsErrorCode, message: string) {
    super(STATUS[code], code, message);
  }

  static notFound(id: string): DelegationsException {
    return new DelegationsException(
      DelegationsErrorCode.DELEGATION_NOT_FOUND,
      `No delegation with id ${id} exists.`,
    );
  }

  static unknownEvent(eventId: string): DelegationsException {
    return new DelegationsException(
      DelegationsErrorCode.EVENT_NOT_FOUND,
      `No meeting with id ${eventId} is known to the participants service. A meeting created or announced moments ago may take a second to arrive.`,
    );
  }

  static stale(sent: number, current: number): DelegationsException {
    return new DelegationsException(
      DelegationsErrorCode.VERSION_MISMATCH,
      `The delegation changed since you read it: you sent If-Match "${sent}", it is now at version ${current}.`,
    );
  }
}
