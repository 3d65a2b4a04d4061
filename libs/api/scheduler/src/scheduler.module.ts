import { Global, Module } from '@nestjs/common';
import { ScheduledJobRunsRepository } from './scheduled-job-runs.repository';
import { SchedulerService } from './scheduler.service';

/** The one scheduler of periodic jobs (see SchedulerService), imported once by the app. */
@Global()
@Module({ providers: [ScheduledJobRunsRepository, SchedulerService], exports: [SchedulerService] })
export class SchedulerModule {}
