import { backoffDelay, DEFAULT_BACKOFF } from './backoff';

describe('backoffDelay', () => {
  const policy = { baseMs: 1_000, capMs: 60_000 };

  it('doubles after each failed attempt', () => {
    const top = (attempt: number) => backoffDelay(attempt, policy, () => 1);
    expect([1, 2, 3, 4].map(top)).toEqual([1_000, 2_000, 4_000, 8_000]);
  });

  it('never waits longer than the cap, even after many attempts', () => {
    expect(backoffDelay(7, policy, () => 1)).toBe(60_000);
    expect(backoffDelay(1_000, policy, () => 1)).toBe(60_000);
    expect(backoffDelay(1_000, DEFAULT_BACKOFF, () => 1)).toBe(DEFAULT_BACKOFF.capMs);
  });

  it('draws the wait from the upper half of the step, so failures spread out', () => {
    expect(backoffDelay(3, policy, () => 0)).toBe(2_000);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(3_000);
    const samples = new Set(Array.from({ length: 50 }, () => backoffDelay(5, policy)));
    expect(samples.size).toBeGreaterThan(1);
    for (const delay of samples) {
      expect(delay).toBeGreaterThanOrEqual(8_000);
      expect(delay).toBeLessThanOrEqual(16_000);
    }
  });

  it('treats a nonsensical attempt number as the first', () => {
    expect(backoffDelay(0, policy, () => 1)).toBe(1_000);
    expect(backoffDelay(-3, policy, () => 1)).toBe(1_000);
  });
});
