import type { AppConfig } from '@plaza/api/config';
import type { ScheduledJobRunsRepository } from './scheduled-job-runs.repository';
import { JobStopped, SchedulerService } from './scheduler.service';

/** The claims table in memory: every claim granted, the calls recorded. */
function fakeRuns() {
  const calls: string[] = [];
  const runs = {
    claim: async (job: string) => (calls.push(`claim ${job}`), true),
    renew: async () => undefined,
    finish: async (job: string) => void calls.push(`finish ${job}`),
    release: async (job: string) => void calls.push(`release ${job}`),
    prune: async () => undefined,
  };
  return { calls, runs: runs as unknown as ScheduledJobRunsRepository };
}

const config = { city: { timeZone: 'UTC' } } as Pick<AppConfig, 'city'>;
const NOON = new Date('2026-12-04T12:00:00Z');

describe('SchedulerService on shutdown', () => {
  it('tells a running job to stop between its batches, waits for it and hands its slot back', async () => {
    const { calls, runs } = fakeRuns();
    const scheduler = new SchedulerService(runs, config);
    let batches = 0;
    let destroyed: Promise<void> | undefined;
    scheduler.register({
      name: 'sweep',
      schedule: { dailyAt: '03:30' },
      // A first run on a big backlog: far more batches than a shutdown may wait for.
      run: async (_slot, stop) => {
        for (let i = 0; i < 10_000; i++) {
          stop.throwIfAborted();
          await Promise.resolve();
          batches += 1;
          if (batches === 3) destroyed = scheduler.onModuleDestroy(); // SIGTERM arrives mid-run
        }
      },
    });

    expect(await scheduler.tick('sweep', NOON)).toBe(true);
    await destroyed;
    expect(batches).toBe(3);
    // Not recorded as done: the next replica to check claims the slot at once and continues.
    expect(calls).toEqual(['claim sweep', 'release sweep']);
    // And nothing starts once stopping.
    expect(await scheduler.tick('sweep', new Date('2026-12-05T12:00:00Z'))).toBe(false);
  });

  it('records a run that ends by itself as finished, and a failure as neither finished nor released', async () => {
    const { calls, runs } = fakeRuns();
    const scheduler = new SchedulerService(runs, config);
    scheduler.register({ name: 'short', schedule: { dailyAt: '03:30' }, run: async () => undefined });
    scheduler.register({ name: 'broken', schedule: { dailyAt: '03:30' }, run: () => Promise.reject(new Error('boom')) });
    await scheduler.tick('short', NOON);
    await scheduler.tick('broken', NOON);
    expect(calls).toEqual(['claim short', 'finish short', 'claim broken']);
    await scheduler.onModuleDestroy();
  });

  it('aborts with JobStopped, which a job can tell from a failure', async () => {
    const { runs } = fakeRuns();
    const scheduler = new SchedulerService(runs, config);
    let reason: unknown;
    scheduler.register({
      name: 'watcher',
      schedule: { everyMs: 60_000 },
      run: async (_slot, stop) => {
        const stopped = new Promise<void>((resolve) => stop.addEventListener('abort', () => resolve()));
        const destroyed = scheduler.onModuleDestroy();
        await stopped;
        reason = stop.reason;
        void destroyed;
      },
    });
    await scheduler.tick('watcher', NOON);
    expect(reason).toBeInstanceOf(JobStopped);
  });
});
