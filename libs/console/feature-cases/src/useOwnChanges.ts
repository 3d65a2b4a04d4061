import type { CaseStreamEvent } from '@plaza/shared/contracts';
import { useCallback, useMemo, useRef } from 'react';

export interface OwnChanges {
  /** A move of ours is about to be sent. */
  begin(): void;
  /** It came back (with the case's new `updatedAt`, which the live stream's event carries as `at`), or failed. */
  end(updatedAt: string | null): void;
  /**
   * Events not caused by our own moves. An event that arrives while a move of ours is in flight is
   * held until the move's answer says whether it was ours.
   */
  filter(events: CaseStreamEvent[], deliver: (others: CaseStreamEvent[]) => void): void;
}

/**
 * Tells the case view's own saves apart from other people's on the live stream, so saving does not
 * announce "Someone changed this report" (issue 16 item 11). A move's answer and its stream event
 * carry the same timestamp (`reports.updated_at`, set once per move).
 */
export function useOwnChanges(): OwnChanges {
  const mine = useRef(new Set<string>());
  const inFlight = useRef(0);
  const held = useRef<{ events: CaseStreamEvent[]; deliver: (others: CaseStreamEvent[]) => void } | null>(null);

  const release = useCallback(() => {
    const waiting = held.current;
    if (!waiting || inFlight.current > 0) return;
    held.current = null;
    const others = waiting.events.filter((e) => !mine.current.has(e.at));
    if (others.length > 0) waiting.deliver(others);
  }, []);

  const begin = useCallback(() => {
    inFlight.current += 1;
  }, []);
  const end = useCallback(
    (updatedAt: string | null) => {
      if (updatedAt) mine.current.add(updatedAt);
      inFlight.current = Math.max(0, inFlight.current - 1);
      release();
    },
    [release],
  );
  const filter = useCallback(
    (events: CaseStreamEvent[], deliver: (others: CaseStreamEvent[]) => void) => {
      if (inFlight.current > 0) {
        held.current = { events: [...(held.current?.events ?? []), ...events], deliver };
        return;
      }
      const others = events.filter((e) => !mine.current.has(e.at));
      if (others.length > 0) deliver(others);
    },
    [],
  );
  return useMemo(() => ({ begin, end, filter }), [begin, end, filter]);
}
