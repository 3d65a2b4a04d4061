export * from './app-config';
export * from './load-config';
export * from './config.module';
export * from './map-config';
export * from './participation-config';
export * from './delivery-config';
export * from './report-confirmation-config';
