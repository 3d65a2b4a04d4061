/** Local alerts: email subscriptions to new public reports (docs/alerts.md). */

export const ALERT_SCOPES = ['area', 'radius', 'category'] as const;
export type AlertScope = (typeof ALERT_SCOPES)[number];

export const ALERT_FREQUENCIES = ['instant', 'daily'] as const;
export type AlertFrequency = (typeof ALERT_FREQUENCIES)[number];

export const ALERT_LIMITS = {
  /** Metres around the chosen point. */
  radiusMin: 100,
  radiusMax: 5000,
  radiusDefault: 500,
  emailMax: 254,
} as const;

/** `POST /api/v1/alerts`: one of `area`, `point`+`radius` or `category`, as `scope` says. */
export interface CreateAlertInput {
  email: string;
  scope: AlertScope;
  /** Area (district) code, for scope `area`. */
  area?: string;
  /** For scope `radius`. */
  lat?: number;
  lon?: number;
  radius?: number;
  /** Category code, for scope `category`. */
  category?: string;
  frequency: AlertFrequency;
  /** The data-protection notice was read and accepted. */
  consent: true;
}

/** Both answers carry nothing about the subscriber, so they reveal nothing to whoever asks. */
export interface AlertSubscribeResult {
  status: 'confirmation_sent';
}

export interface AlertConfirmResult {
  status: 'confirmed';
  scope: AlertScope;
  frequency: AlertFrequency;
  /** What the alert watches, in the request's language: an area or category name, or "500 m around a point". */
  description: string;
}
