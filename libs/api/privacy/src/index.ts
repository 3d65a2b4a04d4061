export * from './privacy.module';
export * from './account-data.service';
export * from './retention.job';
export * from './retention-clock';
export * from './personal-data.repository';
export * from './signed-token';
