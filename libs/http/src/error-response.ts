import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorResponse {
  @ApiProperty({ example: 'endsAt' })
  field: string;

  @ApiProperty({ example: ['endsAt must not be before startsAt'] })
  messages: string[];
}

/** The body of every error response. */
export class ErrorResponse {
  @ApiProperty({ example: 400 })
  statusCode: number;

  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'Stable code a client can branch on.' })
  code: string;

  @ApiProperty({ example: 'The request has 1 invalid field: endsAt' })
  message: string;

  @ApiPropertyOptional({ type: [FieldErrorResponse], description: 'One entry per invalid field (400 only).' })
  errors?: FieldErrorResponse[];

  @ApiPropertyOptional({ example: '0191f8a4-8b0e-7c1e-9d55-3f4c2b1a0e77' })
  correlationId?: string;
}
