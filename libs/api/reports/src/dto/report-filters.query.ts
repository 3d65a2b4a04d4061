import { DomainError } from '@plaza/api/http';
import { isPublicStatus, isReportStatus, type ReportStatus } from '@plaza/shared/contracts';
import { parseBBox, type BBox } from '@plaza/shared/geo';

/** What the map filters by; shared by the list and the cluster queries so both count the same reports. */
export interface ReportFilters {
  bbox: BBox | null;
  categories: string[];
  statuses: ReportStatus[];
  /** Inclusive lower bound on the report's creation time. */
  from: Date | null;
  /** Exclusive upper bound (a date-only `to` is the whole day, so it becomes the next midnight UTC). */
  until: Date | null;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
// ISO 8601 with a time and an explicit zone: anything vaguer is ambiguous for a city-wide filter.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;
const DAY_MS = 24 * 60 * 60 * 1000;
const CATEGORY_CODE = /^[a-z0-9][a-z0-9_-]{1,63}$/;

/** Query strings are parsed by hand: each parameter has its own error, named by field. */
export function parseReportFilters(raw: Record<string, unknown>): ReportFilters {
  const bboxRaw = single(raw, 'bbox');
  let bbox: BBox | null = null;
  if (bboxRaw !== undefined) {
    const parsed = parseBBox(bboxRaw);
    if (!parsed.ok) throw DomainError.invalidQuery('bbox', `bbox: ${parsed.reason}`);
    bbox = parsed.bbox;
  }
  const categories = list(raw, 'category');
  for (const category of categories) {
    if (!CATEGORY_CODE.test(category)) throw DomainError.invalidQuery('category', `category "${category}" is not a category code`);
  }
  const statuses = list(raw, 'status');
  for (const status of statuses) {
    if (!isReportStatus(status) || !isPublicStatus(status)) {
      throw DomainError.invalidQuery('status', `status "${status}" is not a public report status`, 'not_allowed');
    }
  }
  const from = parseBound(raw, 'from', 'start');
  const until = parseBound(raw, 'to', 'end');
  if (from && until && from.getTime() >= until.getTime()) {
    throw DomainError.invalidQuery('to', 'to must be later than from', 'out_of_range');
  }
  return { bbox, categories, statuses: statuses as ReportStatus[], from, until };
}

/**
 * `YYYY-MM-DD` is a whole UTC day (as a start it is that midnight, as an end the next one);
 * a full timestamp with a zone is taken as it is. Impossible dates (2026-02-30) are refused.
 */
function parseBound(raw: Record<string, unknown>, name: 'from' | 'to', edge: 'start' | 'end'): Date | null {
  const value = single(raw, name);
  if (value === undefined) return null;
  const dateOnly = DATE_ONLY.exec(value);
  if (dateOnly) {
    const [year, month, day] = dateOnly.slice(1).map(Number) as [number, number, number];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || year < 1970) {
      throw DomainError.invalidQuery(name, `${name} "${value}" is not a calendar date`, 'invalid_date');
    }
    return edge === 'end' ? new Date(date.getTime() + DAY_MS) : date;
  }
  const date = new Date(value);
  if (!DATE_TIME.test(value) || Number.isNaN(date.getTime())) {
    throw DomainError.invalidQuery(name, `${name} must be a date (YYYY-MM-DD) or an ISO 8601 time with a zone`, 'invalid_date');
  }
  return date;
}

export function single(raw: Record<string, unknown>, name: string): string | undefined {
  const value = raw[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw DomainError.invalidQuery(name, `${name} must be given once`);
  return value;
}

/** `?category=a,b` and `?category=a&category=b` both work. */
function list(raw: Record<string, unknown>, name: string): string[] {
  const value = raw[name];
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values
    .flatMap((v) => String(v).split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}
