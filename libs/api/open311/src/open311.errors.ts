import { HttpException } from '@nestjs/common';
import { DomainError } from '@plaza/api/http';
import type { FieldError, ProblemDetails } from '@plaza/shared/contracts';
import type { Open311Document } from './open311-format';

/**
 * GeoReport v2 errors: HTTP 404 for what does not exist, 403 for a missing or wrong api_key, and
 * 400 for everything else, including failures on Plaza's side ("General service error"). The body
 * lists one or more `{ code, description }`: the HTTP status as code for general errors, the
 * Open311 field name for a field that was refused.
 */
export type Open311HttpStatus = 400 | 403 | 404;

export interface Open311ErrorItem {
  code: number | string;
  description: string;
}

export class Open311Error extends Error {
  constructor(
    readonly status: Open311HttpStatus,
    readonly errors: Open311ErrorItem[],
  ) {
    super(errors.map((e) => e.description).join(' '));
    this.name = 'Open311Error';
  }

  static notFound(description: string, code: number | string = 404): Open311Error {
    return new Open311Error(404, [{ code, description }]);
  }

  static forbidden(description: string): Open311Error {
    return new Open311Error(403, [{ code: 403, description }]);
  }

  static badRequest(code: number | string, description: string): Open311Error {
    return new Open311Error(400, [{ code, description }]);
  }

  toDocument(): Open311Document {
    return { root: 'errors', body: this.errors.map((e) => ({ code: e.code, description: e.description })) };
  }
}

/** Plaza's report fields as the Open311 request names them. */
const OPEN311_FIELD: Record<string, string> = {
  category: 'service_code',
  lat: 'lat',
  lon: 'long',
  title: 'description',
  description: 'description',
  address: 'address_string',
  'reporter.name': 'first_name',
  'reporter.email': 'email',
  'reporter.phone': 'phone',
  photos: 'media_url',
};

export function open311Field(field: string): string {
  return OPEN311_FIELD[field] ?? field;
}

export function statusForOpen311(httpStatus: number): Open311HttpStatus {
  if (httpStatus === 404) return 404;
  if (httpStatus === 401 || httpStatus === 403) return 403;
  return 400;
}

function fieldErrors(errors: FieldError[] | undefined): Open311ErrorItem[] {
  return (errors ?? []).map((e) => ({ code: open311Field(e.field), description: e.message }));
}

/**
 * Whatever was thrown, as an Open311 error. `unexpected` errors (bugs, a database down) are answered
 * as the spec's general 400 without their internals, and must be logged by the caller.
 */
export function toOpen311Error(error: unknown): { error: Open311Error; unexpected: boolean } {
  if (error instanceof Open311Error) return { error, unexpected: false };
  if (error instanceof DomainError) {
    const status =
      error.kind === 'not_found'
        ? 404
        : error.kind === 'unauthenticated' || error.kind === 'forbidden'
          ? 403
          : 400;
    const items = fieldErrors(error.fieldErrors);
    return {
      error: new Open311Error(status, items.length ? items : [{ code: status, description: error.message }]),
      unexpected: false,
    };
  }
  if (error instanceof HttpException) {
    const status = statusForOpen311(error.getStatus());
    const description = status === 404 ? 'No such resource.' : error.message;
    return {
      error: new Open311Error(status, [{ code: status, description }]),
      unexpected: error.getStatus() >= 500,
    };
  }
  const statusCode = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    const status = statusForOpen311(statusCode);
    return {
      error: new Open311Error(status, [{ code: status, description: (error as Error).message }]),
      unexpected: false,
    };
  }
  return { error: generalError(), unexpected: true };
}

/** A problem document Plaza's global filter already wrote (routing, body parsing), in Open311 terms. */
export function problemToOpen311(problem: Partial<ProblemDetails>): Open311Error {
  const status = statusForOpen311(problem.status ?? 500);
  if ((problem.status ?? 500) >= 500) return generalError();
  const items = fieldErrors(problem.errors);
  const description =
    status === 404 ? 'No such resource.' : (problem.detail ?? problem.title ?? 'The request is invalid.');
  return new Open311Error(status, items.length ? items : [{ code: status, description }]);
}

function generalError(): Open311Error {
  return Open311Error.badRequest(
    400,
    'General service error: the request could not be processed. Please try again later.',
  );
}
