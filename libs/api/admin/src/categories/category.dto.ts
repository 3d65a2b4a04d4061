import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { CODE_PATTERN } from '../departments/department.dto';
import { LocalizedTextDto } from '../localized-text.dto';

const ICON_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;

export class CreateCategoryDto {
  @ApiProperty({ example: 'bache', description: 'Stable code, also the Open311 service_code' })
  @IsDefined()
  @IsString()
  @Matches(CODE_PATTERN, { message: 'code must be 2-64 lower-case letters, digits, "-" or "_"' })
  code!: string;

  @ApiProperty({ type: LocalizedTextDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  name!: LocalizedTextDto;

  @ApiProperty({ type: LocalizedTextDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  description!: LocalizedTextDto;

  @ApiPropertyOptional({
    type: LocalizedTextDto,
    nullable: true,
    description: 'Heading the category is listed under',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  group?: LocalizedTextDto | null;

  @ApiProperty({ example: 'pothole' })
  @IsDefined()
  @IsString()
  @Matches(ICON_PATTERN, { message: 'icon must be an icon name: lower-case letters, digits and "-"' })
  icon!: string;

  @ApiProperty({ format: 'uuid' })
  @IsDefined()
  @IsUUID()
  defaultDepartmentId!: string;

  @ApiProperty({ description: 'Reports wait for a community manager before they are public' })
  @IsDefined()
  @IsBoolean()
  requiresModeration!: boolean;

  @ApiProperty({ minimum: 1, maximum: 365 })
  @IsDefined()
  @IsInt()
  @Min(1)
  @Max(365)
  targetDays!: number;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateCategoryDto {
  @ApiPropertyOptional({ type: LocalizedTextDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  name?: LocalizedTextDto;

  @ApiPropertyOptional({ type: LocalizedTextDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  description?: LocalizedTextDto;

  @ApiPropertyOptional({ type: LocalizedTextDto, nullable: true, description: 'null removes the group' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  group?: LocalizedTextDto | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(ICON_PATTERN, { message: 'icon must be an icon name: lower-case letters, digits and "-"' })
  icon?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  defaultDepartmentId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  requiresModeration?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: 365 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  targetDays?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
