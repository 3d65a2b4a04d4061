import type { ReportFilters } from './dto/report-filters.query';

/**
 * The viewport grid: cells of 1/400° (≈ 210 m of longitude by 280 m of latitude in Madrid), whose
 * filed reports the index `reports_viewport_cells_idx` (migration ViewportCells) keeps newest
 * first. A street view's newest reports are then a merge of each cell's newest, reading about
 * `limit` + a few per cell index entries instead of every report in the view
 * (docs/decisions/0018-viewport-grid.md).
 *
 * The index is on exactly these expressions: change them only together with a migration.
 */
export const VIEWPORT_CELLS_PER_DEGREE = 400;
export const VIEWPORT_CELL_X_SQL = `floor(ST_X(r.location) * ${VIEWPORT_CELLS_PER_DEGREE})::int`;
export const VIEWPORT_CELL_Y_SQL = `floor(ST_Y(r.location) * ${VIEWPORT_CELLS_PER_DEGREE})::int`;

/**
 * How many columns (and rows) of cells a statement has room for. A view's count is rounded up to
 * one of these and the rest are empty, so a handful of statement shapes serve every view and each
 * is prepared once per connection: planning a many-branch statement costs more than running it.
 */
const SPANS = [1, 2, 3, 4, 6, 8, 12] as const;

/**
 * A view spanning more cells than this is read another way (ReportsService.listPlan): each cell is
 * one index probe, and past a district-sized view walking the newest reports finds the page sooner.
 */
export const MAX_VIEWPORT_CELLS = 96;

/** The cells a view covers, padded with nulls up to the statement's shape (a null cell matches no row). */
export interface ViewportCells {
  columns: Array<number | null>;
  rows: Array<number | null>;
}

/**
 * The grid cells under a bounding box, or null when it spans too many for one statement. The
 * bounds are computed with the same IEEE arithmetic PostgreSQL applies to each report
 * (`floor(x * 400)`), and floor of a product is monotonic, so every report inside the box lies in
 * one of the cells returned.
 */
export function viewportCells(bbox: readonly [number, number, number, number]): ViewportCells | null {
  const [minLon, minLat, maxLon, maxLat] = bbox;
  const columns = cellRange(minLon, maxLon);
  const rows = cellRange(minLat, maxLat);
  if (!columns || !rows || columns.length * rows.length > MAX_VIEWPORT_CELLS) return null;
  return { columns, rows };
}

function cellRange(min: number, max: number): Array<number | null> | null {
  const first = Math.floor(min * VIEWPORT_CELLS_PER_DEGREE);
  const count = Math.floor(max * VIEWPORT_CELLS_PER_DEGREE) - first + 1;
  const span = SPANS.find((s) => s >= count);
  if (span === undefined || count < 1) return null;
  return Array.from({ length: span }, (_, i) => (i < count ? first + i : null));
}

/**
 * Whether the grid can find a page for these filters. Category and status are in the index
 * (index-only filters); a date range is not, and has its own index on created_at.
 */
export function gridServes(filters: Pick<ReportFilters, 'bbox' | 'from' | 'until'>): boolean {
  return Boolean(filters.bbox) && !filters.from && !filters.until;
}
