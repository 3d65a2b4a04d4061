import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CASE_PRIORITIES, REPORT_REF_PATTERN, type CasePriority } from '@plaza/shared/contracts';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

export const BULK_MOVES = ['publish', 'hide', 'assign', 'priority'] as const;

export class BulkMoveDto {
  @ApiProperty({ type: [String], maxItems: 100 })
  @IsDefined()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @Matches(REPORT_REF_PATTERN, { each: true, message: 'refs must be report references' })
  refs!: string[];

  @ApiProperty({ enum: BULK_MOVES })
  @IsDefined()
  @IsIn(BULK_MOVES)
  move!: (typeof BULK_MOVES)[number];

  @ApiPropertyOptional({ description: 'For hide' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason?: string;

  @ApiPropertyOptional({ description: 'For assign', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ description: 'For priority', enum: CASE_PRIORITIES })
  @IsOptional()
  @IsIn(CASE_PRIORITIES)
  priority?: CasePriority;
}
