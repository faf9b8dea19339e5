import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { PageQuery } from '../common/page.query.js';
import { EVENT_STATES } from './event-enums.js';
import type { EventState } from './event-enums.js';

export class ListEventsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: EVENT_STATES })
  @IsOptional()
  @IsIn(EVENT_STATES)
  state?: EventState;

  @ApiPropertyOptional({
    example: '2027-01-01T00:00:00Z',
    description: 'Meetings that end at or after this time.',
  })
  @IsOptional()
  @IsDateString({ strict: true })
  from?: string;

  @ApiPropertyOptional({
    example: '2027-12-31T23:59:59Z',
    description: 'Meetings that start at or before this time.',
  })
  @IsOptional()
  @IsDateString({ strict: true })
  to?: string;

  @ApiPropertyOptional({ example: 'AP', description: "The organising process's acronym or name." })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  process?: string;

  @ApiPropertyOptional({ example: 'AFG', description: 'Meetings this party is invited to.' })
  @IsOptional()
  @Matches(/^[A-Z][A-Z0-9-]{1,15}$/, { message: 'party must be a party code such as KAZ or UNHCR' })
  party?: string;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'asc', description: 'By start date.' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';
}
