import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDateString, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { IsIanaTimeZone } from '../validation/is-iana-time-zone.js';
import { RegistrationInput } from './create-event.dto.js';

export class CancelEventDto {
  @ApiProperty({ example: 'The host government withdrew its invitation.' })
  @IsString()
  @Length(3, 1000)
  reason: string;
}

/** New dates for a meeting; it goes back to announced and registration must be opened again. */
export class PostponeEventDto {
  @ApiProperty({ example: '2028-02-12T09:00:00+05:00' })
  @IsDateString({ strict: true })
  startsAt: string;

  @ApiProperty({ example: '2028-02-12T18:00:00+05:00' })
  @IsDateString({ strict: true })
  endsAt: string;

  @ApiPropertyOptional({ example: 'Asia/Almaty', description: 'Default: unchanged.' })
  @IsOptional()
  @IsIanaTimeZone()
  timeZone?: string;

  @ApiPropertyOptional({
    type: RegistrationInput,
    description: 'A new registration window; default: unchanged.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => RegistrationInput)
  registration?: RegistrationInput;

  @ApiPropertyOptional({ example: 'Postponed at the request of the chair.' })
  @IsOptional()
  @IsString()
  @Length(3, 1000)
  reason?: string;
}
