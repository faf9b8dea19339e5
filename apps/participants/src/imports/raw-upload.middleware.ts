import { IMPORT_MAX_BYTES } from '@plenary/contracts';
import type { NextFunction, Request, Response } from 'express';
import express from 'express';
import { ImportsErrorCode, ImportsException } from './imports.exception.js';

/** The media types a file of people may come as (browsers call a CSV file several names). */
const FILE_TYPES = [
  'text/csv',
  'text/plain',
  'text/tab-separated-values',
  'application/csv',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/octet-stream',
];

const readRaw = express.raw({ type: () => true, limit: IMPORT_MAX_BYTES });

/**
 * The uploaded file as the request's body (a Buffer), up to IMPORT_MAX_BYTES: larger is a 413
 * naming the limit, another media type a 415. The service's JSON parser leaves these bodies alone.
 */
export function rawUpload(request: Request, response: Response, next: NextFunction): void {
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (!FILE_TYPES.includes(type)) {
    next(
      new ImportsException(
        ImportsErrorCode.UNSUPPORTED_FILE_TYPE,
        `Send the file itself as the body, as text/csv or ${FILE_TYPES[5]} (this was ${type || 'without a Content-Type'}).`,
      ),
    );
    return;
  }
  readRaw(request, response, (error?: unknown) => {
    if ((error as { type?: string } | undefined)?.type === 'entity.too.large') {
      next(
        new ImportsException(
          ImportsErrorCode.FILE_TOO_LARGE,
          `The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB; split it into several files.`,
        ),
      );
      return;
    }
    next(error);
  });
}
