import { useEffect, type RefObject } from 'react';

// A full page load puts focus at the top of the document; client-side navigation does not.
let navigated = false;
for (const type of ['pushState', 'popstate']) {
  addEventListener(type, () => {
    navigated = true;
  });
}

/**
 * After an in-app navigation, moves focus to the new page's heading once it is rendered, so a
 * screen reader announces the page and keyboard users start from its top. The first page load
 * is left alone.
 */
export function useFocusOnArrival(target: RefObject<HTMLElement | null>, ready = true): void {
  useEffect(() => {
    if (ready && navigated) target.current?.focus();
  }, [ready, target]);
}
