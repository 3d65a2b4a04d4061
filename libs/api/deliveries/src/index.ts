export * from './deliveries.module';
export * from './deliveries.service';
