/**
 * Where to go after signing in: only a path on this site (no `//host`, no scheme, no backslash),
 * so a crafted `?next=` cannot send a citizen to another site. The sign-in pages themselves and
 * the console (another app) fall back to the map.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.length > 512) return '/';
  if ([...next].some((c) => c === '\\' || c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return '/';
  try {
    const url = new URL(next, 'http://plaza.invalid');
    if (url.origin !== 'http://plaza.invalid') return '/';
    const path = url.pathname;
    if (
      path === '/signin' ||
      path.startsWith('/signin/') ||
      path === '/signup' ||
      path === '/console' ||
      path.startsWith('/console/')
    )
      return '/';
    return `${path}${url.search}${url.hash}`;
  } catch {
    return '/';
  }
}

/** The page the visitor is on, as a `next` value (without the sign-in pages themselves). */
export function currentPathForNext(): string {
  return safeNextPath(`${location.pathname}${location.search}`);
}

/** First name for the header: the first word of the account's name. */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}
