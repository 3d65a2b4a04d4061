import { randomBytes } from 'node:crypto';
import { createRedisAttemptStore, type RedisAttemptStore } from '@plaza/api/abuse';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

// A retry of a report already filed gives back the units it counted (FilingAllowance): on Redis,
// shared by every replica, the refund must keep the counter's window and never go below zero.
describe('RedisAttemptStore.decrement (integration, Redis)', () => {
  let store: RedisAttemptStore;
  const prefix = `plaza-test:${process.pid}:${randomBytes(4).toString('hex')}:`;

  beforeAll(async () => {
    store = await createRedisAttemptStore(REDIS_URL, prefix);
  });
  afterAll(async () => {
    await store?.reset('k');
    await store?.onModuleDestroy();
  });

  it('takes one back, keeps the window, stops at zero and creates no counter', async () => {
    await store.increment('k', 60_000);
    await store.increment('k', 60_000);
    await store.decrement('k');
    const after = await store.peek('k');
    expect(after.count).toBe(1);
    expect(after.resetInMs).toBeGreaterThan(50_000);
    await store.decrement('k');
    await store.decrement('k');
    expect((await store.peek('k')).count).toBe(0);
    // The next hit still counts from the same window.
    expect((await store.increment('k', 60_000)).count).toBe(1);

    await store.decrement('never-hit');
    expect(await store.peek('never-hit')).toEqual({ count: 0, resetInMs: 0 });
  });
});
