export * from './feeds.module';
