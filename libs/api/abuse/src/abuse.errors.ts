import { DomainError } from '@plaza/api/http';

/** A 429 that says when to come back; the problem filter (api/http, toProblem) turns the delay into a Retry-After header. */
export class TooManyAttemptsError extends DomainError {
  constructor(
    readonly retryAfterSeconds: number,
    message = 'Too many attempts. Try again later.',
  ) {
    super('AUTH.TOO_MANY_ATTEMPTS', 'rate_limited', message, [], { key: 'problem.detail.tooManyAttempts', values: { seconds: retryAfterSeconds } });
  }
}

/** Header that carries a solved proof of work (see proof-of-work.ts). */
export const CHALLENGE_HEADER = 'plaza-challenge';

/**
 * 428: this client sent many requests lately, so the next one must carry a solved proof of work.
 * Clients fetch one from `GET /api/v1/challenge`, solve it and send it again in the
 * `Plaza-Challenge` header (docs/api.md#proof-of-work).
 */
export class ChallengeRequiredError extends DomainError {
  constructor(reason: 'missing' | 'invalid') {
    super(
      'ABUSE.CHALLENGE_REQUIRED',
      'precondition_required',
      reason === 'missing'
        ? 'Many requests came from your connection: solve the challenge from GET /api/v1/challenge and send it in the Plaza-Challenge header.'
        : 'The Plaza-Challenge header is not a valid, unexpired, unused solution: fetch a new challenge and solve it.',
      [],
      { key: 'problem.detail.challengeRequired', values: { reason } },
    );
  }
}
