// Calls to /api/v1/auth for both web apps, on the shared API client.
import type { EmailLinkRequest, Locale, LoginRequest, SessionView, SignupAccepted, SignupRequest } from '@plaza/shared/contracts';
import { apiRequest } from '@plaza/web/api-client';

const AUTH = '/api/v1/auth';

export const authApi = {
  me: (signal?: AbortSignal) => apiRequest<SessionView>(`${AUTH}/me`, { signal }),
  /** The session, or null when anonymous (204): no 401 logged in the console on every page load. */
  current: async (signal?: AbortSignal) => (await apiRequest<SessionView | undefined>(`${AUTH}/session`, { signal })) ?? null,
  login: (body: LoginRequest) => apiRequest<SessionView>(`${AUTH}/login`, { method: 'POST', json: body }),
  /** Always 202 "check your mail", whether or not the address already has an account. */
  signup: (body: SignupRequest) => apiRequest<SignupAccepted>(`${AUTH}/signup`, { method: 'POST', json: body }),
  logout: () => apiRequest<void>(`${AUTH}/logout`, { method: 'POST' }),
  logoutEverywhere: () => apiRequest<void>(`${AUTH}/logout-everywhere`, { method: 'POST' }),
  requestEmailLink: (body: EmailLinkRequest) => apiRequest<void>(`${AUTH}/email-link`, { method: 'POST', json: body }),
  /** Also answers where the link was meant to land (`next`, a path on this site). */
  verifyEmailLink: (token: string) =>
    apiRequest<SessionView>(`${AUTH}/email-link/verify`, { method: 'POST', json: { token } }),
  changePassword: (body: { currentPassword?: string; newPassword: string }) =>
    apiRequest<void>(`${AUTH}/password`, { method: 'POST', json: body }),
  /** The account's language (PATCH /api/v1/account, the data-rights endpoint that corrects it). */
  setAccountLocale: (locale: Locale) =>
    apiRequest<{ emailConfirmationSent: boolean }>('/api/v1/account', { method: 'PATCH', json: { locale } }),
};
