import type { FieldError } from '@plaza/shared/contracts';
import type { Translator, TranslationKey } from '@plaza/web/i18n';
import { isApiError, isNetworkError } from './api-errors';
import { screeningErrorMessage } from './screening-text';

/** Plaza's stable field-error codes (see libs/api/http/src/validation.ts) → console messages. */
const FIELD_CODE_KEYS: Record<string, TranslationKey> = {
  required: 'console.fieldError.required',
  invalid_type: 'console.fieldError.invalidType',
  invalid_email: 'console.fieldError.invalidEmail',
  too_long: 'console.fieldError.tooLong',
  too_short: 'console.fieldError.tooShort',
  too_small: 'console.fieldError.tooSmall',
  too_large: 'console.fieldError.tooLarge',
  invalid_format: 'console.fieldError.invalidFormat',
  not_allowed: 'console.fieldError.notAllowed',
  unknown_field: 'console.fieldError.unknownField',
  taken: 'console.fieldError.taken',
  duplicate: 'console.fieldError.taken',
  not_found: 'console.fieldError.notFound',
  incorrect: 'console.fieldError.incorrect',
  invalid_json: 'console.fieldError.invalidJson',
  unknown_placeholder: 'console.fieldError.unknownPlaceholder',
  unknown_department: 'console.fieldError.unknownDepartment',
  unknown_category: 'console.fieldError.unknownCategory',
  // class-validator's own constraint name, for ids picked from a list.
  isUuid: 'console.fieldError.choose',
  arrayNotEmpty: 'console.fieldError.chooseAtLeastOne',
};

/** `choice`: the control is a list to pick from, where "required" means "pick at least one". */
export function fieldErrorMessage(t: Translator['t'], error: FieldError, choice = false): string {
  if (choice && error.code === 'required') return t('console.fieldError.chooseAtLeastOne');
  const key = FIELD_CODE_KEYS[error.code];
  // An unknown code still tells the user something: the server's own sentence.
  return key ? t(key) : error.message;
}

/** One sentence for a failed request as a whole (field errors are shown beside their fields). */
export function requestErrorMessage(t: Translator['t'], error: unknown): string {
  if (isNetworkError(error)) return t('console.error.network');
  if (!isApiError(error)) return t('console.error.unexpected');
  const detail = error.problem?.detail;
  switch (error.status) {
    case 401:
      return t('console.error.unauthenticated');
    case 403:
      return t('console.error.forbidden');
    case 404:
      return t('console.error.notFound');
    case 409:
      return withDetail(t('console.error.conflict'), detail);
    case 413:
      return t('console.error.tooLarge');
    case 415:
      return t('console.error.unsupportedType');
    case 429:
      return error.retryAfterSeconds
        ? t('console.error.rateLimitedFor', { seconds: error.retryAfterSeconds })
        : t('console.error.rateLimited');
  }
  const screening = screeningErrorMessage(t, error);
  if (screening) return screening;
  if (error.status >= 500) {
    const ref = error.problem?.requestId;
    return ref ? t('console.error.serverWithRef', { ref }) : t('console.error.server');
  }
  return withDetail(t('console.error.invalid'), detail);
}

// The server's detail is English; it is still more useful than a generic sentence alone.
function withDetail(message: string, detail: string | undefined): string {
  return detail ? `${message} (${detail})` : message;
}
