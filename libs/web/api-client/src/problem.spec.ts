import { describe, expect, it } from '@jest/globals';
import { ApiError, isAbort, isOriginRefusal, isRetryable, NetworkError, parseProblem, parseRetryAfter } from './problem';

describe('parseProblem', () => {
  it('reads a problem+json body with its field errors', () => {
    const body = JSON.stringify({
      type: 'urn:plaza:problem:request-validation',
      title: 'Unprocessable Content',
      status: 422,
      detail: 'Some fields are not valid.',
      code: 'REQUEST.VALIDATION',
      errors: [
        { field: 'name.es', code: 'required', message: 'name.es should not be empty' },
        { field: 'contactEmail', code: 'invalid_email', message: 'contactEmail must be an email' },
      ],
    });
    const problem = parseProblem(422, 'application/problem+json; charset=utf-8', body);
    expect(problem).toMatchObject({ status: 422, code: 'REQUEST.VALIDATION', detail: 'Some fields are not valid.' });
    expect(problem?.errors?.map((e) => e.field)).toEqual(['name.es', 'contactEmail']);
    expect(new ApiError(422, problem).fieldErrors).toHaveLength(2);
  });

  it('drops malformed field errors instead of trusting them', () => {
    const body = JSON.stringify({ status: 422, code: 'X', errors: [{ field: 'a' }, 'nope', { field: 'b', code: 'c', message: 'd' }] });
    expect(parseProblem(422, 'application/problem+json', body)?.errors).toEqual([{ field: 'b', code: 'c', message: 'd' }]);
  });

  it('returns null for bodies that are not JSON documents', () => {
    expect(parseProblem(502, 'text/html', '<h1>Bad gateway</h1>')).toBeNull();
    expect(parseProblem(500, 'application/json', 'not json')).toBeNull();
    expect(parseProblem(500, 'application/json', '[1,2]')).toBeNull();
    expect(parseProblem(500, null, '')).toBeNull();
  });

  it('falls back to the HTTP status when the body has none', () => {
    expect(parseProblem(429, 'application/json', '{"code":"AUTH.RATE_LIMITED"}')).toMatchObject({ status: 429, code: 'AUTH.RATE_LIMITED' });
  });
});

describe('parseRetryAfter', () => {
  it('accepts delta-seconds and HTTP dates', () => {
    expect(parseRetryAfter('120')).toBe(120);
    const now = Date.parse('2026-03-01T10:00:00Z');
    expect(parseRetryAfter('Sun, 01 Mar 2026 10:01:30 GMT', now)).toBe(90);
    expect(parseRetryAfter('Sun, 01 Mar 2026 09:00:00 GMT', now)).toBe(0);
  });

  it('ignores missing or garbage values', () => {
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter('soon')).toBeNull();
  });
});

describe('ApiError', () => {
  it('says the detail, else the title, else the status', () => {
    expect(new ApiError(404, { type: 'x', title: 'Not Found', status: 404, code: 'REPORT.NOT_FOUND', detail: 'No such report.' }).message).toBe('No such report.');
    expect(new ApiError(404, { type: 'x', title: 'Not Found', status: 404, code: 'REPORT.NOT_FOUND' }).message).toBe('Not Found');
    expect(new ApiError(502, null).message).toBe('HTTP 502');
    expect(new ApiError(502, null).fieldErrors).toEqual([]);
    expect(new ApiError(409, { type: 'x', title: '', status: 409, code: 'AUTH.EMAIL_TAKEN' }).code).toBe('AUTH.EMAIL_TAKEN');
  });
});

describe('isRetryable / isAbort', () => {
  it('retries network failures, timeouts, 429 and 5xx, never an abort or a refusal', () => {
    expect(isRetryable(new NetworkError(new TypeError('Failed to fetch')))).toBe(true);
    expect(isRetryable(new ApiError(503, null))).toBe(true);
    expect(isRetryable(new ApiError(429, null))).toBe(true);
    expect(isRetryable(new ApiError(408, null))).toBe(true);
    expect(isRetryable(new ApiError(422, null))).toBe(false);
    const abort = new DOMException('aborted', 'AbortError');
    expect(isRetryable(abort)).toBe(false);
    expect(isAbort(abort)).toBe(true);
    expect(isAbort(new ApiError(500, null))).toBe(false);
  });
});

describe('isOriginRefusal', () => {
  it('tells a refusal of the page\'s address from other refusals', () => {
    const problem = (code: string) => ({ type: 'about:blank', title: 'Forbidden', status: 403, code });
    expect(isOriginRefusal(new ApiError(403, problem('AUTH.ORIGIN_NOT_ALLOWED') as never))).toBe(true);
    expect(isOriginRefusal(new ApiError(403, problem('AUTH.FORBIDDEN') as never))).toBe(false);
    expect(isOriginRefusal(new ApiError(403, null))).toBe(false);
    expect(isOriginRefusal(new Error('AUTH.ORIGIN_NOT_ALLOWED'))).toBe(false);
  });
});
