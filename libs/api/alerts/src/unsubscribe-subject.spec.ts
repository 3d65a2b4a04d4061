import { subjectOf, subscriptionIdOf } from './unsubscribe-subject';

describe('alert unsubscribe subjects', () => {
  it('round-trips a UUID through 22 URL-safe characters', () => {
    const id = '0b6f3e0a-9c1d-4f2e-8a7b-123456789abc';
    const subject = subjectOf(id);
    expect(subject).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(subscriptionIdOf(subject)).toBe(id);
  });

  it('refuses anything else', () => {
    expect(subscriptionIdOf('0b6f3e0a-9c1d-4f2e-8a7b-123456789abc')).toBeNull();
    expect(subscriptionIdOf('short')).toBeNull();
    expect(subscriptionIdOf("'; DROP TABLE x; --xxxxx")).toBeNull();
  });
});
