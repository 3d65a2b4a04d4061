export * from './photo-processor';
export * from './photo-storage';
export * from './media.module';
export * from './s3-photo-storage';
