import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsInt, IsOptional, IsUUID, Min } from 'class-validator';
import { AgendaItemInput } from './create-event.dto.js';

export class AddAgendaItemDto extends AgendaItemInput {
  @ApiPropertyOptional({ example: 0, description: 'Zero-based position; default: at the end.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  position?: number;
}

/** Fields left out stay as they are; description, slot sent as null are removed. */
export class UpdateAgendaItemDto extends PartialType(AgendaItemInput) {}

export class ReorderAgendaDto {
  @ApiProperty({
    description: 'Every item id of the agenda, once, in the new order.',
    example: ['0192…b', '0192…a'],
  })
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  itemIds: string[];
}
