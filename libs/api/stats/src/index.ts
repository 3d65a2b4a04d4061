export * from './stats.module';
export * from './stats-preview.service';
