export * from './demo-seed';
export * from './reference-data';
