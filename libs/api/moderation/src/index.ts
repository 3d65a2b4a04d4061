export * from './moderation.module';
