/** How long the worker waits before trying a message again. */
export interface BackoffPolicy {
  /** Wait after the first failed attempt. */
  baseMs: number;
  /** Longest wait between two attempts, however many failed. */
  capMs: number;
}

/** 30 s, 1 min, 2 min… up to 15 min: an outage of hours is retried about four times an hour. */
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 30_000, capMs: 15 * 60_000 };

/**
 * Exponential backoff with jitter: the wait doubles after each failed attempt up to the cap, and
 * is then drawn from its upper half, so messages that failed together (an SMTP outage) do not all
 * come back in the same second. `random` is injectable for tests.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const exponent = Math.max(0, Math.min(attempt - 1, 30));
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
