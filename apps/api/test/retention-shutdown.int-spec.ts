// A replica told to stop (SIGTERM → app.close() → SchedulerService.onModuleDestroy) while the
// contact retention sweep has a big backlog: it stops after the batch in progress instead of
// working through the backlog first, hands the day's slot back, and another replica continues.
import { loadConfig } from '@plaza/api/config';
import { PersonalDataRepository, RetentionClock, RetentionJob } from '@plaza/api/privacy';
import { ScheduledJobRunsRepository, SchedulerService } from '@plaza/api/scheduler';
import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from './create-test-app';

const DAY = 86_400_000;
const config = loadConfig({ CITY_TIME_ZONE: 'Europe/Madrid' });
/** 12:00 in Madrid: the day's 03:30 slot is due. */
const NOON = new Date('2026-12-04T11:00:00Z');

describe('the retention sweep on shutdown (integration)', () => {
  let t: TestApp;
  let db: DataSource;

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  it('stops between batches, releases the day, and the next replica erases the rest', async () => {
    // 500 fixed cases (three batches of at most 200), closed now; the sweep runs 400 days later.
    await db.query(`
      INSERT INTO reports (title, description, category_id, location, status, reporter_name, reporter_email, consent_at)
      SELECT 'Farola ' || i, 'Apagada.', (SELECT id FROM categories ORDER BY code LIMIT 1),
             ST_SetSRID(ST_MakePoint(-3.70 + i * 0.00001, 40.42), 4326), 'fixed', 'Vecina ' || i, 'vecina' || i || '@example.org', now()
        FROM generate_series(1, 500) i`);
    const now = Date.now();
    t.app.get(RetentionClock).now = () => new Date(now + 400 * DAY);
    const job = t.app.get(RetentionJob);
    const runs = new ScheduledJobRunsRepository(db);
    const replica = (): SchedulerService => {
      const scheduler = new SchedulerService(runs, config);
      // As RetentionJob registers itself, under a name of this test's own.
      scheduler.register({ name: 'test-retention', schedule: { dailyAt: '03:30' }, run: (_slot, stop) => job.run(stop) });
      return scheduler;
    };
    const erasedCount = async (): Promise<number> =>
      (await db.query(`SELECT count(*)::int AS n FROM reports WHERE title LIKE 'Farola %' AND contact_erased_at IS NOT NULL`))[0].n;

    // Replica a is told to stop while its first batch is being written.
    const a = replica();
    const data = t.app.get(PersonalDataRepository);
    const erase = data.eraseClosedCaseContacts;
    let batches = 0;
    let stopping: Promise<void> | undefined;
    data.eraseClosedCaseContacts = async (...args) => {
      batches += 1;
      if (batches === 1) stopping = a.onModuleDestroy();
      return erase.apply(data, args);
    };
    try {
      expect(await a.tick('test-retention', NOON)).toBe(true);
      await stopping;
    } finally {
      data.eraseClosedCaseContacts = erase;
    }
    expect(batches).toBe(1);
    expect(await erasedCount()).toBe(200);
    // The day is not recorded as done, nor held by a: the next replica to check takes it at once.
    expect(await db.query(`SELECT 1 FROM scheduled_job_runs WHERE job = 'test-retention'`)).toHaveLength(0);

    const b = replica();
    expect(await b.tick('test-retention', new Date(NOON.getTime() + 60_000))).toBe(true);
    expect(await erasedCount()).toBe(500);
    expect(await db.query(`SELECT 1 FROM scheduled_job_runs WHERE job = 'test-retention' AND finished_at IS NOT NULL`)).toHaveLength(1);
    await b.onModuleDestroy();
  });
});
