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
