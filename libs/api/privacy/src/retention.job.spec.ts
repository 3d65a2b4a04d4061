import type { AuditService } from '@plaza/api/audit';
import type { AppConfig } from '@plaza/api/config';
import type { ConsentRepository } from '@plaza/api/consent';
import type { Mailer } from '@plaza/api/mail';
import { JobStopped, type SchedulerService } from '@plaza/api/scheduler';
import type { PersonalDataRepository } from './personal-data.repository';
import type { RetentionClock } from './retention-clock';
import { RetentionJob } from './retention.job';

type Batch = Parameters<PersonalDataRepository['eraseClosedCaseContacts']>[1];
const NOW = new Date('2026-12-04T03:30:00Z');
const DAY = 86_400_000;

/**
 * The sweep's loop against a backlog of `due` reports with ids 1..due (the SQL itself is tested on
 * PostgreSQL in apps/api/test/account-data.int-spec.ts): what each batch is asked, and when it stops.
 */
function sweepOver(due: number, onBatch: (batch: Batch) => void = () => undefined) {
  const asked: Batch[] = [];
  const data = {
    transaction: <T>(work: (manager: unknown) => Promise<T>) => work({}),
    eraseClosedCaseContacts: async (_manager: unknown, batch: Batch) => {
      asked.push(batch);
      onBatch(batch);
      const first = Number(batch.afterId) + 1;
      const ids = Array.from({ length: Math.max(0, Math.min(batch.limit, due - first + 1)) }, (_, i) => first + i);
      return { refs: ids.map((id) => `2025-${id}`), lastId: ids.length ? String(ids[ids.length - 1]) : null };
    },
    purgeOldMail: async () => 0,
    clearStaleWarnings: async () => 0,
    inactiveToWarn: async () => [],
    inactiveToErase: async () => [],
  } as unknown as PersonalDataRepository;
  const audit = { forget: async () => undefined } as unknown as AuditService;
  const clock = { now: () => NOW } as RetentionClock;
  const config = { retention: { contactDays: 365, inactiveDays: 730 }, publicUrl: 'https://plaza.example' } as AppConfig;
  const job = new RetentionJob(data, {} as ConsentRepository, audit, {} as SchedulerService, clock, {} as Mailer, config);
  return { job, asked };
}

describe('RetentionJob', () => {
  it('walks a backlog once, each batch after the last id erased, erasing at the run’s time', async () => {
    const { job, asked } = sweepOver(450);
    expect((await job.run()).contactsErased).toBe(450);
    expect(asked.map((b) => b.afterId)).toEqual(['0', '200', '400']);
    expect(asked[0]).toMatchObject({ closedBefore: new Date(NOW.getTime() - 365 * DAY), erasedAt: NOW, limit: 200 });
  });

  it('stops between batches once the scheduler says the process is shutting down', async () => {
    const stop = new AbortController();
    const { job, asked } = sweepOver(470_000, (batch) => {
      if (batch.afterId === '400') stop.abort(new JobStopped()); // SIGTERM during the third batch
    });
    await expect(job.run(stop.signal)).rejects.toBeInstanceOf(JobStopped);
    expect(asked).toHaveLength(3);
  });
});
