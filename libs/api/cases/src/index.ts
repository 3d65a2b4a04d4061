export * from './cases.module';
export * from './case-events.service';
