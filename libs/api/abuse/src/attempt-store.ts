/** A counter in a fixed window: how many hits so far, and when the window ends. */
export interface AttemptCount {
  count: number;
  /** Milliseconds until the counter resets (0 when there is none). */
  resetInMs: number;
}

/**
 * Counters for rate limits. Redis when REDIS_URL is set (shared by every API replica),
 * memory otherwise (one process: the embedded setup).
 */
export interface AttemptStore {
  /** Adds one, opening a window of `windowMs` if the counter did not exist. */
  increment(key: string, windowMs: number): Promise<AttemptCount>;
  peek(key: string): Promise<AttemptCount>;
  /**
   * Takes one back (never below zero, the window unchanged): a hit that turned out not to count,
   * such as a retry of a report already filed (PublicLimits.refund).
   */
  decrement(key: string): Promise<void>;
  reset(key: string): Promise<void>;
}

export const ATTEMPT_STORE = Symbol('ATTEMPT_STORE');

const SWEEP_EVERY = 1000;

export class MemoryAttemptStore implements AttemptStore {
  private readonly counters = new Map<string, { count: number; resetAt: number }>();
  private writes = 0;

  constructor(private readonly now: () => number = Date.now) {}

  async increment(key: string, windowMs: number): Promise<AttemptCount> {
    if (++this.writes % SWEEP_EVERY === 0) this.sweep();
    const now = this.now();
    const current = this.counters.get(key);
    const counter = current && current.resetAt > now ? current : { count: 0, resetAt: now + windowMs };
    counter.count += 1;
    this.counters.set(key, counter);
    return { count: counter.count, resetInMs: counter.resetAt - now };
  }

  async peek(key: string): Promise<AttemptCount> {
    const now = this.now();
    const counter = this.counters.get(key);
    if (!counter || counter.resetAt <= now) return { count: 0, resetInMs: 0 };
    return { count: counter.count, resetInMs: counter.resetAt - now };
  }

  async decrement(key: string): Promise<void> {
    const counter = this.counters.get(key);
    if (counter && counter.resetAt > this.now() && counter.count > 0) counter.count -= 1;
  }

  async reset(key: string): Promise<void> {
    this.counters.delete(key);
  }

  /** Expired counters would otherwise pile up for every address that ever failed once. */
  private sweep(): void {
    const now = this.now();
    for (const [key, counter] of this.counters) if (counter.resetAt <= now) this.counters.delete(key);
  }
}
