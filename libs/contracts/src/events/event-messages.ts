import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { Allow, IsString, ValidateNested } from 'class-validator';
import { defineMessage } from '../messages/message-definition.js';
import { Topics } from '../topics.js';
import { EventView } from './event.view.js';

/** One field that a change touched, with its value before and after. */
export class FieldChange {
  @ApiProperty({ example: 'title' })
  @IsString()
  field: string;

  @ApiProperty({ required: false, description: 'Absent when the field was not set before.' })
  @Allow()
  before?: unknown;

  @ApiProperty({ required: false, description: 'Absent when the change removed the field.' })
  @Allow()
  after?: unknown;
}

/** Every events-topic message: the meeting as it is now, and what this change did to it. */
export class EventChangedPayload {
  @ValidateNested()
  @Type(() => EventView)
  event: EventView;

  @ValidateNested({ each: true })
  @Type(() => FieldChange)
  changes: FieldChange[];
}

export const EventMessages = {
  'event.created': defineMessage({
    type: 'event.created',
    version: 1,
    topic: Topics.events,
    payload: EventChangedPayload,
    description: 'The secretariat created a meeting (in draft).',
  }),
};
