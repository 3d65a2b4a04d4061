import type { UnsubscribeView } from '@plaza/shared/contracts';
import { apiRequest, getJson } from '@plaza/web/api-client';

const path = (token: string, locale: string) =>
  `/api/v1/unsubscribe/${encodeURIComponent(token)}?lang=${encodeURIComponent(locale)}`;

/** Unsubscribe links from mails: no session needed (docs/notifications.md). */
export const unsubscribeApi = {
  /** What the link would stop; never acts (mail scanners open links). */
  describe: (token: string, locale: string, signal?: AbortSignal) => getJson<UnsubscribeView>(path(token, locale), signal),
  confirm: (token: string, locale: string) => apiRequest<UnsubscribeView>(path(token, locale), { method: 'POST', anonymous: true }),
};
