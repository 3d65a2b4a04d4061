import { HttpException } from '@nestjs/common';
import { hasServerText, serverText } from '@plaza/api/i18n';
import type { FieldError, Locale, ProblemDetails } from '@plaza/shared/contracts';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from './database-unavailable';
import { DomainError, type ErrorKind, type ProblemText } from './domain-error';

const STATUS_BY_KIND: Record<ErrorKind, number> = {
  invalid_request: 400,
  validation: 422,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_media_type: 415,
  unauthenticated: 401,
  forbidden: 403,
  rate_limited: 429,
  precondition_required: 428,
  unavailable: 503,
};

/** Fastify and @fastify/multipart error codes that are the client's fault, with what to answer. */
const FASTIFY_ERRORS: Record<string, { status: number; code: string; detail: string; key: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'REQUEST.TOO_LARGE', detail: 'The request body is too large.', key: 'problem.detail.bodyTooLarge' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
    detail: 'Send application/json or multipart/form-data.',
    key: 'problem.detail.unsupportedMediaType',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'REQUEST.MALFORMED', detail: 'The JSON body is empty.', key: 'problem.detail.emptyJson' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'REQUEST.MALFORMED', detail: 'The body is not valid JSON.', key: 'problem.detail.invalidJson' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'REQUEST.MALFORMED',
    detail: 'Content-Length does not match the body.',
    key: 'problem.detail.contentLengthMismatch',
  },
  FST_ERR_CTP_INVALID_TYPE: { status: 400, code: 'REQUEST.MALFORMED', detail: 'Invalid Content-Type header.', key: 'problem.detail.invalidContentType' },
  FST_REQ_FILE_TOO_LARGE: { status: 413, code: 'PHOTO.TOO_LARGE', detail: 'A file is larger than allowed.', key: 'problem.detail.fileTooLarge' },
  FST_FILES_LIMIT_REACHED: { status: 413, code: 'PHOTO.TOO_MANY', detail: 'Too many files in one request.', key: 'problem.detail.tooManyFiles' },
  FST_PARTS_LIMIT_REACHED: { status: 413, code: 'REQUEST.TOO_LARGE', detail: 'Too many parts in the form.', key: 'problem.detail.tooManyParts' },
  FST_FIELDS_LIMIT_REACHED: { status: 413, code: 'REQUEST.TOO_LARGE', detail: 'Too many fields in the form.', key: 'problem.detail.tooManyFields' },
  FST_PROTO_VIOLATION: { status: 400, code: 'REQUEST.MALFORMED', detail: 'Forbidden property name in the form.', key: 'problem.detail.forbiddenProperty' },
  // The router's own refusals (answered through the adapter's frameworkErrors option).
  FST_ERR_BAD_URL: { status: 400, code: 'REQUEST.BAD_URL', detail: 'The URL is not validly encoded.', key: 'problem.detail.badUrl' },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, code: 'REQUEST.URI_TOO_LONG', detail: 'A part of the URL is too long.', key: 'problem.detail.paramTooLong' },
  FST_ERR_ASYNC_CONSTRAINT: { status: 400, code: 'REQUEST.MALFORMED', detail: 'The request could not be routed.', key: 'problem.detail.notRoutable' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH_HEADER: { status: 400, code: 'REQUEST.MALFORMED', detail: 'Invalid Content-Length.', key: 'problem.detail.invalidContentLength' },
  FST_INVALID_MULTIPART_CONTENT_TYPE: {
    status: 415,
    code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
    detail: 'The request is not multipart.',
    key: 'problem.detail.notMultipart',
  },
};

const CODE_BY_STATUS: Record<number, string> = {
  400: 'REQUEST.MALFORMED',
  404: 'REQUEST.NOT_FOUND',
  408: 'REQUEST.TIMEOUT',
  413: 'REQUEST.TOO_LARGE',
  414: 'REQUEST.URI_TOO_LONG',
  415: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
  431: 'REQUEST.HEADERS_TOO_LARGE',
};

/**
 * What @fastify/busboy throws while a handler reads a multipart body whose boundary never comes
 * (or whose parts end early): plain Errors, recognised by message. A unit test runs busboy on
 * such bodies, so an upgrade that rewords them fails there, not in production.
 */
const MULTIPART_FAILURE = /^(Unexpected end of multipart data|\w+ terminated early due to unexpected end of multipart data|Multipart: Boundary not found|Malformed part header|The needle cannot have a length bigger than \d+\.)$/;

export interface ProblemAnswer {
  problem: ProblemDetails;
  /** Logged as an error with the request id (a bug or an outage on our side). */
  unexpected: boolean;
  /** Seconds for a `Retry-After` header, when the client should simply try again later. */
  retryAfterSeconds?: number;
}

export interface ProblemContext {
  requestId?: string;
  instance?: string;
  /**
   * The reader's language (the request's `?lang=` or Accept-Language). Title, detail and field
   * messages are then written from the server catalogues; without one (an answer written before
   * there is a request) they are English, as the `type` and `code` always are.
   */
  locale?: Locale;
}

export function problemType(code: string): string {
  return `urn:plaza:problem:${code.toLowerCase().replace(/[._]/g, '-')}`;
}

/**
 * A problem document. `detail` is the English sentence; `text`, when the error has one, says it in
 * the reader's language. `type`, `code` and each field error's `field` and `code` never change with
 * the language: clients branch on them.
 */
export function buildProblem(
  status: number,
  code: string,
  detail: string | undefined,
  ctx: ProblemContext,
  errors?: FieldError[],
  text?: ProblemText,
): ProblemDetails {
  const locale = ctx.locale ?? 'en';
  return {
    type: problemType(code),
    title: problemTitle(status, locale),
    status,
    ...(detail || text ? { detail: localizedDetail(locale, detail, text) } : {}),
    ...(ctx.instance ? { instance: ctx.instance } : {}),
    code,
    ...(ctx.requestId ? { requestId: ctx.requestId } : {}),
    ...(errors && errors.length > 0 ? { errors: ctx.locale ? errors.map((error) => localizedFieldError(locale, error)) : errors } : {}),
  };
}

function problemTitle(status: number, locale: Locale): string {
  const key = `problem.title.${status}`;
  if (hasServerText(key)) return serverText(locale, key);
  return serverText(locale, status >= 500 ? 'problem.title.serverError' : 'problem.title.requestError');
}

function localizedDetail(locale: Locale, detail: string | undefined, text: ProblemText | undefined): string {
  if (!text) return detail ?? '';
  try {
    return serverText(locale, text.key, text.values);
  } catch {
    // A message whose values the thrower did not supply (or a mistyped key): an error answer must
    // never become a 500, and the English sentence still says what went wrong.
    return detail ?? serverText(locale, 'problem.title.requestError');
  }
}

/**
 * The field codes Plaza documents (validation.ts) have a sentence in every language; a length or
 * range rule keeps its limit, read from the English message (class-validator's "…shorter than or
 * equal to 120 characters", Plaza's "At most 3 photos per report."); one without a number, and any
 * code the catalogues do not know, keeps the thrower's own message.
 */
const FIELD_LIMIT_CODES = new Set(['too_long', 'too_short', 'too_small', 'too_large', 'too_many']);

export function localizedFieldError(locale: Locale, error: FieldError): FieldError {
  const key = `problem.field.${error.code}`;
  if (!hasServerText(key)) return error;
  if (!FIELD_LIMIT_CODES.has(error.code)) return { ...error, message: serverText(locale, key) };
  const limit = /(-?\d+(?:\.\d+)?)\D*$/.exec(error.message)?.[1];
  return limit === undefined ? error : { ...error, message: serverText(locale, key, { limit: Number(limit) }) };
}

/**
 * Turns anything thrown into a problem document. Unknown errors become a bare 500: internals
 * (SQL, stack traces) are logged with the request id, never sent.
 */
export function toProblem(error: unknown, ctx: ProblemContext): ProblemAnswer {
  if (error instanceof DomainError) {
    const status = STATUS_BY_KIND[error.kind];
    const retryAfter = (error as DomainError & { retryAfterSeconds?: unknown }).retryAfterSeconds;
    return {
      problem: buildProblem(status, error.code, error.message, ctx, error.fieldErrors, error.text),
      unexpected: false,
      // A refusal for now, not for good (a full photo queue, a rate limit) says when to come back.
      ...(typeof retryAfter === 'number' ? { retryAfterSeconds: retryAfter } : {}),
    };
  }
  // Nest's Fastify adapter hands a client-side FastifyError (invalid JSON, a body over the limit)
  // over wrapped in an HttpException: the Fastify code, which the table below answers, is its cause.
  const fastifyError = error instanceof HttpException && error.cause instanceof Error ? error.cause : error;
  const fastifyCode = (fastifyError as { code?: unknown } | null)?.code;
  if (typeof fastifyCode === 'string' && FASTIFY_ERRORS[fastifyCode]) {
    const known = FASTIFY_ERRORS[fastifyCode];
    return { problem: buildProblem(known.status, known.code, known.detail, ctx, undefined, { key: known.key }), unexpected: false };
  }
  if (error instanceof Error && MULTIPART_FAILURE.test(error.message)) {
    return {
      problem: buildProblem(400, 'REQUEST.MALFORMED_MULTIPART', 'The multipart body is malformed or cut short.', ctx, undefined, {
        key: 'problem.detail.malformedMultipart',
      }),
      unexpected: false,
    };
  }
  if (isDatabaseUnavailable(error)) {
    // Not the client's fault nor a bug: logged (once per request) for the operator, and the
    // client is told when to retry instead of getting a 500.
    return {
      problem: buildProblem(503, 'SERVER.DATABASE_UNAVAILABLE', 'The service is briefly unavailable. Please try again shortly.', ctx, undefined, {
        key: 'problem.detail.databaseUnavailable',
      }),
      unexpected: false,
      retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const code = status === 404 ? 'REQUEST.NOT_FOUND' : status === 405 ? 'REQUEST.METHOD_NOT_ALLOWED' : 'REQUEST.ERROR';
    const detail = status === 404 ? 'No such resource.' : error.message;
    const text = status === 404 ? { key: 'problem.detail.notFound' } : undefined;
    return { problem: buildProblem(status, code, detail, ctx, undefined, text), unexpected: status >= 500 };
  }
  const statusCode = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    // Other client errors raised by Fastify itself (a malformed URL, a body over the limit).
    const code = CODE_BY_STATUS[statusCode] ?? 'REQUEST.ERROR';
    const text = statusCode === 404 ? { key: 'problem.detail.notFound' } : undefined;
    return { problem: buildProblem(statusCode, code, (error as Error).message, ctx, undefined, text), unexpected: false };
  }
  return {
    problem: buildProblem(500, 'SERVER.UNEXPECTED', 'Something went wrong on our side. It has been logged.', ctx, undefined, {
      key: 'problem.detail.unexpected',
    }),
    unexpected: true,
  };
}
