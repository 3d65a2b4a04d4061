export * from './proposal-records.module';
export * from './proposal-records.repository';
export * from './proposal-timeline.repository';
