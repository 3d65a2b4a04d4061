import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LOCALES, REPORT_STATUSES } from '@plaza/shared/contracts';
import { IsBoolean, IsDefined, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export const TEMPLATE_PLACEHOLDERS = ['ref', 'category', 'department', 'date'] as const;

export class CreateTemplateDto {
  @ApiProperty({ maxLength: 120 })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  title!: string;

  @ApiProperty({ enum: LOCALES })
  @IsDefined()
  @IsIn(LOCALES)
  locale!: string;

  @ApiPropertyOptional({ nullable: true, description: 'null: usable for every category' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  categoryCode?: string | null;

  @ApiPropertyOptional({ nullable: true, enum: REPORT_STATUSES })
  @IsOptional()
  @IsIn(REPORT_STATUSES)
  status?: string | null;

  @ApiProperty({ maxLength: 5000, description: 'Placeholders: {ref} {category} {department} {date}' })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  body!: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  styleNotes?: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateTemplateDto {
  @ApiPropertyOptional({ maxLength: 120 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  title?: string;

  @ApiPropertyOptional({ enum: LOCALES })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  categoryCode?: string | null;

  @ApiPropertyOptional({ nullable: true, enum: REPORT_STATUSES })
  @IsOptional()
  @IsIn(REPORT_STATUSES)
  status?: string | null;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  body?: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  styleNotes?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

/** Placeholders in a body that Plaza would not know how to fill, e.g. `{nombre}`. */
export function unknownPlaceholders(body: string): string[] {
  const found = [...body.matchAll(/\{([^{}\s]{1,40})\}/g)].map((m) => m[1] as string);
  return [...new Set(found.filter((name) => !(TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name)))];
}
