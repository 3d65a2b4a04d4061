import { ApiProperty } from '@nestjs/swagger';
import type { Locale, LocalizedText } from '@plaza/shared/contracts';
import { IsDefined, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

/** One language's text: present, a string, not blank, at most 500 characters. */
function TextIn(language: string): PropertyDecorator {
  const message = { message: `$property: the ${language} text is required (every language Plaza speaks)` };
  const decorators = [IsDefined(message), IsString(), IsNotEmpty(message), Matches(/\S/, message), MaxLength(500)];
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}

/**
 * Text in the five languages Plaza speaks, all required when a row is created or its text is
 * changed (docs/decisions/0014-template-languages.md says why): a missing one is refused with a
 * field error naming it, e.g. `name.eu`. Rows from before issue 18 may still lack ca/eu/gl; they
 * fall back to Spanish (pickText) until someone edits them.
 */
export class LocalizedTextDto implements Record<Locale, string> {
  @ApiProperty({ description: 'Español' })
  @TextIn('Spanish')
  es!: string;

  @ApiProperty({ description: 'English' })
  @TextIn('English')
  en!: string;

  @ApiProperty({ description: 'Català' })
  @TextIn('Catalan')
  ca!: string;

  @ApiProperty({ description: 'Euskara' })
  @TextIn('Basque')
  eu!: string;

  @ApiProperty({ description: 'Galego' })
  @TextIn('Galician')
  gl!: string;
}

/** The stored form: every language trimmed. */
export function cleanText(text: LocalizedTextDto): LocalizedText {
  return { es: text.es.trim(), en: text.en.trim(), ca: text.ca.trim(), eu: text.eu.trim(), gl: text.gl.trim() };
}
