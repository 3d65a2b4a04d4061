import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { PHOTO_STORAGE, type PhotoStorage } from '@plaza/api/media';
import { SchedulerService } from '@plaza/api/scheduler';
import { ReportsRepository } from './reports.repository';

// Often enough that an expired report lingers minutes, not hours, past its TTL; cheap when idle
// (a partial index holds only the reports awaiting confirmation).
const EVERY_MS = 10 * 60_000;

/**
 * Deletes, with their photos, the anonymous reports whose confirmation link expired unused.
 * The scheduler runs it on one replica per period; the deletion is one idempotent statement
 * anyway, and on the embedded database a single statement on the single pooled session, never a
 * transaction overlapping another.
 */
@Injectable()
export class ConfirmationExpiryJob implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('ReportConfirmation');
  private running: Promise<number> | null = null;

  constructor(
    private readonly reports: ReportsRepository,
    @Inject(PHOTO_STORAGE) private readonly storage: PhotoStorage,
    private readonly scheduler: SchedulerService,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({ name: 'report-confirmation-expiry', schedule: { everyMs: EVERY_MS }, run: () => this.run() });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  /** One pass; answers how many reports were deleted. A pass already under way is joined, not doubled. */
  run(): Promise<number> {
    this.running ??= this.expire().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async expire(): Promise<number> {
    const { reports, photoKeys } = await this.reports.deleteExpiredUnconfirmed();
    // Files go after the rows are gone: a failure leaves an unreferenced file, never a broken report.
    const removals = await Promise.allSettled(photoKeys.map((key) => this.storage.remove(key)));
    const failed = removals.filter((r) => r.status === 'rejected').length;
    if (failed) this.logger.warn(`${failed} photo files of expired reports could not be removed`);
    if (reports) this.logger.log(`Deleted ${reports} reports whose confirmation link expired unused`);
    return reports;
  }
}
