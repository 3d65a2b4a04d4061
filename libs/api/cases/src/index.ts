export * from './cases.module';
export * from './case-events.service';
export { CaseWritesRepository } from './case-writes.repository';
export { CaseChangeLogPurgeJob } from './case-change-log-purge.job';
export * from './contact-access-log';
