export * from './schedule';
export * from './scheduled-job-runs.repository';
export * from './scheduler.service';
export * from './scheduler.module';
