import { LOCALES, type Locale, type PersonalDataKind } from '@plaza/shared/contracts';
import { detectPersonalData, type PersonalDataSpan } from './personal-data';
import { checkStyle, type StyleFinding, type StyleOptions } from './style-check';

/**
 * The checks the API runs on public text before publishing it, with the same detector and style
 * rules the console highlights with, so what the console shows is what the server enforces.
 */

export interface FieldFinding extends PersonalDataSpan {
  /** The request field the span was found in (`title`, `description`, `body`…). */
  field: string;
}

/** Personal data in each of the given public fields (absent or empty fields are skipped). */
export function screenFields(fields: Readonly<Record<string, string | null | undefined>>): FieldFinding[] {
  return Object.entries(fields).flatMap(([field, text]) => (text ? detectPersonalData(text).map((span) => ({ ...span, field })) : []));
}

/** The kinds found, each once, in the detector's order of seriousness (identity numbers first). */
export function kindsOf(findings: readonly { kind: PersonalDataKind }[]): PersonalDataKind[] {
  const order: readonly PersonalDataKind[] = ['dni', 'nie', 'phone', 'email', 'plate', 'name'];
  const found = new Set(findings.map((f) => f.kind));
  return order.filter((kind) => found.has(kind));
}

/** The fields with findings, each once, in the order the findings came. */
export function fieldsOf(findings: readonly FieldFinding[]): string[] {
  return [...new Set(findings.map((f) => f.field))];
}

/**
 * The style guide's blocking findings (severity `error`) for a public reply. The reply's language is
 * the one given; without it (a department's draft does not say) the text passes when it passes in
 * any of the site's languages, so an English or Catalan reply is never judged by Spanish greetings.
 */
export function blockingStyleFindings(text: string, locale?: Locale, options: StyleOptions = {}): StyleFinding[] {
  const errorsIn = (l: Locale) => checkStyle(text, l, options).filter((f) => f.severity === 'error');
  if (locale) return errorsIn(locale);
  let best: StyleFinding[] | null = null;
  for (const l of LOCALES) {
    const errors = errorsIn(l);
    if (errors.length === 0) return errors;
    if (!best || errors.length < best.length) best = errors;
  }
  return best ?? [];
}
