import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  FLAG_REASONS,
  FLAG_TARGET_TYPES,
  type BlockUserInput,
  type FlagInput,
  type FlagReason,
  type FlagTargetType,
  type HideInput,
  type ReviewOutcomeInput,
  type ReviewRequestInput,
} from '@plaza/shared/contracts';
import { IsBoolean, IsDefined, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class FlagDto implements FlagInput {
  @ApiProperty({ enum: FLAG_TARGET_TYPES })
  @IsDefined()
  @IsIn(FLAG_TARGET_TYPES)
  targetType!: FlagTargetType;

  @ApiProperty({ description: 'Comment or proposal id, or report ref' })
  @IsDefined()
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  targetId!: string;

  @ApiProperty({ enum: FLAG_REASONS })
  @IsDefined()
  @IsIn(FLAG_REASONS)
  reason!: FlagReason;

  @ApiPropertyOptional({ maxLength: 1000, description: 'Required when reason is "other"' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  details?: string;
}

export class HideDto implements HideInput {
  @ApiProperty({ enum: FLAG_REASONS })
  @IsDefined()
  @IsIn(FLAG_REASONS)
  reason!: FlagReason;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class ReviewRequestDto implements ReviewRequestInput {
  @ApiProperty({ minLength: 5, maxLength: 2000 })
  @IsDefined()
  @IsString()
  @MinLength(5)
  @MaxLength(2000)
  message!: string;
}

export class ReviewOutcomeDto implements ReviewOutcomeInput {
  @ApiProperty({ enum: ['upheld', 'reversed'] })
  @IsDefined()
  @IsIn(['upheld', 'reversed'])
  outcome!: 'upheld' | 'reversed';

  @ApiProperty({ minLength: 5, maxLength: 2000 })
  @IsDefined()
  @IsString()
  @MinLength(5)
  @MaxLength(2000)
  note!: string;
}

export class BlockUserDto implements BlockUserInput {
  @ApiProperty({ minLength: 10, maxLength: 2000, description: 'Why: kept in the audit log' })
  @IsDefined()
  @IsString()
  @MinLength(10)
  @MaxLength(2000)
  justification!: string;

  @ApiPropertyOptional({ description: 'Hide every proposal and comment of the user in the same move' })
  @IsOptional()
  @IsBoolean()
  hideContent?: boolean;
}
