export * from './feeds.module';
export * from './feed-text';
export * from './xml-writer';
