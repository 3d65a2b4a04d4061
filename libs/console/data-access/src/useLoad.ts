import { useCallback, useEffect, useState } from 'react';
import type { Loaded } from '@plaza/console/util';

/**
 * Loads data for a page and reloads on demand (after a save). Keeps the previous data while
 * reloading, so a table does not flash empty under the user's cursor.
 */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[] = []): [Loaded<T>, () => void] {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading', data: null });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let current = true;
    setState((previous) => ({ status: 'loading', data: previous.data }));
    load().then(
      (data) => current && setState({ status: 'ready', data }),
      (error: unknown) => current && setState((previous) => ({ status: 'error', data: previous.data, error })),
    );
    return () => {
      current = false;
    };
    // `load` is a fresh closure on every render; `deps` says when it really changes.
  }, [generation, ...deps]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return [state, reload];
}
