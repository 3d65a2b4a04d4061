import { filedReport } from '@plaza/api/database';
import { PUBLIC_REPORT_STATUSES } from '@plaza/shared/contracts';
import type { ReportFilters } from './dto/report-filters.query';

/**
 * WHERE clauses for the map filters over `reports r JOIN categories c`, appending their values to
 * `params` so the caller keeps numbering its own placeholders. Only public statuses are ever
 * reachable: the default is all of them, and the parser refuses private ones.
 */
export function reportFilterClauses(filters: ReportFilters, params: unknown[]): string[] {
  const next = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  const clauses = [
    filedReport('r'),
    `r.status = ANY(${next(filters.statuses.length ? filters.statuses : PUBLIC_REPORT_STATUSES)}::text[])`,
  ];
  if (filters.bbox) {
    const [minLon, minLat, maxLon, maxLat] = filters.bbox;
    clauses.push(`r.location && ST_MakeEnvelope(${next(minLon)}, ${next(minLat)}, ${next(maxLon)}, ${next(maxLat)}, 4326)`);
  }
  if (filters.categories.length) clauses.push(`c.code = ANY(${next(filters.categories)}::text[])`);
  if (filters.from) clauses.push(`r.created_at >= ${next(filters.from.toISOString())}::timestamptz`);
  if (filters.until) clauses.push(`r.created_at < ${next(filters.until.toISOString())}::timestamptz`);
  return clauses;
}
