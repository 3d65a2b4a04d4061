import type { ServerMessageValues } from '@plaza/api/i18n';
import type { FieldError } from '@plaza/shared/contracts';

/**
 * The catalogue message (`libs/api/i18n/messages/<locale>/problems.json`) that says `message` in
 * the reader's language. Errors without one keep their English `message` as the detail.
 */
export interface ProblemText {
  key: string;
  values?: ServerMessageValues;
}

/**
 * What went wrong, in domain words. The HTTP layer maps each kind to a status in one place
 * (problem-mapping.ts), so services never speak HTTP.
 */
export type ErrorKind =
  | 'invalid_request' // the request itself is malformed (query syntax, JSON syntax)
  | 'validation' // well-formed, but fields break the rules
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'unsupported_media_type'
  | 'unauthenticated'
  | 'forbidden'
  | 'rate_limited'
  | 'precondition_required' // the request must first carry something else, e.g. a solved proof of work
  | 'unavailable';

export class DomainError extends Error {
  constructor(
    /** Stable code clients may branch on, e.g. `REPORT.OUTSIDE_AREAS`. */
    readonly code: string,
    readonly kind: ErrorKind,
    message: string,
    readonly fieldErrors: FieldError[] = [],
    /** The detail in every language; `message` stays the English one for logs. */
    readonly text?: ProblemText,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  /** A caller's own `message` is specific and stays as it is; the generic one is said in every language. */
  static validation(fieldErrors: FieldError[], message?: string): DomainError {
    return message === undefined
      ? new DomainError('REQUEST.VALIDATION', 'validation', 'Some fields are not valid.', fieldErrors, { key: 'problem.detail.validation' })
      : new DomainError('REQUEST.VALIDATION', 'validation', message, fieldErrors);
  }

  /** The detail names the parameter in the reader's language; the field error keeps the precise rule. */
  static invalidQuery(field: string, message: string, code = 'invalid'): DomainError {
    return new DomainError('REQUEST.INVALID_QUERY', 'invalid_request', message, [{ field, code, message }], {
      key: 'problem.detail.invalidQuery',
      values: { field },
    });
  }
}
