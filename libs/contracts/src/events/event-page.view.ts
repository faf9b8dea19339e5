import { ApiProperty } from '@nestjs/swagger';
import { EventView } from './event.view.js';

export class EventPageView {
  @ApiProperty({ type: [EventView] })
  items: EventView[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as ?cursor= for the next page; null on the last page.',
  })
  nextCursor: string | null;
}
