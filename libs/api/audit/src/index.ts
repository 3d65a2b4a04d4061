export * from './audit-chain';
export * from './audit-verifier';
export * from './audit.service';
export * from './audit.module';
export { AuditRepository } from './audit.repository';
export * from './audit-sealing';
