/**
 * Whether an error means "the database cannot be reached right now" rather than "this request
 * broke something": the client should retry later (503 + Retry-After), and the operator's
 * signal is /health/ready, not a 500 per request.
 *
 * Recognised: socket errors while connecting or mid-query (refused, reset, timed out, host
 * unreachable), pg's "Connection terminated…", pg-pool's wait for a free connection timing out,
 * any FATAL/PANIC from the server (the session is gone: shutdown, too many connections, database
 * not accepting connections), and the SQLSTATE classes of connection failures (08…) and server
 * shutdown (57P01–57P05). TypeORM wraps query errors (QueryFailedError.driverError).
 */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error and is not queryable/i,
  /Connection is closed|Cannot use a pool after calling end/i,
];

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (error === null || typeof error !== 'object' || depth > 3) return false;
  const { code, severity, message, driverError, cause } = error as {
    code?: unknown;
    severity?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
  };
  if (typeof code === 'string') {
    if (NETWORK_CODES.has(code)) return true;
    if (/^08...$/.test(code) || /^57P0[1-5]$/.test(code)) return true;
  }
  if (severity === 'FATAL' || severity === 'PANIC') return true;
  if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))) return true;
  // AggregateError (several addresses refused), TypeORM's wrapper, and `cause` chains.
  const inner = (error as { errors?: unknown }).errors;
  if (Array.isArray(inner) && inner.some((e) => isDatabaseUnavailable(e, depth + 1))) return true;
  return isDatabaseUnavailable(driverError, depth + 1) || isDatabaseUnavailable(cause, depth + 1);
}

/** Seconds a client is asked to wait before retrying while the database is unavailable. */
export const DATABASE_RETRY_AFTER_SECONDS = 10;
