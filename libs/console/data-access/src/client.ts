// The console's only way to the API: same-origin fetch with the session cookie, the CSRF token on
// unsafe methods, and every error turned into an ApiError carrying its problem document.
import { CSRF_HEADER } from '@plaza/shared/contracts';
import { ApiError, NetworkError, parseProblem, parseRetryAfter } from '@plaza/console/util';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let csrfToken: string | null = null;
const expiryListeners = new Set<() => void>();

/** Set from every SessionView the API returns; cleared on sign-out. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a signed-in request comes back 401: the session ended elsewhere or expired. */
export function onSessionExpired(listener: () => void): () => void {
  expiryListeners.add(listener);
  return () => expiryListeners.delete(listener);
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as application/json. */
  json?: unknown;
  /** Sent as multipart/form-data (the browser sets the boundary). */
  form?: FormData;
  query?: Record<string, string | number | undefined | null>;
  signal?: AbortSignal;
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  // Server-side messages (and localized catalogue texts) follow the UI language, not the browser's.
  const lang = typeof document === 'undefined' ? '' : document.documentElement.lang;
  if (lang) headers['accept-language'] = lang;
  let body: BodyInit | undefined;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.form) {
    body = options.form;
  }
  if (UNSAFE.has(method) && csrfToken) headers[CSRF_HEADER] = csrfToken;

  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new NetworkError(error);
  }

  if (!response.ok) {
    const problem = parseProblem(response.status, response.headers.get('content-type'), await response.text());
    // Auth endpoints answer 401 for wrong credentials; that is not an expired session.
    if (response.status === 401 && !path.startsWith('/api/v1/auth/')) for (const listener of expiryListeners) listener();
    throw new ApiError(response.status, problem, parseRetryAfter(response.headers.get('retry-after')));
  }
  if (response.status === 204) {
    await response.body?.cancel();
    return undefined as T;
  }
  // A 202 may carry a body (a department's reply kept as a draft answers the updated case).
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export function withQuery(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}
