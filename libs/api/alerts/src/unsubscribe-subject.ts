/**
 * The subject of an alert's unsubscribe link: the subscription's UUID as 22 base64url characters
 * instead of 36, which keeps the whole signed token within the 100 characters a URL path segment
 * may have on the API (Fastify's default maxParamLength).
 */
export function subjectOf(subscriptionId: string): string {
  return Buffer.from(subscriptionId.replace(/-/g, ''), 'hex').toString('base64url');
}

/** The subscription id of a subject made by `subjectOf`, or null for anything else. */
export function subscriptionIdOf(subject: string): string | null {
  if (!/^[A-Za-z0-9_-]{22}$/.test(subject)) return null;
  const hex = Buffer.from(subject, 'base64url').toString('hex');
  if (hex.length !== 32) return null;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
