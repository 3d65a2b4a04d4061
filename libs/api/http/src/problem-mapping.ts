import { HttpException } from '@nestjs/common';
import type { FieldError, ProblemDetails } from '@plaza/shared/contracts';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from './database-unavailable';
import { DomainError, type ErrorKind } from './domain-error';

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

const TITLE_BY_STATUS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Fastify and @fastify/multipart error codes that are the client's fault, with what to answer. */
const FASTIFY_ERRORS: Record<string, { status: number; code: string; detail: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'REQUEST.TOO_LARGE', detail: 'The request body is too large.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
    detail: 'Send application/json or multipart/form-data.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'REQUEST.MALFORMED', detail: 'The JSON body is empty.' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'REQUEST.MALFORMED', detail: 'The body is not valid JSON.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'REQUEST.MALFORMED',
    detail: 'Content-Length does not match the body.',
  },
  FST_ERR_CTP_INVALID_TYPE: { status: 400, code: 'REQUEST.MALFORMED', detail: 'Invalid Content-Type header.' },
  FST_REQ_FILE_TOO_LARGE: { status: 413, code: 'PHOTO.TOO_LARGE', detail: 'A file is larger than allowed.' },
  FST_FILES_LIMIT_REACHED: { status: 413, code: 'PHOTO.TOO_MANY', detail: 'Too many files in one request.' },
  FST_PARTS_LIMIT_REACHED: { status: 413, code: 'REQUEST.TOO_LARGE', detail: 'Too many parts in the form.' },
  FST_FIELDS_LIMIT_REACHED: { status: 413, code: 'REQUEST.TOO_LARGE', detail: 'Too many fields in the form.' },
  FST_PROTO_VIOLATION: { status: 400, code: 'REQUEST.MALFORMED', detail: 'Forbidden property name in the form.' },
  // The router's own refusals (answered through the adapter's frameworkErrors option).
  FST_ERR_BAD_URL: { status: 400, code: 'REQUEST.BAD_URL', detail: 'The URL is not validly encoded.' },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, code: 'REQUEST.URI_TOO_LONG', detail: 'A part of the URL is too long.' },
  FST_ERR_ASYNC_CONSTRAINT: { status: 400, code: 'REQUEST.MALFORMED', detail: 'The request could not be routed.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH_HEADER: { status: 400, code: 'REQUEST.MALFORMED', detail: 'Invalid Content-Length.' },
  FST_INVALID_MULTIPART_CONTENT_TYPE: {
    status: 415,
    code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
    detail: 'The request is not multipart.',
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
}

export function problemType(code: string): string {
  return `urn:plaza:problem:${code.toLowerCase().replace(/[._]/g, '-')}`;
}

export function buildProblem(
  status: number,
  code: string,
  detail: string | undefined,
  ctx: ProblemContext,
  errors?: FieldError[],
): ProblemDetails {
  return {
    type: problemType(code),
    title: TITLE_BY_STATUS[status] ?? (status >= 500 ? 'Server Error' : 'Request Error'),
    status,
    ...(detail ? { detail } : {}),
    ...(ctx.instance ? { instance: ctx.instance } : {}),
    code,
    ...(ctx.requestId ? { requestId: ctx.requestId } : {}),
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
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
      problem: buildProblem(status, error.code, error.message, ctx, error.fieldErrors),
      unexpected: false,
      // A refusal for now, not for good (a full photo queue, a rate limit) says when to come back.
      ...(typeof retryAfter === 'number' ? { retryAfterSeconds: retryAfter } : {}),
    };
  }
  const fastifyCode = (error as { code?: unknown } | null)?.code;
  if (typeof fastifyCode === 'string' && FASTIFY_ERRORS[fastifyCode]) {
    const known = FASTIFY_ERRORS[fastifyCode];
    return { problem: buildProblem(known.status, known.code, known.detail, ctx), unexpected: false };
  }
  if (error instanceof Error && MULTIPART_FAILURE.test(error.message)) {
    return {
      problem: buildProblem(400, 'REQUEST.MALFORMED_MULTIPART', 'The multipart body is malformed or cut short.', ctx),
      unexpected: false,
    };
  }
  if (isDatabaseUnavailable(error)) {
    // Not the client's fault nor a bug: logged (once per request) for the operator, and the
    // client is told when to retry instead of getting a 500.
    return {
      problem: buildProblem(503, 'SERVER.DATABASE_UNAVAILABLE', 'The service is briefly unavailable. Please try again shortly.', ctx),
      unexpected: false,
      retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const code = status === 404 ? 'REQUEST.NOT_FOUND' : status === 405 ? 'REQUEST.METHOD_NOT_ALLOWED' : 'REQUEST.ERROR';
    const detail = status === 404 ? 'No such resource.' : error.message;
    return { problem: buildProblem(status, code, detail, ctx), unexpected: status >= 500 };
  }
  const statusCode = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    // Other client errors raised by Fastify itself (a malformed URL, a body over the limit).
    const code = CODE_BY_STATUS[statusCode] ?? 'REQUEST.ERROR';
    return { problem: buildProblem(statusCode, code, (error as Error).message, ctx), unexpected: false };
  }
  return {
    problem: buildProblem(500, 'SERVER.UNEXPECTED', 'Something went wrong on our side. It has been logged.', ctx),
    unexpected: true,
  };
}
