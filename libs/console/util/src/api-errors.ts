import type { FieldError, ProblemDetails } from '@plaza/shared/contracts';

/**
 * What the console reads from a failed request: the ApiError of @plaza/web/api-client. This floor
 * may not import the client, so errors are recognised by their name and shape.
 */
export interface ApiErrorLike extends Error {
  readonly status: number;
  readonly problem: ProblemDetails | null;
  readonly retryAfterSeconds: number | null;
  readonly code: string | null;
  readonly fieldErrors: FieldError[];
}

/** A request the API answered with 4xx/5xx. */
export function isApiError(error: unknown): error is ApiErrorLike {
  return error instanceof Error && error.name === 'ApiError' && typeof (error as { status?: unknown }).status === 'number';
}

/** The request never got an answer (offline, DNS, server down). */
export function isNetworkError(error: unknown): boolean {
  return error instanceof Error && error.name === 'NetworkError';
}

/**
 * Trying again cannot help when the API refused (401, 403) or has no such thing (404, 410): the
 * same request gets the same answer, so the console offers no "Retry" there (issue 16 item 11).
 * Network failures, 5xx and 429 may pass.
 */
export function isRetryable(error: unknown): boolean {
  return !(isApiError(error) && [401, 403, 404, 410].includes(error.status));
}
