import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REPORT_STATUSES, type Locale, type ResponseTemplateGroupInput } from '@plaza/shared/contracts';
import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsIn, IsNotEmpty, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';

const REQUIRED = { message: '$property is required in every language' };

/** One language of a template. */
export class TemplateTextDto {
  @ApiProperty({ maxLength: 120 })
  @IsDefined(REQUIRED)
  @IsString()
  @IsNotEmpty(REQUIRED)
  @Matches(/\S/, REQUIRED)
  @MaxLength(120)
  title!: string;

  @ApiProperty({ maxLength: 5000, description: 'Placeholders: {ref} {category} {department} {date}' })
  @IsDefined(REQUIRED)
  @IsString()
  @IsNotEmpty(REQUIRED)
  @Matches(/\S/, REQUIRED)
  @MaxLength(5000)
  body!: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  styleNotes?: string;
}

function LanguageText(language: string): PropertyDecorator {
  const decorators = [
    ApiProperty({ type: TemplateTextDto, description: language }),
    IsDefined({ message: `$property: the ${language} text is required (every language Plaza speaks)` }),
    IsObject(),
    ValidateNested(),
    Type(() => TemplateTextDto),
  ];
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}

/** A template in the five languages: all required, so a citizen is answered in their own. */
export class TemplateTextsDto implements Record<Locale, TemplateTextDto> {
  @LanguageText('Spanish') es!: TemplateTextDto;
  @LanguageText('English') en!: TemplateTextDto;
  @LanguageText('Catalan') ca!: TemplateTextDto;
  @LanguageText('Basque') eu!: TemplateTextDto;
  @LanguageText('Galician') gl!: TemplateTextDto;
}

export class CreateTemplateGroupDto implements ResponseTemplateGroupInput {
  @ApiPropertyOptional({ nullable: true, description: 'null: usable for every category' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  categoryCode?: string | null;

  @ApiPropertyOptional({ nullable: true, enum: REPORT_STATUSES })
  @IsOptional()
  @IsIn(REPORT_STATUSES)
  status?: string | null;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiProperty({ type: TemplateTextsDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => TemplateTextsDto)
  texts!: TemplateTextsDto;
}

export class UpdateTemplateGroupDto implements ResponseTemplateGroupInput {
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  categoryCode?: string | null;

  @ApiPropertyOptional({ nullable: true, enum: REPORT_STATUSES })
  @IsOptional()
  @IsIn(REPORT_STATUSES)
  status?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ type: TemplateTextsDto, description: 'When sent, all five languages (each replaces the stored one)' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => TemplateTextsDto)
  texts?: TemplateTextsDto;
}
