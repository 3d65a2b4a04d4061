// The citizen's notifications (GET /api/v1/me/notifications, POST …/{id}/read) and the review request
// of a moderation decision (POST /api/v1/moderation-decisions/{id}/review-request), for the map.
import { CSRF_HEADER, type ModerationDecisionView, type NotificationView } from '@plaza/shared/contracts';
import { apiRequest, getJson } from '@plaza/web/api-client';

/** Fired on window when the person read something, so the header's unread count follows. */
export const INBOX_CHANGED = 'plaza:inbox-changed';

export const notificationsApi = {
  list: (signal?: AbortSignal) => getJson<NotificationView[]>('/api/v1/me/notifications', signal),

  async markRead(csrfToken: string, id: string): Promise<void> {
    await apiRequest<void>(`/api/v1/me/notifications/${encodeURIComponent(id)}/read`, {
      method: 'POST',
      headers: { [CSRF_HEADER]: csrfToken },
      // Marking read often happens as the person follows a link away: let the request outlive the page.
      keepalive: true,
    });
    window.dispatchEvent(new Event(INBOX_CHANGED));
  },

  requestReview: (csrfToken: string, decisionId: string, message: string) =>
    apiRequest<ModerationDecisionView>(`/api/v1/moderation-decisions/${encodeURIComponent(decisionId)}/review-request`, {
      method: 'POST',
      json: { message },
      headers: { [CSRF_HEADER]: csrfToken },
    }),
};
