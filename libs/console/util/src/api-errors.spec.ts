import { describe, expect, it } from '@jest/globals';
import { isRetryable } from './api-errors';

function apiError(status: number): Error {
  return Object.assign(new Error('refused'), { name: 'ApiError', status, problem: null, retryAfterSeconds: null, code: null, fieldErrors: [] });
}

describe('isRetryable', () => {
  it('offers no retry for a refusal or something that does not exist', () => {
    expect(isRetryable(apiError(403))).toBe(false);
    expect(isRetryable(apiError(404))).toBe(false);
  });

  it('offers it for failures that may pass', () => {
    expect(isRetryable(apiError(503))).toBe(true);
    expect(isRetryable(apiError(429))).toBe(true);
    expect(isRetryable(Object.assign(new Error('offline'), { name: 'NetworkError' }))).toBe(true);
  });
});
