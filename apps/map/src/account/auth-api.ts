// The public site's calls to /api/v1/auth, on the shared API client.
import type { EmailLinkRequest, LoginRequest, SessionView, SignupRequest } from '@plaza/shared/contracts';
import { apiRequest, setCsrfToken } from '@plaza/web/api-client';

const AUTH = '/api/v1/auth';

/** The session's CSRF token, from the last SessionView: sent back on requests that need a session. */
export function rememberSession(session: SessionView | null): void {
  setCsrfToken(session?.csrfToken ?? null);
}

export const authApi = {
  me: (signal?: AbortSignal) => apiRequest<SessionView>(`${AUTH}/me`, { signal }),
  login: (body: LoginRequest) => apiRequest<SessionView>(`${AUTH}/login`, { method: 'POST', json: body }),
  signup: (body: SignupRequest) => apiRequest<SessionView>(`${AUTH}/signup`, { method: 'POST', json: body }),
  logout: () => apiRequest<void>(`${AUTH}/logout`, { method: 'POST' }),
  logoutEverywhere: () => apiRequest<void>(`${AUTH}/logout-everywhere`, { method: 'POST' }),
  requestEmailLink: (body: EmailLinkRequest) => apiRequest<void>(`${AUTH}/email-link`, { method: 'POST', json: body }),
  verifyEmailLink: (token: string) =>
    apiRequest<SessionView>(`${AUTH}/email-link/verify`, { method: 'POST', json: { token } }),
};
