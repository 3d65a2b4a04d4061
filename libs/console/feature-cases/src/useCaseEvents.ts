import type { CaseStreamEvent } from '@plaza/shared/contracts';
import { useEffect, useRef } from 'react';

export const CASE_EVENTS_URL = '/api/v1/staff/cases/events';

/**
 * Listens to the live case stream (same-origin EventSource: the session cookie goes along, and the
 * browser reconnects with Last-Event-ID by itself). Several events in a burst arrive together, so a
 * bulk move of 30 cases causes one refetch, not 30.
 */
export function useCaseEvents(onEvents: (events: CaseStreamEvent[]) => void, enabled = true): void {
  const handler = useRef(onEvents);
  handler.current = onEvents;

  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource(CASE_EVENTS_URL);
    let pending: CaseStreamEvent[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onCase = (message: MessageEvent<string>) => {
      try {
        pending.push(JSON.parse(message.data) as CaseStreamEvent);
      } catch {
        return; // a malformed event is not worth breaking the page for
      }
      clearTimeout(timer);
      timer = setTimeout(() => {
        const batch = pending;
        pending = [];
        handler.current(batch);
      }, 300);
    };
    source.addEventListener('case', onCase as EventListener);
    return () => {
      clearTimeout(timer);
      source.removeEventListener('case', onCase as EventListener);
      source.close();
    };
  }, [enabled]);
}
