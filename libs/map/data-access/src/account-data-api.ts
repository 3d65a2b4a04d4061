// A citizen's own data (docs/privacy.md): GET /api/v1/account/data and its corrections and erasure.
import type { AccountCorrection, AccountData } from '@plaza/shared/contracts';
import { apiRequest, getJson, postJson } from '@plaza/web/api-client';

export const ACCOUNT_DATA_URL = '/api/v1/account/data';

export const accountDataApi = {
  get: (signal?: AbortSignal) => getJson<AccountData>(ACCOUNT_DATA_URL, signal),
  /** What an anonymous reporter's mailed link shows. */
  reporter: (token: string, signal?: AbortSignal) =>
    apiRequest<AccountData>('/api/v1/account/data/reporter', { query: { token }, signal, anonymous: true }),
  requestReporterLink: (email: string) => postJson<void>('/api/v1/account/data/request', { email }, { anonymous: true }),
  correct: (body: AccountCorrection) =>
    apiRequest<{ emailConfirmationSent: boolean }>('/api/v1/account', { method: 'PATCH', json: body }),
  confirmEmail: (token: string) => postJson<{ email: string }>('/api/v1/account/email/confirm', { token }),
  erase: () => apiRequest<void>('/api/v1/account', { method: 'DELETE' }),
};
