import { useCallback, useEffect, useState } from 'react';
import { apiErrorStatus } from './api-error-like';

export type Loadable<T> =
  { state: 'loading' } | { state: 'ready'; data: T } | { state: 'not-found' } | { state: 'error' };

/** Loads once per key; `reload()` asks again (after an action changed what the page shows). */
export function useLoad<T>(
  key: string,
  load: (signal: AbortSignal) => Promise<T>,
): [Loadable<T>, () => void] {
  const [result, setResult] = useState<Loadable<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => setResult({ state: 'ready', data }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setResult({
          state:
            apiErrorStatus(error) === 404 || apiErrorStatus(error) === 400
              ? 'not-found'
              : 'error',
        });
      },
    );
    return () => controller.abort();
    // `load` is rebuilt on each render; the key says when the data to load changed.
  }, [key, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return [result, reload];
}
