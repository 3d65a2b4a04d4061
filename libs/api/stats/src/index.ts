export * from './stats.module';
export type * from './stats.types';
