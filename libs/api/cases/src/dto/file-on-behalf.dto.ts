import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { CreateReportDto } from '@plaza/api/reports';
import { INTAKE_CHANNELS, REPORT_LIMITS, type FileOnBehalfRequest, type IntakeChannel } from '@plaza/shared/contracts';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
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

/**
 * What a citizen who phoned, wrote or posted would have typed in the public form, validated by the
 * form's own rules (picked from CreateReportDto), plus how it reached the city. The reporter's
 * email is optional here: not everyone who phones has one.
 */
export class FileOnBehalfDto
  extends PickType(CreateReportDto, ['category', 'title', 'description', 'lat', 'lon', 'address'] as const)
  implements FileOnBehalfRequest
{
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
