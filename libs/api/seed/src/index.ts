export * from './demo-seed';
export * from './demo-accounts';
export * from './demo-templates';
export * from './reference-data';
export * from './demo-open311-client';
export * from './demo-holidays';
export * from './demo-cases';
export * from './demo-proposals';
