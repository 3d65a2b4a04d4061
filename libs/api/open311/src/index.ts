export * from './open311.module';
