import { GroupCommit, type GroupCommitOptions } from './group-commit';

interface Item {
  id: number;
  key: string;
}

/** A runner that records the batches it saw and answers each item with its id (or fails on `fail`). */
function recorder(options: Partial<GroupCommitOptions<Item, string>> & { failBatchWith?: (items: readonly Item[]) => boolean } = {}) {
  const batches: number[][] = [];
  const alone: number[] = [];
  const gates: Array<() => void> = [];
  const group = new GroupCommit<Item, string>({
    maxBatch: 10,
    maxInFlight: 1,
    conflictKey: (item) => item.key,
    runBatch: async (items) => {
      batches.push(items.map((i) => i.id));
      await new Promise<void>((resolve) => gates.push(resolve));
      if (options.failBatchWith?.(items)) throw new Error('the statement failed');
      return items.map((i) => `done ${i.id}`);
    },
    runOne: async (item) => {
      alone.push(item.id);
      if (item.key === 'bad') throw new Error(`item ${item.id} is bad`);
      return `alone ${item.id}`;
    },
    ...options,
  });
  /** Lets every batch waiting at its gate finish. */
  const open = () => gates.splice(0).forEach((go) => go());
  return { group, batches, alone, open };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('GroupCommit', () => {
  it('sends one call alone, with no batch around it', async () => {
    const { group, batches, alone } = recorder();
    expect(await group.submit({ id: 1, key: 'a' })).toBe('alone 1');
    expect(batches).toEqual([]);
    expect(alone).toEqual([1]);
    expect(group.stats).toEqual({ batches: 1, items: 1, fallbacks: 0 });
  });

  it('sends the calls of one turn together, and those arriving meanwhile in the next batch', async () => {
    const { group, batches, open } = recorder();
    const first = [1, 2, 3].map((id) => group.submit({ id, key: `k${id}` }));
    await tick();
    expect(batches).toEqual([[1, 2, 3]]);
    // While that batch is out (maxInFlight 1) the next calls wait, then leave together.
    const second = [4, 5].map((id) => group.submit({ id, key: `k${id}` }));
    await tick();
    expect(batches).toHaveLength(1);
    open();
    expect(await Promise.all(first)).toEqual(['done 1', 'done 2', 'done 3']);
    await tick();
    expect(batches).toEqual([[1, 2, 3], [4, 5]]);
    open();
    expect(await Promise.all(second)).toEqual(['done 4', 'done 5']);
  });

  it('never puts two calls with one key in a batch, and keeps the rest in their order', async () => {
    const { group, batches, alone, open } = recorder({ maxInFlight: 2 });
    const calls = [
      { id: 1, key: 'same' },
      { id: 2, key: 'other' },
      { id: 3, key: 'same' },
      { id: 4, key: 'third' },
      { id: 5, key: 'same' },
    ].map((item) => group.submit(item));
    await tick();
    // The second slot takes the next one with the key (alone), the third waits for a free slot.
    expect(batches).toEqual([[1, 2, 4]]);
    expect(alone).toEqual([3]);
    open();
    expect(await Promise.all(calls)).toEqual(['done 1', 'done 2', 'alone 3', 'done 4', 'alone 5']);
    expect(alone).toEqual([3, 5]);
  });

  it('caps a batch at maxBatch and runs at most maxInFlight batches at once', async () => {
    const { group, batches, open } = recorder({ maxBatch: 2, maxInFlight: 2 });
    const calls = [1, 2, 3, 4, 5, 6, 7].map((id) => group.submit({ id, key: `k${id}` }));
    await tick();
    expect(batches).toEqual([[1, 2], [3, 4]]);
    open();
    await tick();
    await tick();
    expect(batches).toEqual([[1, 2], [3, 4], [5, 6]]);
    open();
    expect(await Promise.all(calls)).toEqual(['done 1', 'done 2', 'done 3', 'done 4', 'done 5', 'done 6', 'alone 7']);
  });

  it('runs each call of a failed batch alone, so an error reaches only its own caller', async () => {
    const { group, alone, open } = recorder({ failBatchWith: (items) => items.some((i) => i.key === 'bad') });
    const calls = [
      group.submit({ id: 1, key: 'a' }),
      group.submit({ id: 2, key: 'bad' }),
      group.submit({ id: 3, key: 'c' }),
    ];
    await tick();
    open();
    const settled = await Promise.allSettled(calls);
    expect(settled.map((s) => (s.status === 'fulfilled' ? s.value : (s.reason as Error).message))).toEqual(['alone 1', 'item 2 is bad', 'alone 3']);
    expect(alone).toEqual([1, 2, 3]);
    expect(group.stats.fallbacks).toBe(1);
  });

  it('rejects, and never runs again, a call its committed batch gave no outcome for', async () => {
    const group = new GroupCommit<Item, string>({
      maxBatch: 10,
      maxInFlight: 1,
      conflictKey: (item) => item.key,
      runBatch: async (items) => items.slice(0, 1).map((i) => `done ${i.id}`),
      runOne: async () => 'never',
    });
    const settled = await Promise.allSettled([group.submit({ id: 1, key: 'a' }), group.submit({ id: 2, key: 'b' })]);
    expect(settled[0]).toMatchObject({ status: 'fulfilled', value: 'done 1' });
    expect(settled[1]).toMatchObject({ status: 'rejected' });
  });

  it('refuses a configuration that could never send anything', () => {
    expect(() => new GroupCommit<Item, string>({ maxBatch: 0, maxInFlight: 1, conflictKey: () => '', runBatch: async () => [], runOne: async () => '' })).toThrow();
  });
});
