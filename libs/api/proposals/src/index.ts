export * from './proposals.module';
export * from './proposals.service';
