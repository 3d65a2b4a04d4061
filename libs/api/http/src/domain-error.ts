import type { FieldError } from '@plaza/shared/contracts';

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
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static validation(fieldErrors: FieldError[], message = 'Some fields are not valid.'): DomainError {
    return new DomainError('REQUEST.VALIDATION', 'validation', message, fieldErrors);
  }

  static invalidQuery(field: string, message: string, code = 'invalid'): DomainError {
    return new DomainError('REQUEST.INVALID_QUERY', 'invalid_request', message, [{ field, code, message }]);
  }
}
