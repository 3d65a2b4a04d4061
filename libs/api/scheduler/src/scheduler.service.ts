import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@plaza/api/config';
import { delayUntilNextCheck, slotAt, type Schedule } from './schedule';
import { ScheduledJobRunsRepository } from './scheduled-job-runs.repository';

/** A periodic job, declared by the module that owns the work (usually in its onModuleInit). */
export interface ScheduledJob {
  /** Unique and stable: the key of its runs in `scheduled_job_runs`. */
  name: string;
  schedule: Schedule;
  /**
   * How long a claimed run may stay unfinished before another replica takes the slot over
   * (default: 15 minutes). Only matters for a replica that died mid-run.
   */
  leaseMs?: number;
  /**
   * One run; `slot` is the run's key (period start or local date). `stop` is aborted when the
   * process shuts down: a long run checks it between its batches (`stop.throwIfAborted()`), so a
   * replica told to stop is not held for minutes; the slot is then released for the next check.
   */
  run(slot: string, stop: AbortSignal): Promise<unknown>;
}

/** Why a run's `stop` signal was aborted: the process is shutting down (not a failure). */
export class JobStopped extends Error {
  constructor() {
    super('the process is shutting down');
    this.name = 'JobStopped';
  }
}

const DEFAULT_LEASE_MS = 15 * 60_000;
const HISTORY_MS = 7 * 24 * 3_600_000;

interface Entry {
  job: ScheduledJob;
  timer: NodeJS.Timeout | null;
  running: Promise<void> | null;
  lastSlot: string | null;
}

/**
 * Every periodic job of the API, with the two rules in one place:
 * - in a process, a job's runs never overlap: a check that finds the previous run still going is
 *   skipped, not queued;
 * - across replicas, each slot runs once: the replica that claims it in `scheduled_job_runs`
 *   (one INSERT … ON CONFLICT, no lock held) runs it; a claim left unfinished past its lease by a
 *   replica that died is taken over.
 * Periodic slots are aligned on the epoch and daily ones are the city's local date
 * (CITY_TIME_ZONE), so every replica agrees on them. Jobs only register when this process should
 * run them (their own switches: OUTBOX_WORKER, ALERT_DIGEST_WORKER…).
 */
@Injectable()
export class SchedulerService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Scheduler');
  private readonly entries = new Map<string, Entry>();
  /** Who holds a claim: this process. */
  private readonly owner = randomUUID();
  private started = false;
  /** Aborted once, when the process shuts down: running jobs stop between their batches. */
  private readonly stopping = new AbortController();

  constructor(
    private readonly runs: ScheduledJobRunsRepository,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'city'>,
  ) {}

  register(job: ScheduledJob): void {
    if (this.entries.has(job.name)) throw new Error(`Scheduled job "${job.name}" is registered twice`);
    slotAt(job.schedule, new Date(), this.config.city.timeZone); // refuses a malformed schedule at boot
    const entry: Entry = { job, timer: null, running: null, lastSlot: null };
    this.entries.set(job.name, entry);
    if (this.started) this.arm(entry, true);
  }

  /** Timers start once the whole application is up. */
  onApplicationBootstrap(): void {
    this.started = true;
    for (const entry of this.entries.values()) this.arm(entry, true);
  }

  /**
   * Stops the timers, tells runs in progress to stop at their next batch and waits for them,
   * before the database and mailers close. Without the signal a first retention sweep on a big
   * database held SIGTERM for as long as it had batches left.
   */
  async onModuleDestroy(): Promise<void> {
    this.started = false;
    this.stopping.abort(new JobStopped());
    for (const entry of this.entries.values()) {
      if (entry.timer) clearTimeout(entry.timer);
      entry.timer = null;
    }
    await Promise.all([...this.entries.values()].map((entry) => entry.running));
  }

  /**
   * Checks one job now: runs the current slot if it is due, not run by this process yet, not
   * running here, and claimed by this replica. Answers whether it ran. The timers call this; so
   * may tests and tools.
   */
  async tick(name: string, now: Date = new Date()): Promise<boolean> {
    const entry = this.entries.get(name);
    if (!entry) throw new Error(`No scheduled job "${name}"`);
    if (entry.running || this.stopping.signal.aborted) return false;
    const slot = slotAt(entry.job.schedule, now, this.config.city.timeZone);
    if (!slot.due || entry.lastSlot === slot.key) return false;
    let ran = false;
    entry.running = (async () => {
      const lease = entry.job.leaseMs ?? DEFAULT_LEASE_MS;
      // A refused claim is not remembered: a slot left unfinished by a dead replica is taken over
      // here once its lease ends. The check is one statement hitting the primary key.
      if (!(await this.runs.claim(entry.job.name, slot.key, this.owner, now, lease))) return;
      ran = true;
      // The lease is renewed while the job runs: only a replica that went silent is taken over.
      const renewal = setInterval(() => {
        this.runs.renew(entry.job.name, slot.key, this.owner, new Date()).catch((error: unknown) => {
          this.logger.warn(`Could not renew the claim of ${entry.job.name} (${slot.key}): ${String(error)}`);
        });
      }, lease / 3);
      renewal.unref();
      try {
        await entry.job.run(slot.key, this.stopping.signal);
      } finally {
        clearInterval(renewal);
      }
      entry.lastSlot = slot.key;
      await this.runs.finish(entry.job.name, slot.key, this.owner, new Date());
      await this.runs.prune(entry.job.name, new Date(now.getTime() - HISTORY_MS));
    })()
      .catch(async (error: unknown) => {
        if (error instanceof JobStopped) {
          // Stopped between batches: every job is idempotent, so the slot is handed back at once
          // (another replica's next check continues it) instead of waiting for the lease to end.
          this.logger.log(`Scheduled job ${entry.job.name} (${slot.key}) stopped: ${error.message}`);
          await this.runs.release(entry.job.name, slot.key, this.owner).catch((releaseError: unknown) => {
            this.logger.warn(`Could not release ${entry.job.name} (${slot.key}): ${String(releaseError)}`);
          });
          return;
        }
        // The claim stays unfinished: the slot is retried here or elsewhere once its lease ends.
        this.logger.error(`Scheduled job ${entry.job.name} (${slot.key}) failed: ${String(error)}`);
      })
      .finally(() => {
        entry.running = null;
      });
    await entry.running;
    return ran;
  }

  /**
   * The first check comes a whole period after boot (as the hand-written timers did): a process
   * that just started, or a test driving a job itself, is not raced by a run at the next boundary.
   */
  private arm(entry: Entry, first = false): void {
    if (entry.timer) clearTimeout(entry.timer);
    const period = 'everyMs' in entry.job.schedule ? entry.job.schedule.everyMs : 60_000;
    entry.timer = setTimeout(() => {
      entry.timer = null;
      if (!this.started) return;
      void this.tick(entry.job.name).finally(() => {
        if (this.started) this.arm(entry);
      });
    }, delayUntilNextCheck(entry.job.schedule, new Date()) + (first ? period : 0));
    entry.timer.unref();
  }
}
