export * from './cases.module';
export * from './case-events.service';
export { CaseWritesRepository } from './case-writes.repository';
export * from './contact-access-log';
