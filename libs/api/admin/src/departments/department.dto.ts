import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { LOCALES, SEND_METHODS, type Locale, type SendMethod } from '@plaza/shared/contracts';
import {
  IsBoolean,
  IsIn,
  IsUrl,
  IsDefined,
  IsEmail,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { LocalizedTextDto } from '../localized-text.dto';

export const CODE_PATTERN = /^[a-z0-9][a-z0-9_-]{1,63}$/;
const CODE_MESSAGE = 'code must be 2-64 lower-case letters, digits, "-" or "_"';

/**
 * How the department receives its cases (docs/dispatch.md). `open311ApiKey` is write-only: send it
 * to set or replace the key, null to remove it; no answer ever contains it.
 */
export class DepartmentDispatchDto {
  @ApiPropertyOptional({ enum: SEND_METHODS, default: 'email' })
  @IsOptional()
  @IsIn(SEND_METHODS as unknown as string[])
  sendMethod?: SendMethod;

  @ApiPropertyOptional({ nullable: true, example: 'https://open311.city.example/v2' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'open311Endpoint must be an http(s) URL' })
  open311Endpoint?: string | null;

  @ApiPropertyOptional({ nullable: true, writeOnly: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  open311ApiKey?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  open311JurisdictionId?: string | null;

  @ApiPropertyOptional({ description: 'Plaza category code → external service_code', example: { alumbrado: 'LIGHT' } })
  @IsOptional()
  @IsObject()
  open311ServiceCodes?: Record<string, string>;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  open311SendReporter?: boolean;
}

export class CreateDepartmentDto extends DepartmentDispatchDto {
  @ApiProperty({ example: 'limpieza' })
  @IsDefined()
  @IsString()
  @Matches(CODE_PATTERN, { message: CODE_MESSAGE })
  code!: string;

  @ApiProperty({ type: LocalizedTextDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  name!: LocalizedTextDto;

  @ApiProperty({ format: 'email' })
  @IsDefined()
  @IsString()
  @IsEmail()
  @MaxLength(254)
  contactEmail!: string;

  @ApiPropertyOptional({ enum: LOCALES, default: 'es', description: 'The language of the mails Plaza sends the department' })
  @IsOptional()
  @IsIn(LOCALES as unknown as string[])
  locale?: Locale;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateDepartmentDto extends DepartmentDispatchDto {
  @ApiPropertyOptional({ type: LocalizedTextDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  name?: LocalizedTextDto;

  @ApiPropertyOptional({ format: 'email' })
  @IsOptional()
  @IsString()
  @IsEmail()
  @MaxLength(254)
  contactEmail?: string;

  @ApiPropertyOptional({ enum: LOCALES, description: 'The language of the mails Plaza sends the department' })
  @IsOptional()
  @IsIn(LOCALES as unknown as string[])
  locale?: Locale;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
