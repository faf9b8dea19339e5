import { HttpException } from '@nestjs/common';

export interface FieldError {
  /** Path of the field in the request, e.g. "parties[2].code" or "startsAt". */
  field: string;
  messages: string[];
}

/**
 * An error a client can act on: an HTTP status, a stable machine-readable code and a sentence
 * a person understands. Each app defines its own codes (an enum per module) and throws
 * subclasses of this; the exception filter turns it into the JSON error body.
 */
export class AppException extends HttpException {
  constructor(
    status: number,
    readonly code: string,
    message: string,
    readonly errors?: FieldError[],
  ) {
    super(message, status);
  }
}
