import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PROPOSAL_LIMITS, type CreateProposalInput } from '@plaza/shared/contracts';
import {
  IsBoolean,
  IsDefined,
  IsLatitude,
  IsLongitude,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';

const CODE = /^[a-z0-9][a-z0-9_-]{1,63}$/;

export class CreateProposalDto implements CreateProposalInput {
  @ApiProperty({ minLength: PROPOSAL_LIMITS.titleMin, maxLength: PROPOSAL_LIMITS.titleMax })
  @IsDefined()
  @IsString()
  @MinLength(PROPOSAL_LIMITS.titleMin)
  @MaxLength(PROPOSAL_LIMITS.titleMax)
  title!: string;

  @ApiProperty({ minLength: PROPOSAL_LIMITS.summaryMin, maxLength: PROPOSAL_LIMITS.summaryMax })
  @IsDefined()
  @IsString()
  @MinLength(PROPOSAL_LIMITS.summaryMin)
  @MaxLength(PROPOSAL_LIMITS.summaryMax)
  summary!: string;

  @ApiProperty({ minLength: PROPOSAL_LIMITS.descriptionMin, maxLength: PROPOSAL_LIMITS.descriptionMax })
  @IsDefined()
  @IsString()
  @MinLength(PROPOSAL_LIMITS.descriptionMin)
  @MaxLength(PROPOSAL_LIMITS.descriptionMax)
  description!: string;

  @ApiProperty({ description: 'Theme code (GET /api/v1/proposal-themes)', example: 'movilidad' })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @Matches(CODE, { message: 'theme must be a theme code' })
  theme!: string;

  @ApiPropertyOptional({ example: 40.4168 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsLatitude()
  lat?: number;

  @ApiPropertyOptional({ example: -3.7038 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsLongitude()
  lon?: number;

  @ApiPropertyOptional({ description: 'Area code, for proposals without a point', example: 'centro' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  area?: string;

  @ApiProperty({ description: 'Show the author\u2019s name on the public proposal' })
  @IsDefined()
  @IsBoolean()
  showName!: boolean;
}
