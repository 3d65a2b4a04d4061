import type { Open311Status } from '@plaza/shared/contracts';
import { Open311Error } from './open311.errors';
import { parseW3cDatetime } from './w3c-datetime';

/** "Default query limit is a span of 90 days or first 1000 requests returned, whichever is smallest." */
export const OPEN311_WINDOW_DAYS = 90;
export const OPEN311_LIMIT = 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface DateWindow {
  start: Date;
  end: Date;
}

export interface RequestsQuery {
  /** `service_request_id` overrides every other argument. */
  ids: string[] | null;
  serviceCodes: string[];
  statuses: Open311Status[];
  window: DateWindow;
  limit: number;
}

type Query = Record<string, unknown>;

export function parseRequestsQuery(query: Query, now = new Date()): RequestsQuery {
  const ids = list(query, 'service_request_id');
  if (ids.length > OPEN311_LIMIT) {
    throw Open311Error.badRequest(
      'service_request_id',
      `At most ${OPEN311_LIMIT} service_request_id values at once.`,
    );
  }
  const statuses = list(query, 'status');
  for (const status of statuses) {
    if (status !== 'open' && status !== 'closed') {
      throw Open311Error.badRequest('status', `status must be open or closed (got "${status}").`);
    }
  }
  return {
    ids: ids.length ? ids : null,
    serviceCodes: list(query, 'service_code'),
    statuses: statuses as Open311Status[],
    window: parseWindow(query, now),
    limit: OPEN311_LIMIT,
  };
}

/**
 * start_date and end_date: both optional, never more than 90 days apart. Without either, the most
 * recent 90 days; with one, the 90 days that follow (start_date) or precede (end_date) it.
 */
export function parseWindow(query: Query, now = new Date()): DateWindow {
  const start = date(query, 'start_date');
  const end = date(query, 'end_date');
  const span = OPEN311_WINDOW_DAYS * DAY_MS;
  if (start && end) {
    if (end < start)
      throw Open311Error.badRequest('end_date', 'end_date must not be earlier than start_date.');
    if (end.getTime() - start.getTime() > span) {
      throw Open311Error.badRequest(
        'end_date',
        `start_date and end_date may not span more than ${OPEN311_WINDOW_DAYS} days.`,
      );
    }
    return { start, end };
  }
  if (start)
    return {
      start,
      end: new Date(Math.min(start.getTime() + span, Math.max(now.getTime(), start.getTime()))),
    };
  if (end) return { start: new Date(end.getTime() - span), end };
  return { start: new Date(now.getTime() - span), end: now };
}

/** A comma-delimited argument, possibly given several times. Empty means absent ("Optional Arguments"). */
function list(query: Query, name: string): string[] {
  const raw = query[name];
  const values = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return values
    .flatMap((value) => String(value).split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '');
}

function date(query: Query, name: string): Date | null {
  const raw = query[name];
  if (raw === undefined || raw === '') return null;
  if (typeof raw !== 'string') throw Open311Error.badRequest(name, `${name} may be given once.`);
  const parsed = parseW3cDatetime(raw);
  if (!parsed)
    throw Open311Error.badRequest(
      name,
      `${name} must be a W3C datetime with a time zone, e.g. 2010-01-01T00:00:00Z.`,
    );
  return parsed;
}
