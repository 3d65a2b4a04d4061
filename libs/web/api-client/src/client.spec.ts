import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { apiRequest, getJson, onSessionExpired, postJson, setCsrfToken, withQuery } from './client';
import { ApiError, NetworkError } from './problem';
import { randomToken } from './random-token';

type Call = { url: string; init: RequestInit & { headers: Record<string, string> } };

describe('apiRequest', () => {
  const realFetch = globalThis.fetch;
  let calls: Call[];
  let answer: () => Response | Promise<Response>;

  beforeEach(() => {
    calls = [];
    answer = () => new Response('{"ok":true}', { status: 200, headers: { 'content-type': 'application/json' } });
    globalThis.fetch = jest.fn(async (url: string | URL | Request, init?: RequestInit) => {
      calls.push({ url: String(url), init: init as Call['init'] });
      return answer();
    }) as typeof fetch;
    (globalThis as { document?: unknown }).document = { documentElement: { lang: 'es' } };
  });

  afterEach(() => {
    globalThis.fetch = realFetch;
    delete (globalThis as { document?: unknown }).document;
    setCsrfToken(null);
  });

  it('sends the UI language and asks for JSON or problem+json', async () => {
    await expect(getJson('/api/v1/categories')).resolves.toEqual({ ok: true });
    expect(calls[0]?.init.headers['accept-language']).toBe('es');
    expect(calls[0]?.init.headers['accept']).toContain('application/problem+json');
    expect(calls[0]?.init.credentials).toBe('same-origin');
  });

  it('sends the CSRF token on unsafe methods only, unless asked to run as anonymous', async () => {
    setCsrfToken('csrf-1');
    await getJson('/api/v1/me/notifications');
    await postJson('/api/v1/flags', { a: 1 });
    await apiRequest('/api/v1/comments/3', { method: 'DELETE' });
    await postJson('/api/v1/alerts', {}, { anonymous: true });
    expect(calls.map((call) => call.init.headers['x-csrf-token'])).toEqual([undefined, 'csrf-1', 'csrf-1', undefined]);
    expect(calls[1]?.init.headers['content-type']).toBe('application/json');
    expect(calls[1]?.init.body).toBe('{"a":1}');
  });

  it('sends multipart bodies as they are, with an Idempotency-Key when given', async () => {
    const form = new FormData();
    form.set('title', 'Pothole');
    await apiRequest('/api/v1/reports', { method: 'POST', form, idempotencyKey: 'web-abc' });
    expect(calls[0]?.init.body).toBe(form);
    expect(calls[0]?.init.headers['content-type']).toBeUndefined();
    expect(calls[0]?.init.headers['idempotency-key']).toBe('web-abc');
  });

  it('turns an error answer into an ApiError with its problem, field errors and Retry-After', async () => {
    answer = () =>
      new Response(
        JSON.stringify({ status: 422, code: 'REQUEST.VALIDATION', title: 'x', errors: [{ field: 'title', code: 'required', message: 'm' }] }),
        { status: 422, headers: { 'content-type': 'application/problem+json', 'retry-after': '30' } },
      );
    const error = await apiRequest('/api/v1/reports', { method: 'POST', json: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('REQUEST.VALIDATION');
    expect((error as ApiError).fieldErrors.map((e) => e.field)).toEqual(['title']);
    expect((error as ApiError).retryAfterSeconds).toBe(30);
  });

  it('tells the session layer about a 401 outside /auth, not about wrong credentials', async () => {
    const expired = jest.fn();
    const stop = onSessionExpired(expired);
    answer = () => new Response('{}', { status: 401, headers: { 'content-type': 'application/problem+json' } });
    await expect(apiRequest('/api/v1/auth/login', { method: 'POST', json: {} })).rejects.toBeInstanceOf(ApiError);
    expect(expired).not.toHaveBeenCalled();
    await expect(getJson('/api/v1/me/notifications')).rejects.toBeInstanceOf(ApiError);
    expect(expired).toHaveBeenCalledTimes(1);
    stop();
    await expect(getJson('/api/v1/me/notifications')).rejects.toBeInstanceOf(ApiError);
    expect(expired).toHaveBeenCalledTimes(1);
  });

  it('answers undefined for 204 and empty bodies', async () => {
    answer = () => new Response(null, { status: 204 });
    await expect(apiRequest('/api/v1/auth/logout', { method: 'POST' })).resolves.toBeUndefined();
    answer = () => new Response('', { status: 202 });
    await expect(apiRequest('/api/v1/auth/email-link', { method: 'POST', json: {} })).resolves.toBeUndefined();
  });

  it('wraps a failed fetch in a NetworkError, but lets an abort through', async () => {
    answer = () => Promise.reject(new TypeError('Failed to fetch'));
    await expect(getJson('/api/v1/areas')).rejects.toBeInstanceOf(NetworkError);
    answer = () => Promise.reject(new DOMException('aborted', 'AbortError'));
    await expect(getJson('/api/v1/areas')).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('withQuery', () => {
  it('leaves out empty values and appends to an existing query', () => {
    expect(withQuery('/a', { q: 'x y', page: 2, none: undefined, nil: null, empty: '' })).toBe('/a?q=x+y&page=2');
    expect(withQuery('/a?lang=es', { page: 1 })).toBe('/a?lang=es&page=1');
    expect(withQuery('/a', {})).toBe('/a');
    expect(withQuery('/a', undefined)).toBe('/a');
  });
});

describe('randomToken', () => {
  it('is URL-safe and as long as asked', () => {
    const token = randomToken(24);
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(randomToken(24)).not.toBe(token);
  });
});
