export * from './embedded-postgres';
export * from './database-url';
export * from './data-source-options';
export * from './run-migrations';
export * from './migrations';
export * from './report-visibility';
export * from './city-settings.repository';
