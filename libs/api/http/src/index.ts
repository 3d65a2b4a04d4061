export * from './domain-error';
export * from './problem-mapping';
export * from './problem.filter';
export * from './validation';
export * from './request-locale';
export * from './request-id';
export * from './response-transfer';
