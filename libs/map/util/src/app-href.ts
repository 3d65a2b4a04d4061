import { navigate } from 'wouter/use-browser-location';

/**
 * An internal link that keeps the language chosen in the URL (`?lang=`), so following it or
 * reloading the page it leads to does not fall back to the browser's language.
 */
export function appHref(path: string): string {
  const lang = new URLSearchParams(location.search).get('lang');
  if (!lang) return path;
  const url = new URL(path, location.origin);
  url.searchParams.set('lang', lang);
  // URLSearchParams escapes the map view's slashes and the lists' commas; both are legal in a query.
  return `${url.pathname}${url.search.replace(/%2F/gi, '/').replace(/%2C/gi, ',')}${url.hash}`;
}

export function go(path: string, options?: { replace?: boolean; state?: unknown }): void {
  navigate(appHref(path), options);
  // A new page starts at its top, as a full navigation would.
  window.scrollTo(0, 0);
}

/** For plain <a> elements built outside React (map popups): client-side navigation on a normal click. */
export function handleInternalClick(event: MouseEvent, href: string): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(href);
  window.scrollTo(0, 0);
}
