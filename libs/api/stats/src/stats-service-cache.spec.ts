import { describe, expect, it, jest } from '@jest/globals';
import type { AppConfig } from '@plaza/api/config';
import type { StatsRepository } from './stats.repository';
import { StatsService } from './stats.service';

/** A repository whose figures are one category whose target is the current version number. */
function fakeRepository() {
  const state = { version: 1, computed: 0, release: null as (() => void) | null };
  const repo = {
    version: async () => ({ version: String(state.version), today: '2026-12-03' }),
    serviceTargets: async () => {
      state.computed += 1;
      const seen = state.version;
      if (state.release === null) {
        // Holds the computation until the test lets it go, to observe what is served meanwhile.
        await new Promise<void>((resolve) => (state.release = resolve));
        state.release = null;
      }
      return [{ code: 'c', name: 'C', targetDays: seen, departmentCode: null, departmentName: null }];
    },
  };
  return { state, repo: repo as unknown as StatsRepository };
}

const config = (refreshSeconds: number) => ({ stats: { refreshSeconds } }) as unknown as AppConfig;
const target = async (service: StatsService) => (await service.service('es')).categories[0]!.targetDays;

/** Runs the held computation to its end. */
async function settle(state: { release: (() => void) | null }) {
  for (let i = 0; i < 20 && !state.release; i += 1) await new Promise((r) => setTimeout(r, 1));
  state.release?.();
  await new Promise((r) => setTimeout(r, 5));
}

describe('StatsService caching', () => {
  it('recomputes on the first request after a change by default, so the pages follow a write at once', async () => {
    const { state, repo } = fakeRepository();
    const service = new StatsService(repo, config(0));
    const first = target(service);
    await settle(state);
    expect(await first).toBe(1);
    state.version = 2;
    const second = target(service);
    await settle(state);
    expect(await second).toBe(2);
    expect(state.computed).toBe(2);
  });

  it('with STATS_REFRESH_SECONDS, serves the previous view while its successor is computed once', async () => {
    jest.useFakeTimers({ doNotFake: ['setTimeout', 'nextTick', 'setImmediate', 'queueMicrotask'], now: 1_000_000 });
    try {
      const { state, repo } = fakeRepository();
      const service = new StatsService(repo, config(30));
      const first = target(service);
      await settle(state);
      expect(await first).toBe(1);

      state.version = 2;
      // No visitor waits: both answers are the previous view, and one recomputation starts.
      expect(await target(service)).toBe(1);
      expect(await target(service)).toBe(1);
      expect(state.computed).toBe(2);
      await settle(state);
      expect(await target(service)).toBe(2);

      // Past the window, a visitor waits for the new figures again rather than see older ones.
      state.version = 3;
      jest.setSystemTime(1_000_000 + 31_000);
      const late = target(service);
      await settle(state);
      expect(await late).toBe(3);
      expect(state.computed).toBe(3);
    } finally {
      jest.useRealTimers();
    }
  });
});
