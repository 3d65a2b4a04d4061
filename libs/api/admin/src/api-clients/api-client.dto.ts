import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsDefined, IsEmail, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class CreateApiClientDto {
  @ApiProperty({ example: 'App municipal de avisos', description: 'Unique, case-insensitively' })
  @IsDefined()
  @IsString()
  @MinLength(1)
  @MaxLength(80)
  name!: string;

  @ApiProperty({ format: 'email', description: 'Who to call about this client (a leaked key, a change of the API)' })
  @IsDefined()
  @IsString()
  @IsEmail()
  @MaxLength(254)
  contactEmail!: string;

  @ApiProperty({
    required: false,
    default: false,
    description:
      'True only for an application that has itself verified its users\' email addresses: its requests are then filed without the reporter\'s email confirmation',
  })
  @IsOptional()
  @IsBoolean()
  verifiesReporters?: boolean;
}
