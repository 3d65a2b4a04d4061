import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { SchedulerService } from '@plaza/api/scheduler';
import { CaseChangesRepository } from './case-changes.repository';

const EVERY_MS = 60 * 60_000;
/** A console that reconnects resumes from minutes ago at most; a day is generous. */
const KEEP_HOURS = 24;

/** Keeps the live stream's change log (`report_changes`) to a day. */
@Injectable()
export class CaseChangeLogPurgeJob implements OnModuleInit {
  private readonly logger = new Logger('CaseEvents');

  constructor(
    private readonly changes: CaseChangesRepository,
    private readonly scheduler: SchedulerService,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({ name: 'case-change-log-purge', schedule: { everyMs: EVERY_MS }, run: () => this.run() });
  }

  async run(): Promise<number> {
    const purged = await this.changes.purge(KEEP_HOURS);
    if (purged > 0) this.logger.log(`Purged ${purged} entries of the case change log`);
    return purged;
  }
}
