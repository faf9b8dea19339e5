import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsObject, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';

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
  // ValidateNested alone lets a missing object through.
  @IsObject()
  @ValidateNested()
  @Type(() => CoordinatorInput)
  coordinator: CoordinatorInput;

  @ApiPropertyOptional({ example: 'Note verbale No. 14-2/1123 of 3 November 2014' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  credentialsReference?: string;
}

/** PATCH /delegations/:id (with If-Match): the coordinator's contact and the credentials reference. */
export class UpdateDelegationDto extends PartialType(
  PickType(RegisterDelegationDto, ['coordinator', 'credentialsReference'] as const),
) {}

export class WithdrawDto {
  @ApiPropertyOptional({ example: 'The minister cannot travel.' })
  @IsOptional()
  @IsString()
  @Length(3, 1000)
  reason?: string;
}

export class CredentialsReceivedDto {
  @ApiPropertyOptional({
    example: 'Note verbale No. 14-2/1123 of 3 November 2014',
    description: 'Default: the reference already given.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  reference?: string;
}
