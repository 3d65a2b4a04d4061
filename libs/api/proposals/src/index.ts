export * from './proposals.module';
export * from './proposals.service';
export * from './proposal-preview.service';
