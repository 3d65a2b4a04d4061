import { SCREENING_PROBLEMS, type PersonalDataKind, type ScreeningHold } from '@plaza/shared/contracts';
import type { StyleRule } from '@plaza/shared/moderation';
import type { Translator } from '@plaza/web/i18n';
import type { ApiErrorLike } from './api-errors';

/** "DNI, teléfono": the kinds of personal data found, in the reader's language. */
export function kindsText(t: Translator['t'], kinds: readonly string[]): string {
  return kinds.map((kind) => t(`cases.pd.kind.${kind as PersonalDataKind}`)).join(', ');
}

/** The fields of a report the screening found personal data in ("descripción, dirección"). */
export function heldFieldsText(t: Translator['t'], hold: ScreeningHold): string {
  return hold.fields
    .map((field) => (field === 'title' || field === 'description' || field === 'address' ? t(`cases.field.${field}`) : field))
    .join(', ');
}

/**
 * The API refused staff text after its own screening (422 `SCREENING.*`): say what it found, in the
 * reader's words, or null when the error is something else.
 */
export function screeningErrorMessage(t: Translator['t'], error: ApiErrorLike): string | null {
  if (error.code === SCREENING_PROBLEMS.personalData) {
    if (error.fieldErrors.some((e) => e.field === 'override')) return t('cases.screening.overrideNotAllowed');
    return t('cases.screening.personalData', { kinds: kindsText(t, error.fieldErrors.flatMap((e) => e.kinds ?? [])) });
  }
  if (error.code === SCREENING_PROBLEMS.style) {
    const rules = error.fieldErrors.flatMap((e) => e.rules ?? []);
    return t('cases.screening.style', { rules: rules.map((rule) => t(`cases.screening.rule.${rule as StyleRule}`)).join(', ') });
  }
  return null;
}
