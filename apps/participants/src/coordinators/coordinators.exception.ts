import { HttpStatus } from '@nestjs/common';
import { AppException } from '@plenary/http';

export enum CoordinatorsErrorCode {
  EVENT_NOT_FOUND = 'EVENT_NOT_FOUND',
  PARTY_NOT_INVITED = 'PARTY_NOT_INVITED',
  COORDINATOR_ALREADY_DESIGNATED = 'COORDINATOR_ALREADY_DESIGNATED',
  DESIGNATION_NOT_FOUND = 'DESIGNATION_NOT_FOUND',
}

const STATUS: Record<CoordinatorsErrorCode, HttpStatus> = {
  [CoordinatorsErrorCode.EVENT_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [CoordinatorsErrorCode.PARTY_NOT_INVITED]: HttpStatus.CONFLICT,
  [CoordinatorsErrorCode.COORDINATOR_ALREADY_DESIGNATED]: HttpStatus.CONFLICT,
  [CoordinatorsErrorCode.DESIGNATION_NOT_FOUND]: HttpStatus.NOT_FOUND,
};

export class CoordinatorsException extends AppException {
  constructor(code: CoordinatorsErrorCode, message: string) {
    super(STATUS[code], code, message);
  }

  static notFound(id: string): CoordinatorsException {
    return new CoordinatorsException(
      CoordinatorsErrorCode.DESIGNATION_NOT_FOUND,
      `No coordinator designation with id ${id} exists.`,
    );
  }

  static unknownEvent(eventId: string): CoordinatorsException {
    return new CoordinatorsException(
      CoordinatorsErrorCode.EVENT_NOT_FOUND,
      `No meeting with id ${eventId} is known to the participants service. Only announced meetings are; one announced moments ago may take a second to arrive.`,
    );
  }
}
