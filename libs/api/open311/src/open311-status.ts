import { toOpen311Status, type ReportStatus } from '@plaza/shared/contracts';
import { Open311Error } from './open311.errors';

/**
 * FixMyStreet's extended statuses (mySociety's Open311 extension, the set its adapters send and
 * its client maps back in `perllib/Open311/UpdatesBase.pm`'s `map_state`: `not_councils_responsibility`
 * becomes "not responsible", `no_further_action` "unable to fix"). Offered only to clients that ask
 * with `extended_statuses=true`: plain GeoReport v2 clients know only open and closed.
 */
export const EXTENDED_STATUS_OF: Record<ReportStatus, string> = {
  unconfirmed: 'open',
  confirmed: 'open',
  investigating: 'investigating',
  action_scheduled: 'action_scheduled',
  in_progress: 'in_progress',
  fixed: 'fixed',
  closed: 'closed',
  duplicate: 'duplicate',
  not_responsible: 'not_councils_responsibility',
  unable_to_fix: 'no_further_action',
  internal_referral: 'internal_referral',
  hidden: 'closed',
};

/** How a report's status is written for this client: open/closed, or the extended set if asked. */
export type StatusWriter = (status: ReportStatus) => string;

/** `extended_statuses=true|1|yes` asks for the extended set; `false|0|no` or absent for open/closed. */
export function statusWriterFor(query: Record<string, unknown>): StatusWriter {
  const raw = query['extended_statuses'];
  if (raw === undefined || raw === '') return toOpen311Status;
  const value = typeof raw === 'string' ? raw.trim().toLowerCase() : null;
  if (value === 'true' || value === '1' || value === 'yes') return (status) => EXTENDED_STATUS_OF[status];
  if (value === 'false' || value === '0' || value === 'no') return toOpen311Status;
  throw Open311Error.badRequest('extended_statuses', 'extended_statuses must be true or false.');
}
