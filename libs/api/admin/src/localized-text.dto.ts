import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { LocalizedText } from '@plaza/shared/contracts';
import { IsDefined, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/** Text in several languages: Spanish and English required, Catalan, Basque and Galician optional. */
export class LocalizedTextDto implements LocalizedText {
  @ApiProperty()
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  es!: string;

  @ApiProperty()
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  en!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  ca?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  eu?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  gl?: string;
}

/** The stored form: trimmed, empty optional languages dropped. */
export function cleanText(text: LocalizedTextDto): LocalizedText {
  const out: Record<string, string> = {};
  for (const [locale, value] of Object.entries(text)) {
    if (typeof value === 'string' && value.trim()) out[locale] = value.trim();
  }
  return out as LocalizedText;
}
