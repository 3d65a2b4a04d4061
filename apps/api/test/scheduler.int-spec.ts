import { loadConfig } from '@plaza/api/config';
import { ScheduledJobRunsRepository, SchedulerService, type ScheduledJob } from '@plaza/api/scheduler';
import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from './create-test-app';

const config = loadConfig({ CITY_TIME_ZONE: 'Europe/Madrid' });

describe('the scheduler on the real database', () => {
  let t: TestApp;
  let runs: ScheduledJobRunsRepository;

  beforeAll(async () => {
    t = await createTestApp();
    runs = new ScheduledJobRunsRepository(t.app.get(DataSource));
  });
  afterAll(() => t.close());

  /** A replica: its own scheduler (own claim owner) on the shared database. */
  function replica(job: ScheduledJob): SchedulerService {
    const scheduler = new SchedulerService(runs, config);
    scheduler.register(job);
    return scheduler;
  }

  it('runs one slot once even when two replicas check it at the same moment', async () => {
    const ran: string[] = [];
    const job = (who: string): ScheduledJob => ({
      name: 'test-periodic',
      schedule: { everyMs: 10 * 60_000 },
      run: async (slot) => {
        ran.push(`${who}@${slot}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      },
    });
    const [a, b] = [replica(job('a')), replica(job('b'))];
    const now = new Date('2026-12-03T10:07:00Z');
    const results = await Promise.all([a.tick('test-periodic', now), b.tick('test-periodic', now)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(ran).toHaveLength(1);
    expect(ran[0]).toMatch(/@2026-12-03T10:00:00.000Z$/);
    // Later checks in the same slot run nothing; the next slot runs once more.
    expect(await a.tick('test-periodic', new Date('2026-12-03T10:09:00Z'))).toBe(false);
    expect(await b.tick('test-periodic', new Date('2026-12-03T10:09:00Z'))).toBe(false);
    await Promise.all([a.tick('test-periodic', new Date('2026-12-03T10:10:00Z')), b.tick('test-periodic', new Date('2026-12-03T10:10:00Z'))]);
    expect(ran).toHaveLength(2);
    const [{ count }] = await t.app.get(DataSource).query(
      `SELECT count(*)::int AS count FROM scheduled_job_runs WHERE job = 'test-periodic' AND finished_at IS NOT NULL`,
    );
    expect(count).toBe(2);
  });

  it('never overlaps runs of a job in one process', async () => {
    let release!: () => void;
    let runsStarted = 0;
    const scheduler = replica({
      name: 'test-overlap',
      schedule: { everyMs: 60_000 },
      run: () => {
        runsStarted += 1;
        return new Promise<void>((resolve) => (release = resolve));
      },
    });
    const first = scheduler.tick('test-overlap', new Date('2026-12-03T10:00:00Z'));
    while (runsStarted === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    // The next slot comes while the first run still goes: skipped, not queued.
    expect(await scheduler.tick('test-overlap', new Date('2026-12-03T10:01:00Z'))).toBe(false);
    release();
    expect(await first).toBe(true);
    expect(runsStarted).toBe(1);
  });

  it('runs a daily job once per local day from its time, and takes over a slot a dead replica left', async () => {
    const ran: string[] = [];
    let fail = true;
    const job = (who: string): ScheduledJob => ({
      name: 'test-daily',
      schedule: { dailyAt: '07:00' },
      leaseMs: 15 * 60_000,
      run: async (slot) => {
        if (who === 'a' && fail) throw new Error('replica a died mid-run');
        ran.push(`${who}@${slot}`);
      },
    });
    const [a, b] = [replica(job('a')), replica(job('b'))];
    // 05:30 UTC is 06:30 in Madrid: not yet.
    expect(await a.tick('test-daily', new Date('2026-12-03T05:30:00Z'))).toBe(false);
    // a claims the day and fails: b cannot take it while a's lease runs…
    expect(await a.tick('test-daily', new Date('2026-12-03T06:01:00Z'))).toBe(true);
    expect(await b.tick('test-daily', new Date('2026-12-03T06:05:00Z'))).toBe(false);
    // …and takes it over once the lease has passed.
    expect(await b.tick('test-daily', new Date('2026-12-03T06:20:00Z'))).toBe(true);
    fail = false;
    expect(await a.tick('test-daily', new Date('2026-12-03T07:00:00Z'))).toBe(false);
    expect(ran).toEqual(['b@2026-12-03']);
  });
});
