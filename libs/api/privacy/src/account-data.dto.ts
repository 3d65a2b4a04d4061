import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LOCALES, type AccountCorrection, type Locale } from '@plaza/shared/contracts';
import { IsDefined, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

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

  @ApiPropertyOptional({ enum: LOCALES, description: 'The language of the mails Plaza sends me' })
  @IsOptional()
  @IsIn(LOCALES as unknown as string[], { message: `locale must be one of ${LOCALES.join(', ')}` })
  locale?: Locale;
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
