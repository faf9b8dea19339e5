import { OmitType, PartialType } from '@nestjs/swagger';
import { CreateEventDto } from './create-event.dto.js';

/**
 * A partial change to a meeting (PATCH, with If-Match). Fields left out stay as they are; an
 * optional field sent as null is removed. Dates change only while the meeting is a draft (after
 * that, postpone it); the agenda changes through its own endpoints.
 */
export class UpdateEventDto extends PartialType(OmitType(CreateEventDto, ['agenda'] as const)) {}
