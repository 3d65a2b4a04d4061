import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COMMENT_LIMITS, type EditCommentInput, type NewCommentInput } from '@plaza/shared/contracts';
import { IsDefined, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

export class NewCommentDto implements NewCommentInput {
  @ApiProperty({ minLength: COMMENT_LIMITS.bodyMin, maxLength: COMMENT_LIMITS.bodyMax })
  @IsDefined()
  @IsString()
  @MinLength(COMMENT_LIMITS.bodyMin)
  @MaxLength(COMMENT_LIMITS.bodyMax)
  body!: string;

  @ApiPropertyOptional({ description: 'A top-level comment of the same thread' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  parentId?: number;
}

export class EditCommentDto implements EditCommentInput {
  @ApiProperty({ minLength: COMMENT_LIMITS.bodyMin, maxLength: COMMENT_LIMITS.bodyMax })
  @IsDefined()
  @IsString()
  @MinLength(COMMENT_LIMITS.bodyMin)
  @MaxLength(COMMENT_LIMITS.bodyMax)
  body!: string;
}
