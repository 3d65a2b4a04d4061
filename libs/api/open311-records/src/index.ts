export * from './open311-records.module';
export * from './open311-submissions.repository';
