import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REPORT_LIMITS, type CreateReportInput } from '@plaza/shared/contracts';
import { Type } from 'class-transformer';
import {
  Equals,
  IsBoolean,
  IsDefined,
  IsEmail,
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

export class ReporterDto {
  @ApiProperty({ maxLength: REPORT_LIMITS.nameMax })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(REPORT_LIMITS.nameMax)
  name!: string;

  @ApiProperty({ format: 'email' })
  @IsDefined()
  @IsString()
  @IsEmail()
  @MaxLength(REPORT_LIMITS.emailMax)
  email!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(/^\+?[0-9 ().-]{6,32}$/, { message: 'phone must be a phone number' })
  phone?: string;

  @ApiProperty({ description: 'Show the reporter\u2019s name on the public report' })
  @IsDefined()
  @IsBoolean()
  showName!: boolean;
}

export class CreateReportDto implements CreateReportInput {
  @ApiProperty({ description: 'Category code (Open311 service_code)', example: 'bache' })
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

  @ApiProperty({ example: 40.4168 })
  @IsDefined()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsLatitude()
  lat!: number;

  @ApiProperty({ example: -3.7038 })
  @IsDefined()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsLongitude()
  lon!: number;

  @ApiPropertyOptional({ maxLength: REPORT_LIMITS.addressMax })
  @IsOptional()
  @IsString()
  @MaxLength(REPORT_LIMITS.addressMax)
  address?: string;

  @ApiProperty({ type: ReporterDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ReporterDto)
  reporter!: ReporterDto;

  @ApiProperty({ enum: [true], description: 'The reporter accepts the data-protection notice' })
  @IsDefined()
  @Equals(true, { message: 'consent must be given to file a report' })
  consent!: true;
}
