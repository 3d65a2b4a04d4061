export * from './api-clients.module';
export * from './api-clients.service';
export type { ApiClientView } from './api-clients.repository';
export { hashApiKey } from './api-key';
