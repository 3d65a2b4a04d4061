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

/**
 * Paths whose reads are never public traffic: the console (staff), administration, the signed-in
 * citizen's own account and sign-in. They read from the primary whatever repository serves them,
 * so a repository shared with a public route (proposals, categories) cannot hand a moderator a
 * replica's slightly old answer.
 */
const PRIMARY_ONLY_PATHS = /^\/api\/v\d+\/(staff|admin|account|auth|me)(\/|\?|$)/;

/** What the HTTP layer knows about a request when it decides where its reads go. */
export interface ReadRoutingRequest {
  method: string;
  url: string;
  /** The raw Cookie header, if any. */
  cookie: string | undefined;
}

/**
 * Whether a request reads from the primary: it writes (and reads what it wrote), its client wrote
 * in the last RECENT_WRITE_SECONDS (read-your-writes), or it is a staff, admin, account or
 * sign-in request. Other requests' public reads may go to a replica.
 */
export function readsFromPrimary({ method, url, cookie }: ReadRoutingRequest): boolean {
  if (!['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase())) return true;
  if ((cookie ?? '').split(/;\s*/).includes(`${RECENT_WRITE_COOKIE}=1`)) return true;
  return PRIMARY_ONLY_PATHS.test(url);
}
