import type { FieldError } from '@plaza/shared/contracts';
import type { Translator } from '@plaza/web/i18n';
import { fieldErrorMessage, isApiError, requestErrorMessage, type ApiErrorLike } from '@plaza/console/util';

/** How an API field path (`name.es`) maps to the control showing it. */
export interface FormFieldSpec {
  id: string;
  label: string;
  /** A list to pick from (checkbox group): "required" reads "choose at least one". */
  choice?: boolean;
}
export type FormFields = Record<string, FormFieldSpec>;

/** A summary entry: which control to jump to, and what to say (structurally the ui ErrorSummaryItem). */
export interface FormErrorItem {
  targetId: string;
  message: string;
}

export interface FormErrors {
  /** Control id → message shown beside it. */
  byId: Record<string, string>;
  /** The same errors, as links for the summary at the top of the form, in form order. */
  items: FormErrorItem[];
  /** Problems not tied to a field. */
  general: string[];
}

export const NO_ERRORS: FormErrors = { byId: {}, items: [], general: [] };

/**
 * Spreads a failed request over the form: field errors beside their controls (a nested path such
 * as `name.xx` falls back to its parent's control), anything else in the summary.
 */
export function toFormErrors(
  error: unknown,
  fields: FormFields,
  t: Translator['t'],
  overrideGeneral?: (error: unknown) => string | null,
): FormErrors {
  const byId: Record<string, string> = {};
  const general: string[] = [];
  const fieldErrors = isApiError(error) ? [...error.fieldErrors, ...conflictAsFieldError(error)] : [];
  for (const fieldError of fieldErrors) {
    const spec = fields[fieldError.field] ?? fields[fieldError.field.split('.')[0] ?? ''];
    const message = fieldErrorMessage(t, fieldError, spec?.choice);
    if (spec && !byId[spec.id]) byId[spec.id] = message;
    else if (!spec) general.push(fieldError.field ? `${fieldError.field}: ${message}` : message);
  }
  if (fieldErrors.length === 0) general.push(overrideGeneral?.(error) ?? requestErrorMessage(t, error));
  // Several API paths may share a control (`name` and `name.es`): one summary entry per control.
  const seen = new Set<string>();
  const items = Object.values(fields)
    .filter((spec) => byId[spec.id] && !seen.has(spec.id) && seen.add(spec.id))
    .map((spec) => ({ targetId: spec.id, message: `${spec.label}: ${byId[spec.id]}` }));
  return { byId, items, general };
}

/** Conflicts the API reports by code (`DEPARTMENT.CODE_TAKEN`) belong beside the field that clashed. */
const CONFLICT_FIELDS: Array<[suffix: string, field: string]> = [
  ['.CODE_TAKEN', 'code'],
  ['.EMAIL_TAKEN', 'email'],
];

function conflictAsFieldError(error: ApiErrorLike): FieldError[] {
  if (error.status !== 409 || error.fieldErrors.length > 0) return [];
  const match = CONFLICT_FIELDS.find(([suffix]) => error.code?.endsWith(suffix));
  return match ? [{ field: match[1], code: 'taken', message: error.message }] : [];
}
