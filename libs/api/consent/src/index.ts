export * from './consent.module';
export * from './consent.service';
export * from './consent.repository';
export * from './notice-version';
