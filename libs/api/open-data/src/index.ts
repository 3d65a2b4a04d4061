export * from './open-data.module';
