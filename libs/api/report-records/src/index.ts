export * from './report-records.module';
export * from './report-records.repository';
export * from './report-timeline.repository';
