import { HttpStatus } from '@nestjs/common';
import { AppException } from '@plenary/http';

export enum AttendanceErrorCode {
  EVENT_NOT_FOUND = 'EVENT_NOT_FOUND',
}

const STATUS: Record<AttendanceErrorCode, HttpStatus> = {
  [AttendanceErrorCode.EVENT_NOT_FOUND]: HttpStatus.NOT_FOUND,
};

export class AttendanceException extends AppException {
  constructor(code: AttendanceErrorCode, message: string) {
    super(STATUS[code], code, message);
  }
}
