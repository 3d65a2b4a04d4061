import type { FlagCount } from '@plaza/shared/contracts';
import { useEffect, useState } from 'react';
import { participationApi } from './participation-api';

/** Fired by the flags page after hiding, dismissing or reviewing, so the navigation count follows at once. */
export const FLAGS_CHANGED = 'plaza:flags-changed';

/** Refreshed this often while the console is open: flags arrive from the public site at any time. */
const REFRESH_MS = 60_000;

/** How many flagged items wait for a decision (open flags plus review requests); null until known. */
export function useFlagCount(): FlagCount | null {
  const [count, setCount] = useState<FlagCount | null>(null);
  useEffect(() => {
    let alive = true;
    const load = () =>
      participationApi.count().then(
        (next) => alive && setCount(next),
        // A failed count must not disturb the navigation; the flags page says what went wrong.
        () => undefined,
      );
    void load();
    const timer = setInterval(load, REFRESH_MS);
    window.addEventListener(FLAGS_CHANGED, load);
    return () => {
      alive = false;
      clearInterval(timer);
      window.removeEventListener(FLAGS_CHANGED, load);
    };
  }, []);
  return count;
}
