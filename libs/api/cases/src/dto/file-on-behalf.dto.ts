import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { INTAKE_CHANNELS, REPORT_LIMITS, type FileOnBehalfRequest, type IntakeChannel } from '@plaza/shared/contracts';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsEmail,
  IsIn,
  IsLatitude,
  IsLongitude,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';

export class OnBehalfReporterDto {
  @ApiProperty({ maxLength: REPORT_LIMITS.nameMax })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(REPORT_LIMITS.nameMax)
  name!: string;

  @ApiPropertyOptional({ format: 'email' })
  @IsOptional()
  @IsString()
  @IsEmail()
  @MaxLength(REPORT_LIMITS.emailMax)
  email?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(/^\+?[0-9 ().-]{6,32}$/, { message: 'phone must be a phone number' })
  phone?: string;

  @ApiProperty()
  @IsDefined()
  @IsBoolean()
  showName!: boolean;
}

export class FileOnBehalfDto implements FileOnBehalfRequest {
  @ApiProperty({ example: 'farola' })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  category!: string;

  @ApiProperty({ minLength: REPORT_LIMITS.titleMin, maxLength: REPORT_LIMITS.titleMax })
  @IsDefined()
  @IsString()
  @MinLength(REPORT_LIMITS.titleMin)
  @MaxLength(REPORT_LIMITS.titleMax)
  title!: string;

  @ApiProperty({ minLength: REPORT_LIMITS.descriptionMin, maxLength: REPORT_LIMITS.descriptionMax })
  @IsDefined()
  @IsString()
  @MinLength(REPORT_LIMITS.descriptionMin)
  @MaxLength(REPORT_LIMITS.descriptionMax)
  description!: string;

  @ApiProperty()
  @IsDefined()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsLatitude()
  lat!: number;

  @ApiProperty()
  @IsDefined()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsLongitude()
  lon!: number;

  @ApiPropertyOptional({ maxLength: REPORT_LIMITS.addressMax })
  @IsOptional()
  @IsString()
  @MaxLength(REPORT_LIMITS.addressMax)
  address?: string;

  @ApiProperty({ type: OnBehalfReporterDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => OnBehalfReporterDto)
  reporter!: OnBehalfReporterDto;

  @ApiProperty({ enum: INTAKE_CHANNELS })
  @IsDefined()
  @IsIn(INTAKE_CHANNELS)
  channel!: IntakeChannel;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  channelDetails?: string;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  publish?: boolean;
}
