// The account's notification switch (GET/PATCH /api/v1/account/notifications), for the map's account page.
import { CSRF_HEADER, type NotificationSettings } from '@plaza/shared/contracts';
import { ApiError } from '../api/http';

const URL_PATH = '/api/v1/account/notifications';

async function request(init: { method: 'GET' | 'PATCH'; csrfToken?: string; body?: NotificationSettings; signal?: AbortSignal }): Promise<NotificationSettings> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  const lang = document.documentElement.lang;
  if (lang) headers['accept-language'] = lang;
  if (init.body) headers['content-type'] = 'application/json';
  if (init.csrfToken) headers[CSRF_HEADER] = init.csrfToken;
  const response = await fetch(URL_PATH, {
    method: init.method,
    headers,
    body: init.body ? JSON.stringify(init.body) : undefined,
    credentials: 'same-origin',
    signal: init.signal,
  });
  if (!response.ok) throw new ApiError(response.status, null);
  return (await response.json()) as NotificationSettings;
}

export const notificationSettingsApi = {
  get: (signal?: AbortSignal) => request({ method: 'GET', signal }),
  set: (csrfToken: string, body: NotificationSettings) => request({ method: 'PATCH', csrfToken, body }),
};
