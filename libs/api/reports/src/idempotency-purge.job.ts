import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@plaza/api/config';
import { SchedulerService } from '@plaza/api/scheduler';
import { ReportsRepository } from './reports.repository';

const EVERY_MS = 60 * 60_000;

/**
 * Forgets Idempotency-Keys older than IDEMPOTENCY_KEY_TTL_HOURS (a key past it is already
 * claimable afresh; this keeps the table small). One DELETE: harmless if two replicas ran it.
 */
@Injectable()
export class IdempotencyPurgeJob implements OnModuleInit {
  private readonly logger = new Logger('IdempotencyKeys');

  constructor(
    private readonly reports: ReportsRepository,
    private readonly scheduler: SchedulerService,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'abuse'>,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({ name: 'idempotency-key-purge', schedule: { everyMs: EVERY_MS }, run: () => this.run() });
  }

  async run(): Promise<number> {
    const purged = await this.reports.purgeIdempotencyKeys(this.config.abuse.idempotencyKeyTtlHours);
    if (purged) this.logger.log(`Forgot ${purged} idempotency keys past their TTL`);
    return purged;
  }
}
