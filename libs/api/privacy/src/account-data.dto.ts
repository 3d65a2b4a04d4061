import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AccountCorrection } from '@plaza/shared/contracts';
import { IsDefined, IsEmail, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class AccountCorrectionDto implements AccountCorrection {
  @ApiPropertyOptional({ maxLength: 120 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name?: string;

  @ApiPropertyOptional({ format: 'email', description: 'Applied once the new address follows the mailed link' })
  @IsOptional()
  @IsString()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ maxLength: 30, description: 'The phone on my reports; empty removes it' })
  @IsOptional()
  @IsString()
  @MaxLength(30)
  @Matches(/^[0-9+() .-]*$/, { message: 'Digits, spaces and + ( ) . - only.' })
  phone?: string;
}

export class TokenDto {
  @ApiProperty()
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  token!: string;
}

export class ReporterLinkDto {
  @ApiProperty({ format: 'email' })
  @IsDefined()
  @IsString()
  @IsEmail()
  @MaxLength(254)
  email!: string;
}
