import type { Translator } from '@plaza/web/i18n';
import { ApiError, NetworkError } from '@plaza/web/api-client';

/** What a failed account request shows: messages beside controls (by id), and the rest on top. */
export interface AccountFormErrors {
  byId: Record<string, string>;
  general: string[];
}

/** The API's minimum (libs/api/auth PASSWORD_LIMITS.min), for hints; the API stays the judge. */
export const PASSWORD_MIN = 10;

export const NO_ERRORS: AccountFormErrors = { byId: {}, general: [] };

/** API field name → id of the control showing it. */
export type FieldIds = Record<string, string>;

/**
 * Spreads a failed request over the form: problem+json `errors` beside their fields, a 409
 * `AUTH.EMAIL_TAKEN` beside the email, wrong credentials and rate limits as one sentence on top.
 */
export function accountFormErrors(error: unknown, fields: FieldIds, t: Translator['t']): AccountFormErrors {
  if (error instanceof NetworkError) return { byId: {}, general: [t('account.error.network')] };
  if (!(error instanceof ApiError)) return { byId: {}, general: [t('account.error.generic')] };
  const byId: Record<string, string> = {};
  const general: string[] = [];
  for (const fieldError of error.fieldErrors) {
    const id = fields[fieldError.field];
    const message = fieldMessage(fieldError.field, fieldError.code, fieldError.message, t);
    if (id && !byId[id]) byId[id] = message;
    else if (!id) general.push(message);
  }
  if (error.status === 409 && fields['email'] && error.problem?.code === 'AUTH.EMAIL_TAKEN') {
    byId[fields['email']] = t('account.error.emailTaken');
  }
  if (Object.keys(byId).length > 0 || general.length > 0) return { byId, general };
  return { byId, general: [requestMessage(error, t)] };
}

function fieldMessage(field: string, code: string, serverMessage: string, t: Translator['t']): string {
  if (field === 'consent') return t('account.error.consent');
  switch (code) {
    case 'required':
      return t('account.error.required');
    case 'invalid_email':
      return t('account.error.email');
    case 'too_short':
      return field === 'password'
        ? t('account.error.tooShort', { min: PASSWORD_MIN })
        : t('account.error.required');
    case 'too_long':
      return t('account.error.tooLong');
    default:
      // An unknown code still tells the user something: the server's own sentence.
      return serverMessage || t('account.error.invalid');
  }
}

function requestMessage(error: ApiError, t: Translator['t']): string {
  switch (error.status) {
    case 401:
      return t('account.error.invalidCredentials');
    case 403:
      return t('account.error.inactive');
    case 429:
      return error.retryAfterSeconds
        ? t('account.error.rateLimitedFor', { minutes: Math.max(1, Math.ceil(error.retryAfterSeconds / 60)) })
        : t('account.error.rateLimited');
    default:
      return t('account.error.generic');
  }
}
