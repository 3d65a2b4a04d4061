export * from './participation.module';
