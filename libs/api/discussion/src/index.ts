export * from './discussion.module';
