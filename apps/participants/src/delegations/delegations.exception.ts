import { HttpStatus } from '@nestjs/common';
import { AppException } from '@plenary/http';

export enum DelegationsErrorCode {
  EVENT_NOT_FOUND = 'EVENT_NOT_FOUND',
  PARTY_NOT_INVITED = 'PARTY_NOT_INVITED',
  DELEGATION_EXISTS = 'DELEGATION_EXISTS',
  NOT_YOUR_DELEGATION = 'NOT_YOUR_DELEGATION',
}

const STATUS: Record<DelegationsErrorCode, HttpStatus> = {
  [DelegationsErrorCode.EVENT_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [DelegationsErrorCode.PARTY_NOT_INVITED]: HttpStatus.CONFLICT,
  [DelegationsErrorCode.DELEGATION_EXISTS]: HttpStatus.CONFLICT,
  [DelegationsErrorCode.NOT_YOUR_DELEGATION]: HttpStatus.FORBIDDEN,
};

export class DelegationsException extends AppException {
  constructor(code: DelegationsErrorCode, message: string) {
    super(STATUS[code], code, message);
  }
}
