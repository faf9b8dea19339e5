import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString } from 'class-validator';
import { FieldChange } from './event-messages.js';
import { EventView } from './event.view.js';

export class ActorView {
  @ApiProperty({ example: 'secretariat-1' })
  id: string;

  @ApiProperty({ example: 'secretariat' })
  role: string;

  @ApiPropertyOptional({ example: 'Desk officer' })
  name?: string;
}

/** One change to a meeting: who, when, what. */
export class HistoryEntryView {
  @ApiProperty({ example: 3, description: 'The version this change produced.' })
  version: number;

  @ApiProperty({ example: '2027-09-01T08:00:00.000Z' })
  at: string;

  @ApiProperty({ type: ActorView })
  actor: ActorView;

  @ApiProperty({ example: 'event.announced', description: 'The message type that announced the change.' })
  type: string;

  @ApiProperty({ type: [FieldChange] })
  changes: FieldChange[];
}

export class EventHistoryView {
  @ApiProperty({ example: '0192f0c4-5b1e-7d3a-9f10-6a1d2e3c4b5a' })
  eventId: string;

  @ApiProperty({ type: [HistoryEntryView], description: 'Oldest first.' })
  entries: HistoryEntryView[];
}

/** The meeting as it was after one change. */
export class EventSnapshotView extends HistoryEntryView {
  @ApiProperty({ type: EventView })
  event: EventView;
}

export class AsOfQuery {
  @ApiProperty({ example: '2027-10-01T00:00:00Z', description: 'A past moment.' })
  @IsDateString({ strict: true })
  at: string;
}
