// The account's notification switch (GET/PATCH /api/v1/account/notifications), for the map's account page.
import { CSRF_HEADER, type NotificationSettings } from '@plaza/shared/contracts';
import { apiRequest, getJson } from '@plaza/web/api-client';

const URL_PATH = '/api/v1/account/notifications';

export const notificationSettingsApi = {
  get: (signal?: AbortSignal) => getJson<NotificationSettings>(URL_PATH, signal),
  set: (csrfToken: string, body: NotificationSettings) =>
    apiRequest<NotificationSettings>(URL_PATH, { method: 'PATCH', json: body, headers: { [CSRF_HEADER]: csrfToken } }),
};
