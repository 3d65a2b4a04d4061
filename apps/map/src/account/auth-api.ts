// The public site's calls to /api/v1/auth. Small on purpose: the console has a fuller client
// (apps/console/src/api), but the map only needs these seven calls, so it keeps its own.
import {
  CSRF_HEADER,
  type EmailLinkRequest,
  type LoginRequest,
  type ProblemDetails,
  type SessionView,
  type SignupRequest,
} from '@plaza/shared/contracts';
import { ApiError } from '../api/http';

const AUTH = '/api/v1/auth';

/** An ApiError that also says, on a 429, how long to wait (from Retry-After). */
export class AuthApiError extends ApiError {
  constructor(
    status: number,
    problem: ProblemDetails | null,
    readonly retryAfterSeconds: number | null,
  ) {
    super(status, problem);
  }
}

/** The request never got an answer (offline, server down). */
export class AuthNetworkError extends Error {
  override name = 'AuthNetworkError';
}

// The session's CSRF token, from the last SessionView: sent back on POSTs that need a session.
let csrfToken: string | null = null;

export function rememberSession(session: SessionView | null): void {
  csrfToken = session?.csrfToken ?? null;
}

async function call<T>(
  path: string,
  init: { method?: 'GET' | 'POST'; json?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  const lang = document.documentElement.lang;
  if (lang) headers['accept-language'] = lang;
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  if (method === 'POST' && csrfToken) headers[CSRF_HEADER] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`${AUTH}${path}`, {
      method,
      headers,
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
      credentials: 'same-origin',
      signal: init.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new AuthNetworkError(error instanceof Error ? error.message : String(error));
  }
  const text = await response.text();
  if (!response.ok)
    throw new AuthApiError(
      response.status,
      parseProblem(text),
      parseRetryAfter(response.headers.get('retry-after')),
    );
  return (text ? JSON.parse(text) : undefined) as T;
}

function parseProblem(text: string): ProblemDetails | null {
  try {
    const body = JSON.parse(text) as ProblemDetails;
    return typeof body === 'object' && body !== null && typeof body.status === 'number' ? body : null;
  } catch {
    return null;
  }
}

/** Retry-After as seconds (delta-seconds; an HTTP date is turned into a delay). */
export function parseRetryAfter(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}

export const authApi = {
  me: (signal?: AbortSignal) => call<SessionView>('/me', { signal }),
  login: (body: LoginRequest) => call<SessionView>('/login', { method: 'POST', json: body }),
  signup: (body: SignupRequest) => call<SessionView>('/signup', { method: 'POST', json: body }),
  logout: () => call<void>('/logout', { method: 'POST' }),
  logoutEverywhere: () => call<void>('/logout-everywhere', { method: 'POST' }),
  requestEmailLink: (body: EmailLinkRequest) => call<void>('/email-link', { method: 'POST', json: body }),
  verifyEmailLink: (token: string) =>
    call<SessionView>('/email-link/verify', { method: 'POST', json: { token } }),
};
