/**
 * Whether a state-changing request may proceed given its Origin header. Browsers send Origin on
 * every cross-origin request and on same-origin POSTs; a missing header (curl, servers, older
 * same-origin forms) is let through, since CSRF needs a browser, which would have sent one.
 */
export function originAllowed(origin: string | string[] | undefined, allowed: readonly string[]): boolean {
  if (origin === undefined) return true;
  if (Array.isArray(origin)) return false;
  return allowed.includes(origin);
}

/**
 * Whether an Origin names the very host the request was sent to (its Host header), over http or
 * https. Used only in development, where PUBLIC_URL is not set and the site may be opened at any
 * local address; in production a Host header proves nothing and only configured origins count.
 */
export function originMatchesHost(origin: string | string[] | undefined, host: string | undefined): boolean {
  if (typeof origin !== 'string' || !host) return false;
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.host === host.toLowerCase();
  } catch {
    return false;
  }
}
