import { HttpStatus } from '@nestjs/common';
import { AppException } from '@plenary/http';

export enum ImportsErrorCode {
  IMPORT_NOT_FOUND = 'IMPORT_NOT_FOUND',
  FILE_TOO_LARGE = 'FILE_TOO_LARGE',
  UNSUPPORTED_FILE_TYPE = 'UNSUPPORTED_FILE_TYPE',
  UNREADABLE_FILE = 'UNREADABLE_FILE',
  NOT_UTF8 = 'NOT_UTF8',
  EMPTY_FILE = 'EMPTY_FILE',
  TOO_MANY_ROWS = 'TOO_MANY_ROWS',
  MISSING_COLUMNS = 'MISSING_COLUMNS',
  UNKNOWN_COLUMNS = 'UNKNOWN_COLUMNS',
  IMPORT_HAS_ERRORS = 'IMPORT_HAS_ERRORS',
  NOTHING_TO_IMPORT = 'NOTHING_TO_IMPORT',
  IMPORT_FINISHED = 'IMPORT_FINISHED',
  OTHER_MODE = 'OTHER_MODE',
}

const STATUS: Record<ImportsErrorCode, HttpStatus> = {
  [ImportsErrorCode.IMPORT_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [ImportsErrorCode.FILE_TOO_LARGE]: HttpStatus.PAYLOAD_TOO_LARGE,
  [ImportsErrorCode.UNSUPPORTED_FILE_TYPE]: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  [ImportsErrorCode.UNREADABLE_FILE]: HttpStatus.BAD_REQUEST,
  [ImportsErrorCode.NOT_UTF8]: HttpStatus.BAD_REQUEST,
  [ImportsErrorCode.EMPTY_FILE]: HttpStatus.BAD_REQUEST,
  [ImportsErrorCode.TOO_MANY_ROWS]: HttpStatus.BAD_REQUEST,
  [ImportsErrorCode.MISSING_COLUMNS]: HttpStatus.BAD_REQUEST,
  [ImportsErrorCode.UNKNOWN_COLUMNS]: HttpStatus.BAD_REQUEST,
  [ImportsErrorCode.IMPORT_HAS_ERRORS]: HttpStatus.CONFLICT,
  [ImportsErrorCode.NOTHING_TO_IMPORT]: HttpStatus.CONFLICT,
  [ImportsErrorCode.IMPORT_FINISHED]: HttpStatus.CONFLICT,
  [ImportsErrorCode.OTHER_MODE]: HttpStatus.CONFLICT,
};

export class ImportsException extends AppException {
  /** A 400 is about the file: named as the field "file", as every 400 names what is wrong. */
  constructor(code: ImportsErrorCode, message: string) {
    const status = STATUS[code];
    super(
      status,
      code,
      message,
      status === HttpStatus.BAD_REQUEST ? [{ field: 'file', messages: [message] }] : undefined,
    );
  }

  static notFound(id: string): ImportsException {
    return new ImportsException(ImportsErrorCode.IMPORT_NOT_FOUND, `No import with id ${id} exists.`);
  }
}
