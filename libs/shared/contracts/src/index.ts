export * from './report-status';
export * from './locale';
export * from './problem';
export * from './catalog';
export * from './report';
export * from './limits';
export * from './accounts';
