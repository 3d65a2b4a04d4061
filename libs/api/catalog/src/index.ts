export * from './catalog.module';
export * from './catalog.repository';
export * from './catalog.service';
