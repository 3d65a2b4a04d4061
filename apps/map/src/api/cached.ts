import { useEffect, useState } from 'react';
import { getJson } from '@plaza/web/api-client';

const cache = new Map<string, Promise<unknown>>();

/** One request per URL for the page's lifetime (catalogue data changes rarely); failures are retried on next use. */
export function fetchOnce<T>(url: string): Promise<T> {
  let pending = cache.get(url) as Promise<T> | undefined;
  if (!pending) {
    pending = getJson<T>(url);
    pending.catch(() => cache.delete(url));
    cache.set(url, pending);
  }
  return pending;
}

/** Drops a cached answer, e.g. the categories after the API said one no longer exists. */
export function forget(url: string): void {
  cache.delete(url);
}

export type Loaded<T> = { data: T; error: false } | { data: null; error: boolean };

export function useCachedJson<T>(url: string | null, reloadKey = 0): Loaded<T> {
  const [state, setState] = useState<{ url: string | null; loaded: Loaded<T> }>({ url: null, loaded: { data: null, error: false } });
  useEffect(() => {
    if (!url) return;
    let live = true;
    fetchOnce<T>(url).then(
      (data) => live && setState({ url, loaded: { data, error: false } }),
      () => live && setState({ url, loaded: { data: null, error: true } }),
    );
    return () => {
      live = false;
    };
  }, [url, reloadKey]);
  // While a new URL (another language) loads, keep showing nothing stale from the old one.
  return state.url === url ? state.loaded : { data: null, error: false };
}
