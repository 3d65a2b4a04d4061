import { DomainError } from '@plaza/api/http';
import { PROPOSAL_STATUSES, PUBLIC_REPORT_STATUSES } from '@plaza/shared/contracts';

export type Dataset = 'reports' | 'proposals';
export type ExportFormat = 'csv' | 'geojson';

/** Filters of an export, as given (codes), validated for shape; codes are resolved by the service. */
export interface ExportFilter {
  /** Local days, both included. */
  from: string | null;
  to: string | null;
  area: string | null;
  /** Category code for reports, theme code for proposals. */
  category: string | null;
  statuses: string[] | null;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const AREA_CODE = /^[A-Za-z0-9_-]{1,64}$/;
const CATEGORY_CODE = /^[a-z0-9][a-z0-9_-]{1,63}$/;
const PUBLIC_PROPOSAL_STATUSES: readonly string[] = PROPOSAL_STATUSES.filter((s) => s !== 'hidden');

export function publicStatuses(dataset: Dataset): readonly string[] {
  return dataset === 'reports' ? PUBLIC_REPORT_STATUSES : PUBLIC_PROPOSAL_STATUSES;
}

/** `csv` or `geojson`; anything else names a file that does not exist. */
export function parseExportFormat(format: string): ExportFormat {
  if (format === 'csv' || format === 'geojson') return format;
  throw new DomainError(
    'OPEN_DATA.UNKNOWN_FORMAT',
    'not_found',
    `There is no ".${format}" export: use .csv or .geojson.`,
  );
}

export function parseExportQuery(dataset: Dataset, query: Record<string, unknown>): ExportFilter {
  const from = date(query, 'from');
  const to = date(query, 'to');
  if (from && to && from > to)
    throw DomainError.invalidQuery('to', 'to must not be before from', 'before_from');
  const area = optional(query, 'area');
  if (area !== null && !AREA_CODE.test(area))
    throw DomainError.invalidQuery('area', 'area must be an area code, e.g. 01');
  const category = optional(query, 'category');
  if (category !== null && !CATEGORY_CODE.test(category)) {
    throw DomainError.invalidQuery(
      'category',
      `category must be a ${dataset === 'reports' ? 'category' : 'theme'} code`,
    );
  }
  const status = optional(query, 'status');
  let statuses: string[] | null = null;
  if (status !== null) {
    statuses = [...new Set(status.split(',').map((s) => s.trim()))];
    const allowed = publicStatuses(dataset);
    const wrong = statuses.find((s) => !allowed.includes(s));
    if (wrong !== undefined) {
      throw DomainError.invalidQuery(
        'status',
        `status must be one or more of ${allowed.join(', ')} (comma-separated)`,
      );
    }
  }
  return { from, to, area, category, statuses };
}

function date(query: Record<string, unknown>, name: string): string | null {
  const value = optional(query, name);
  if (value === null) return null;
  const m = ISO_DATE.exec(value);
  const day = new Date(`${value}T00:00:00Z`);
  const valid =
    m !== null &&
    !Number.isNaN(day.getTime()) &&
    day.toISOString().slice(0, 10) === value &&
    Number(m[1]) >= 1970;
  if (!valid) throw DomainError.invalidQuery(name, `${name} must be a date as YYYY-MM-DD`);
  return value;
}

function optional(query: Record<string, unknown>, name: string): string | null {
  const value = query[name];
  if (value === undefined || value === '') return null;
  if (typeof value !== 'string')
    throw DomainError.invalidQuery(name, `${name} may be given once`, 'repeated');
  return value;
}
