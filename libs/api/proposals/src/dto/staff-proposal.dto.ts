import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  PROPOSAL_LIMITS,
  PROPOSAL_OUTCOMES,
  type EvaluateProposalInput,
  type Locale,
  type LinkReportInput,
  type OfficialAnswerInput,
  type ProposalOutcome,
  type ProposalProgressInput,
  type ProposalThemeInput,
} from '@plaza/shared/contracts';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';

export class EvaluateProposalDto implements EvaluateProposalInput {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ maxLength: PROPOSAL_LIMITS.messageMax })
  @IsOptional()
  @IsString()
  @MaxLength(PROPOSAL_LIMITS.messageMax)
  message?: string;
}

export class OfficialAnswerDto implements OfficialAnswerInput {
  @ApiProperty({ enum: PROPOSAL_OUTCOMES })
  @IsDefined()
  @IsIn(PROPOSAL_OUTCOMES)
  outcome!: ProposalOutcome;

  @ApiProperty({ format: 'uuid' })
  @IsDefined()
  @IsUUID()
  templateId!: string;

  @ApiProperty({ minLength: PROPOSAL_LIMITS.answerMin, maxLength: PROPOSAL_LIMITS.answerMax })
  @IsDefined()
  @IsString()
  @MinLength(PROPOSAL_LIMITS.answerMin)
  @MaxLength(PROPOSAL_LIMITS.answerMax)
  text!: string;
}

export class ProposalProgressDto implements ProposalProgressInput {
  @ApiProperty({ enum: ['in_execution', 'completed'] })
  @IsDefined()
  @IsIn(['in_execution', 'completed'])
  status!: 'in_execution' | 'completed';

  @ApiPropertyOptional({ maxLength: PROPOSAL_LIMITS.messageMax })
  @IsOptional()
  @IsString()
  @MaxLength(PROPOSAL_LIMITS.messageMax)
  message?: string;
}

export class LinkReportDto implements LinkReportInput {
  @ApiProperty({ example: '2026-000123' })
  @IsDefined()
  @IsString()
  @Matches(/^[0-9A-Za-z-]{1,32}$/, { message: 'reportRef must be a report reference' })
  reportRef!: string;
}

/** One language's theme name: present, not blank, at most 80 characters. */
function NameIn(language: string): PropertyDecorator {
  const message = { message: `$property: the ${language} name is required (every language Plaza speaks)` };
  const decorators = [IsDefined(message), IsString(), MinLength(1, message), Matches(/\S/, message), MaxLength(80)];
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}

/** A theme's name in the five languages, all required on create and on rename (docs/administration.md). */
export class LocalizedNameDto implements Record<Locale, string> {
  @NameIn('Spanish')
  es!: string;

  @NameIn('English')
  en!: string;

  @NameIn('Catalan')
  ca!: string;

  @NameIn('Basque')
  eu!: string;

  @NameIn('Galician')
  gl!: string;
}

export class CreateThemeDto implements ProposalThemeInput {
  @ApiProperty({ example: 'juventud' })
  @IsDefined()
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9_-]{1,63}$/, { message: 'code must be 2-64 lower-case letters, digits, - or _' })
  code!: string;

  @ApiProperty({ example: { es: 'Juventud', en: 'Youth', ca: 'Joventut', eu: 'Gazteria', gl: 'Mocidade' } })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedNameDto)
  name!: LocalizedNameDto;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  departmentId?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  sortOrder?: number;
}

export class UpdateThemeDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedNameDto)
  name?: LocalizedNameDto;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'null removes the default department' })
  @IsOptional()
  @IsUUID()
  departmentId?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  sortOrder?: number;
}
