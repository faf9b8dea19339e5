import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';

export class CoordinatorInput {
  @ApiProperty({ example: 'Aigerim Nurlanovna' })
  @IsString()
  @Length(2, 200)
  name: string;

  @ApiProperty({ example: 'focal.point@mfa.kz' })
  @IsEmail()
  @Length(3, 254)
  email: string;
}

/** What a coordinator (or the secretariat) sends to register a party's delegation to a meeting. */
export class RegisterDelegationDto {
  @ApiProperty({ example: 'KAZ', description: 'Code of an invited party of the meeting.' })
  @Matches(/^[A-Z][A-Z0-9-]{1,15}$/, { message: '$property must be a party code such as KAZ or UNHCR' })
  party: string;

  @ApiProperty({ type: CoordinatorInput })
  @ValidateNested()
  @Type(() => CoordinatorInput)
  coordinator: CoordinatorInput;

  @ApiPropertyOptional({ example: 'Note verbale No. 14-2/1123 of 3 November 2014' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  credentialsReference?: string;
}
