import { DomainError } from '@plaza/api/http';

export { TooManyAttemptsError } from '@plaza/api/abuse';

export const AuthErrors = {
  unauthenticated: () => new DomainError('AUTH.UNAUTHENTICATED', 'unauthenticated', 'Sign in to continue.'),
  forbidden: () => new DomainError('AUTH.FORBIDDEN', 'forbidden', 'Your account is not allowed to do this.'),
  undeclaredAccess: () =>
    new DomainError(
      'AUTH.ACCESS_UNDECLARED',
      'forbidden',
      'This route does not declare who may call it, so nobody may.',
    ),
  csrf: () =>
    new DomainError(
      'AUTH.CSRF_TOKEN_INVALID',
      'forbidden',
      'Send the session\u2019s CSRF token in the X-CSRF-Token header.',
    ),
  crossOrigin: () =>
    new DomainError('AUTH.ORIGIN_NOT_ALLOWED', 'forbidden', 'Requests from this origin are not accepted.'),
  invalidCredentials: () =>
    new DomainError(
      'AUTH.INVALID_CREDENTIALS',
      'unauthenticated',
      'The email or the password is not correct.',
    ),
  linkInvalid: () =>
    new DomainError(
      'AUTH.LINK_INVALID',
      'unauthenticated',
      'This sign-in link is not valid: it has expired or was already used.',
    ),
  currentPasswordWrong: () =>
    DomainError.validation(
      [{ field: 'currentPassword', code: 'incorrect', message: 'The current password is not correct.' }],
      'The current password is not correct.',
    ),
  currentPasswordRequired: () =>
    DomainError.validation(
      [
        {
          field: 'currentPassword',
          code: 'required',
          message: 'Type your current password to set a new one.',
        },
      ],
      'Type your current password to set a new one.',
    ),
  invalidNext: () =>
    DomainError.validation([
      { field: 'next', code: 'invalid_format', message: 'next must be a path on this site, e.g. /console/.' },
    ]),
};
