export * from './xml-writer';
