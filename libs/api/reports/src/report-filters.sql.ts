import { filedReport } from '@plaza/api/database';
import { PUBLIC_REPORT_STATUSES } from '@plaza/shared/contracts';
import type { ReportFilters } from './dto/report-filters.query';

/**
 * WHERE clauses for the map filters over `reports r JOIN categories c`, appending their values to
 * `params` so the caller keeps numbering its own placeholders. Only public statuses are ever
 * reachable: the default is all of them, and the parser refuses private ones.
 *
 * `categoriesBy: 'id'` tests the report's own category_id against the codes' ids, looked up once
 * per statement, so the clauses need no join: what the viewport grid's index-only scans use.
 */
export function reportFilterClauses(filters: ReportFilters, params: unknown[], categoriesBy: 'join' | 'id' = 'join'): string[] {
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
  if (filters.categories.length) {
    const codes = `${next(filters.categories)}::text[]`;
    clauses.push(categoriesBy === 'join' ? `c.code = ANY(${codes})` : `r.category_id = ANY(ARRAY(SELECT id FROM categories WHERE code = ANY(${codes})))`);
  }
  if (filters.from) clauses.push(`r.created_at >= ${next(filters.from.toISOString())}::timestamptz`);
  if (filters.until) clauses.push(`r.created_at < ${next(filters.until.toISOString())}::timestamptz`);
  return clauses;
}
