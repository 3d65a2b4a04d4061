export * from './personal-data';
export * from './readability';
export * from './style-check';
export * from './business-days';
export * from './template';
export * from './screening';
