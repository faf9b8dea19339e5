import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { Allow, IsOptional, IsString, ValidateNested } from 'class-validator';
import { defineMessage } from '../messages/message-definition.js';
import { Topics } from '../topics.js';
import { EventView } from './event.view.js';

/** One field that a change touched, with its value before and after. */
export class FieldChange {
  @ApiProperty({ example: 'title' })
  @IsString()
  field: string;

  @ApiProperty({
    required: false,
    description: 'Absent when the field was not set before.',
    // Any JSON value, not only an object (what `unknown` reflects as).
    oneOf: [
      { type: 'string' },
      { type: 'number' },
      { type: 'boolean' },
      { type: 'object' },
      { type: 'array', items: {} },
    ],
  })
  @IsOptional()
  @Allow()
  before?: unknown;

  @ApiProperty({
    required: false,
    description: 'Absent when the change removed the field.',
    oneOf: [
      { type: 'string' },
      { type: 'number' },
      { type: 'boolean' },
      { type: 'object' },
      { type: 'array', items: {} },
    ],
  })
  @IsOptional()
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

const eventMessage = <const T extends string>(type: T, description: string) =>
  defineMessage({ type, version: 1, topic: Topics.events, payload: EventChangedPayload, description });

/** Every events-topic message carries the meeting's full snapshot and the fields the change touched. */
export const EventMessages = {
  'event.created': eventMessage(
    'event.created',
    'Not published any more: a draft is not public, so the first message about a meeting is event.announced, with the whole meeting. Kept so that records already on the topic still decode.',
  ),
  'event.updated': eventMessage(
    'event.updated',
    'Details of a meeting changed (title, venue, parties, registration window…).',
  ),
  'event.agenda-changed': eventMessage(
    'event.agenda-changed',
    'An agenda item was added, edited, moved or removed.',
  ),
  'event.announced': eventMessage(
    'event.announced',
    'The meeting was announced: it is public from now on. The first message about a meeting, with all of it (nothing is published while it is a draft).',
  ),
  'event.registration-opened': eventMessage(
    'event.registration-opened',
    'Coordinators may register delegations.',
  ),
  'event.registration-closed': eventMessage('event.registration-closed', 'Registration closed.'),
  'event.started': eventMessage('event.started', 'The meeting is in session.'),
  'event.concluded': eventMessage('event.concluded', 'The meeting ended; its outcome can be published.'),
  'event.cancelled': eventMessage(
    'event.cancelled',
    'The meeting was cancelled (stateReason says why). A draft that is cancelled becomes public with this message, the first about it.',
  ),
  'event.postponed': eventMessage('event.postponed', 'The meeting has new dates and is announced again.'),
  'event.deleted': eventMessage(
    'event.deleted',
    'Not published any more: only drafts are deleted, and a draft was never public. Kept so that records already on the topic still decode (forget the meeting).',
  ),
};

export type EventMessageType = keyof typeof EventMessages;
