import { MemoryAttemptStore } from './attempt-store';

describe('MemoryAttemptStore.decrement', () => {
  it('takes one back within the window, never below zero, and keeps the window', async () => {
    let now = 1_000;
    const store = new MemoryAttemptStore(() => now);
    await store.increment('k', 60_000);
    await store.increment('k', 60_000);
    await store.decrement('k');
    now += 10_000;
    expect(await store.peek('k')).toEqual({ count: 1, resetInMs: 50_000 });
    await store.decrement('k');
    await store.decrement('k');
    expect((await store.peek('k')).count).toBe(0);
    // The window still runs from the first hit.
    expect((await store.increment('k', 60_000)).resetInMs).toBe(50_000);
  });

  it('leaves a counter alone that does not exist or whose window has ended', async () => {
    let now = 0;
    const store = new MemoryAttemptStore(() => now);
    await store.decrement('none');
    expect(await store.peek('none')).toEqual({ count: 0, resetInMs: 0 });
    await store.increment('k', 1_000);
    now = 2_000;
    await store.decrement('k');
    expect((await store.increment('k', 1_000)).count).toBe(1);
  });
});
