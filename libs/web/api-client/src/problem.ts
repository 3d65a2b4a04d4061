import { PROBLEM_CONTENT_TYPE, type FieldError, type ProblemDetails } from '@plaza/shared/contracts';

/** A request the API answered with 4xx/5xx (RFC 9457 problem+json); carries the problem document when there was one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: ProblemDetails | null,
    /** From Retry-After (a 429 or 503), when the server said. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }

  /** The stable error code (`REPORT.OUTSIDE_AREAS`), or null without a problem document. */
  get code(): string | null {
    return this.problem?.code ?? null;
  }

  /** Field-level errors (`errors` of a 422), empty when there are none. */
  get fieldErrors(): FieldError[] {
    return this.problem?.errors ?? [];
  }
}

/** The request never got an answer (offline, DNS, server down). */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'NetworkError';
  }
}

/** The caller (or a newer request) aborted: nothing to show. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** Network failure, timeout, 429 or a 5xx: the same request may succeed if sent again. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof ApiError) return error.status >= 500 || error.status === 429 || error.status === 408;
  return !isAbort(error);
}

/**
 * Reads an error body tolerantly: problem+json (or plain JSON shaped like one) becomes a
 * ProblemDetails; anything else (an HTML proxy page, an empty body) becomes null.
 */
export function parseProblem(status: number, contentType: string | null, body: string): ProblemDetails | null {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type !== PROBLEM_CONTENT_TYPE && type !== 'application/json') return null;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return null;
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) return null;
  const raw = json as Record<string, unknown>;
  const errors = Array.isArray(raw['errors']) ? raw['errors'].filter(isFieldError) : undefined;
  return {
    type: typeof raw['type'] === 'string' ? raw['type'] : 'about:blank',
    title: typeof raw['title'] === 'string' ? raw['title'] : '',
    status: typeof raw['status'] === 'number' ? raw['status'] : status,
    code: typeof raw['code'] === 'string' ? raw['code'] : '',
    ...(typeof raw['detail'] === 'string' ? { detail: raw['detail'] } : {}),
    ...(typeof raw['requestId'] === 'string' ? { requestId: raw['requestId'] } : {}),
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

function isFieldError(value: unknown): value is FieldError {
  if (!value || typeof value !== 'object') return false;
  const error = value as Record<string, unknown>;
  return typeof error['field'] === 'string' && typeof error['code'] === 'string' && typeof error['message'] === 'string';
}

/** Retry-After as seconds: either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

/**
 * The server refused the request because of the address the page was opened at (its Origin is
 * neither PUBLIC_URL nor a trusted origin), not because of anything typed in the form: the page
 * must say so instead of asking the visitor to check their data.
 */
export function isOriginRefusal(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403 && error.code === 'AUTH.ORIGIN_NOT_ALLOWED';
}
