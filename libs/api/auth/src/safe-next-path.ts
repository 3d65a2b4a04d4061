/**
 * The path to land on after an email link, if it is a path on this site. Anything that could
 * leave the origin (`//evil.example`, `/\evil`, `https://…`, control characters) is refused:
 * an open redirect in a city hall's sign-in mail would be a phishing gift.
 */
export function safeNextPath(next: string | undefined | null, publicUrl: string): string | null {
  if (next === undefined || next === null || next === '') return '/';
  if (next.length > 512 || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\'))
    return null;
  if ([...next].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f || c === '\\')) return null;
  try {
    const base = new URL(publicUrl);
    const url = new URL(next, base);
    if (url.origin !== base.origin) return null;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return null;
  }
}

/** Sign-in links for the console open the console's link page; all others the public site's. */
export function signInLinkUrl(publicUrl: string, token: string, nextPath: string): string {
  const page =
    nextPath === '/console' || nextPath.startsWith('/console/') || nextPath.startsWith('/console?')
      ? '/console/signin/link'
      : '/signin/link';
  return `${publicUrl}${page}?token=${encodeURIComponent(token)}`;
}
