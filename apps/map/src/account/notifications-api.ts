// The citizen's notifications (GET /api/v1/me/notifications, POST …/{id}/read) and the review request
// of a moderation decision (POST /api/v1/moderation-decisions/{id}/review-request), for the map.
import { CSRF_HEADER, type ModerationDecisionView, type NotificationView } from '@plaza/shared/contracts';
import { getJson, request } from '../api/http';

/** Fired on window when the person read something, so the header's unread count follows. */
export const INBOX_CHANGED = 'plaza:inbox-changed';

export const notificationsApi = {
  list: (signal?: AbortSignal) => getJson<NotificationView[]>('/api/v1/me/notifications', signal),

  async markRead(csrfToken: string, id: string): Promise<void> {
    const response = await fetch(`/api/v1/me/notifications/${encodeURIComponent(id)}/read`, {
      method: 'POST',
      headers: { [CSRF_HEADER]: csrfToken },
      credentials: 'same-origin',
      // Marking read often happens as the person follows a link away: let the request outlive the page.
      keepalive: true,
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    window.dispatchEvent(new Event(INBOX_CHANGED));
  },

  requestReview: (csrfToken: string, decisionId: string, message: string) =>
    request<ModerationDecisionView>(`/api/v1/moderation-decisions/${encodeURIComponent(decisionId)}/review-request`, {
      method: 'POST',
      body: JSON.stringify({ message }),
      headers: { 'Content-Type': 'application/json', [CSRF_HEADER]: csrfToken },
      credentials: 'same-origin',
    }),
};
