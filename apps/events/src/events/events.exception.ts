import { HttpStatus } from '@nestjs/common';
import { AppException } from '@plenary/http';

export enum EventsErrorCode {
  EVENT_NOT_FOUND = 'EVENT_NOT_FOUND',
}

const STATUS: Record<EventsErrorCode, HttpStatus> = {
  [EventsErrorCode.EVENT_NOT_FOUND]: HttpStatus.NOT_FOUND,
};

export class EventsException extends AppException {
  constructor(code: EventsErrorCode, message: string) {
    super(STATUS[code], code, message);
  }

  static notFound(id: string): EventsException {
    return new EventsException(EventsErrorCode.EVENT_NOT_FOUND, `No meeting with id ${id} exists.`);
  }
}
