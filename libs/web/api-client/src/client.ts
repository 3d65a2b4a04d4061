// The web apps' only way to the API: same-origin fetch with the session cookie, the session's CSRF
// token on unsafe methods, the UI language, and every error turned into an ApiError carrying its
// problem document.
import { CHALLENGE_HEADER_NAME, CHALLENGE_REQUIRED_CODE, CSRF_HEADER, type ProofOfWorkChallenge } from '@plaza/shared/contracts';
import { ApiError, NetworkError, parseProblem, parseRetryAfter } from './problem';
import { solveProofOfWork } from './proof-of-work';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const UNSAFE: ReadonlySet<HttpMethod> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const ACCEPT = 'application/json, application/geo+json, application/problem+json';
// Auth endpoints answer 401 for wrong credentials; that is not an expired session.
const AUTH_PREFIX = '/api/v1/auth/';

let csrfToken: string | null = null;
const expiryListeners = new Set<() => void>();
const proofListeners = new Set<(checking: boolean) => void>();

/** Set from every SessionView the API returns; cleared on sign-out (the session layer does both). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The token sent on unsafe requests, or null without a session. */
export function currentCsrfToken(): string | null {
  return csrfToken;
}

/** Called when a request outside /auth comes back 401: the session ended elsewhere or expired. Returns the unsubscribe. */
export function onSessionExpired(listener: () => void): () => void {
  expiryListeners.add(listener);
  return () => {
    expiryListeners.delete(listener);
  };
}

/**
 * Told `true` while the browser works out a proof of work the API asked for (a 428 after many
 * requests from this connection), `false` when done: the page shows a short "checking" status.
 * Returns the unsubscribe.
 */
export function onProofOfWork(listener: (checking: boolean) => void): () => void {
  proofListeners.add(listener);
  return () => {
    proofListeners.delete(listener);
  };
}

export type QueryParams = Record<string, string | number | boolean | undefined | null>;

export interface RequestOptions {
  method?: HttpMethod;
  /** Sent as application/json. */
  json?: unknown;
  /** Sent as multipart/form-data (the browser sets the boundary). */
  form?: FormData;
  /** Appended to the path; empty, null and undefined values are left out. */
  query?: QueryParams;
  signal?: AbortSignal;
  /** Lets the API answer a resent request with what it already created instead of doing it twice. */
  idempotencyKey?: string;
  /**
   * Public routes run as anonymous without the CSRF token (docs/security.md): `true` leaves the
   * session's token out on purpose, e.g. for a form that must not be tied to the signed-in account.
   */
  anonymous?: boolean;
  /** Lets the request outlive the page (e.g. marking read as the person follows a link away). */
  keepalive?: boolean;
  /** Extra request headers (lower-case names). */
  headers?: Record<string, string>;
}

/** The page's language (set by the i18n provider on <html lang>), so messages and mails follow the UI, not the browser. */
function uiLanguage(): string {
  return typeof document === 'undefined' ? '' : document.documentElement.lang;
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: ACCEPT };
  const lang = uiLanguage();
  if (lang) headers['accept-language'] = lang;
  let body: BodyInit | undefined;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.form) {
    body = options.form;
  }
  if (UNSAFE.has(method) && csrfToken && !options.anonymous) headers[CSRF_HEADER] = csrfToken;
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  Object.assign(headers, options.headers);

  const send = () => sendRequest(withQuery(path, options.query), method, headers, body, options);
  let response = await send();
  // Many requests came from this connection: solve the API's proof of work and send once more.
  if (response.status === 428 && !headers[CHALLENGE_HEADER_NAME.toLowerCase()]) {
    const problem = parseProblem(response.status, response.headers.get('content-type'), await response.text());
    if (problem?.code !== CHALLENGE_REQUIRED_CODE) throw new ApiError(response.status, problem, null);
    headers[CHALLENGE_HEADER_NAME.toLowerCase()] = await provePresence(options.signal);
    response = await send();
  }

  if (!response.ok) {
    const problem = parseProblem(response.status, response.headers.get('content-type'), await response.text());
    if (response.status === 401 && !path.startsWith(AUTH_PREFIX)) for (const listener of [...expiryListeners]) listener();
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

async function sendRequest(
  url: string,
  method: HttpMethod,
  headers: Record<string, string>,
  body: BodyInit | undefined,
  options: RequestOptions,
): Promise<Response> {
  try {
    return await fetch(url, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
      ...(options.keepalive ? { keepalive: true } : {}),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new NetworkError(error);
  }
}

/** Fetches a challenge and solves it, telling the page while it works. */
async function provePresence(signal: AbortSignal | undefined): Promise<string> {
  for (const listener of [...proofListeners]) listener(true);
  try {
    const challenge = await apiRequest<ProofOfWorkChallenge>('/api/v1/challenge', { signal });
    const solution = await solveProofOfWork(challenge, signal);
    // An unsolvable challenge cannot come from the API; sending without one answers a clear 428.
    return solution ?? '';
  } finally {
    for (const listener of [...proofListeners]) listener(false);
  }
}

export function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  return apiRequest<T>(path, { signal });
}

/** A POST of a JSON body; `options` adds what apiRequest takes (anonymous, idempotencyKey, …). */
export function postJson<T>(path: string, json: unknown, options: Omit<RequestOptions, 'method' | 'json'> = {}): Promise<T> {
  return apiRequest<T>(path, { ...options, method: 'POST', json });
}

export function withQuery(path: string, query: QueryParams | undefined): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  if (!search) return path;
  return `${path}${path.includes('?') ? '&' : '?'}${search}`;
}
