export * from './bbox';
