import { HttpStatus } from '@nestjs/common';
import { AppException } from '@plenary/http';

export enum ReportsErrorCode {
  REPORT_NOT_FOUND = 'REPORT_NOT_FOUND',
  VERSION_NOT_FOUND = 'VERSION_NOT_FOUND',
  EVENT_NOT_FOUND = 'EVENT_NOT_FOUND',
  REPORT_EXISTS = 'REPORT_EXISTS',
  ORIGINAL_EXISTS = 'ORIGINAL_EXISTS',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  NO_DRAFT = 'NO_DRAFT',
  DRAFT_EXISTS = 'DRAFT_EXISTS',
  NOTHING_PUBLISHED = 'NOTHING_PUBLISHED',
  EVENT_NOT_HELD = 'EVENT_NOT_HELD',
  SUMMARY_MISSING = 'SUMMARY_MISSING',
  CHANGE_NOTE_MISSING = 'CHANGE_NOTE_MISSING',
  VERSION_MISMATCH = 'VERSION_MISMATCH',
}

const STATUS: Record<ReportsErrorCode, HttpStatus> = {
  [ReportsErrorCode.REPORT_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [ReportsErrorCode.VERSION_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [ReportsErrorCode.EVENT_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [ReportsErrorCode.REPORT_EXISTS]: HttpStatus.CONFLICT,
  [ReportsErrorCode.ORIGINAL_EXISTS]: HttpStatus.CONFLICT,
  [ReportsErrorCode.INVALID_TRANSITION]: HttpStatus.CONFLICT,
  [ReportsErrorCode.NO_DRAFT]: HttpStatus.CONFLICT,
  [ReportsErrorCode.DRAFT_EXISTS]: HttpStatus.CONFLICT,
  [ReportsErrorCode.NOTHING_PUBLISHED]: HttpStatus.CONFLICT,
  [ReportsErrorCode.EVENT_NOT_HELD]: HttpStatus.CONFLICT,
  [ReportsErrorCode.SUMMARY_MISSING]: HttpStatus.CONFLICT,
  [ReportsErrorCode.CHANGE_NOTE_MISSING]: HttpStatus.CONFLICT,
  [ReportsErrorCode.VERSION_MISMATCH]: HttpStatus.PRECONDITION_FAILED,
};

export class ReportsException extends AppException {
  constructor(code: ReportsErrorCode, message: string) {
    super(STATUS[code], code, message);
  }

  static notFound(id: string): ReportsException {
    return new ReportsException(ReportsErrorCode.REPORT_NOT_FOUND, `No report with id ${id} exists.`);
  }

  static stale(sent: number, current: number): ReportsException {
    return new ReportsException(
      ReportsErrorCode.VERSION_MISMATCH,
      `The report changed since you read it: you sent If-Match "${sent}", it is now at version ${current}.`,
    );
  }
}
