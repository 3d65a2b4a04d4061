import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Whether this request's public reads may go to a read replica. Decided once per request by the
 * HTTP layer (configure-app.ts): a request that writes, or comes from a client that wrote a moment
 * ago, reads from the primary, so a citizen who just filed a report sees it on the next page
 * (read-your-writes) even while the replicas lag a little.
 */
interface ReadRouting {
  primaryOnly: boolean;
}

const routing = new AsyncLocalStorage<ReadRouting>();

/** Runs `work` (and everything it awaits) with the given read routing. */
export function withReadRouting<T>(primaryOnly: boolean, work: () => T): T {
  return routing.run({ primaryOnly }, work);
}

/** Outside a request (jobs, boot) nothing may be stale: the primary. */
export function readsMustUsePrimary(): boolean {
  return routing.getStore()?.primaryOnly ?? true;
}

/** The cookie that marks a client who wrote recently, and how long it lasts. */
export const RECENT_WRITE_COOKIE = 'plaza_recent_write';
/** Longer than any replica lag worth serving through: past this, a lagging replica is an incident. */
export const RECENT_WRITE_SECONDS = 15;
