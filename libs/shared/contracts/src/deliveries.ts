// Reliable delivery (docs/notifications.md).
//   GET  /api/v1/unsubscribe/{token}            → UnsubscribeView (public, never acts)
//   POST /api/v1/unsubscribe/{token}            → UnsubscribeView with done: true (public, RFC 8058 one-click, idempotent)
//   GET  /api/v1/staff/deliveries (?status=)    → DeliveryView[] (admin, community_manager)
//   POST /api/v1/staff/deliveries/{id}/retry    → DeliveryView
//   POST /api/v1/staff/deliveries/{id}/dismiss  → DeliveryView

export const DELIVERY_STATUSES = ['pending', 'sent', 'failed', 'dismissed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** What an unsubscribe link would stop, in the reader's language. */
export interface UnsubscribeView {
  kind: string;
  description: string;
  /** True in the answer to POST: the subscription is off (it may have been off already). */
  done: boolean;
}

/** One outbox message as staff see it on the Deliveries page. */
export interface DeliveryView {
  id: string;
  /** The outbox channel, as staff know it (mail queued as a template's values shows as `email`). */
  channel: string;
  status: DeliveryStatus;
  /** The recipient (an email address): staff only, never on public pages. */
  recipient: string | null;
  /** A short label of the content (the mail's subject). */
  summary: string | null;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
  lastAttemptAt: string | null;
}
