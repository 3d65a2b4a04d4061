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

/**
 * A view covering less than this share of an edge cell's width (or height) reads that edge from the
 * GiST index as a strip instead of walking the cell. A cell's index entries are in id order, not
 * place, so a branch for a cell the view barely touches walks most of the cell to find its few
 * matches; with no match at all (a view whose edge lies on a cell boundary) it walks all of it,
 * a thousand entries or more in the centre of the seeded million.
 */
export const STRIP_SHARE = 0.25;

/**
 * The cells a view covers. `columns` × `rows` are the cells read from the grid index, padded with
 * nulls up to the statement's shape (a null cell matches no row). An edge the view barely covers is
 * a strip (its column or row number, else null), read from the GiST index: the west and east
 * strips are whole columns of the view, the south and north strips the rest of their rows.
 */
export interface ViewportCells {
  columns: Array<number | null>;
  rows: Array<number | null>;
  strips: ViewportStrips;
}

export interface ViewportStrips {
  west: number | null;
  east: number | null;
  south: number | null;
  north: number | null;
}

/**
 * The grid cells under a bounding box, or null when it spans too many for one statement. The
 * bounds are computed with the same IEEE arithmetic PostgreSQL applies to each report
 * (`floor(x * 400)`), and floor of a product is monotonic, so every report the box test matches
 * (the box, widened by float4Slack) lies in one of the cells returned or in one of the strips.
 */
export function viewportCells(bbox: readonly [number, number, number, number]): ViewportCells | null {
  const [minLon, minLat, maxLon, maxLat] = bbox;
  const x = cellRange(minLon, maxLon);
  const y = cellRange(minLat, maxLat);
  if (!x || !y) return null;
  const columns = padded(x.inner);
  const rows = padded(y.inner);
  if (!columns || !rows || columns.length * rows.length > MAX_VIEWPORT_CELLS) return null;
  return { columns, rows, strips: { west: x.low, east: x.high, south: y.low, north: y.high } };
}

interface CellRange {
  /** The cells read from the grid index. */
  inner: number[];
  low: number | null;
  high: number | null;
}

/**
 * How far outside a box PostGIS's `&&` may still match a point: it compares the boxes rounded
 * outwards to single precision, the view's and the point's, so up to two float4 steps (2⁻²³ of the
 * value each, at most); twice that, to be safe. In Madrid about 2 m of latitude. The cells cover
 * that margin too, so the grid finds exactly the rows the box test of the other plans finds.
 */
export function float4Slack(value: number): number {
  return Math.abs(value) * 2 ** -21;
}

function cellRange(min: number, max: number): CellRange | null {
  const from = (min - float4Slack(min)) * VIEWPORT_CELLS_PER_DEGREE;
  const to = (max + float4Slack(max)) * VIEWPORT_CELLS_PER_DEGREE;
  const first = Math.floor(from);
  const last = Math.floor(to);
  if (last < first) return null;
  // Only an edge of a view wider than one cell is a strip: a view inside one cell reads that cell.
  const low = last > first && first + 1 - from < STRIP_SHARE ? first : null;
  const high = last > first && to - last < STRIP_SHARE ? last : null;
  const inner: number[] = [];
  for (let cell = low === null ? first : first + 1; cell <= (high === null ? last : last - 1); cell += 1) inner.push(cell);
  return { inner, low, high };
}

/** Cells padded with nulls up to the next statement shape (at least one, so the statement has a branch). */
function padded(cells: number[]): Array<number | null> | null {
  const span = SPANS.find((s) => s >= Math.max(cells.length, 1));
  if (span === undefined) return null;
  return Array.from({ length: span }, (_, i) => cells[i] ?? null);
}

/**
 * Whether the grid can find a page for these filters. Category and status are in the index
 * (index-only filters); a date range is not, and has its own index on created_at.
 */
export function gridServes(filters: Pick<ReportFilters, 'bbox' | 'from' | 'until'>): boolean {
  return Boolean(filters.bbox) && !filters.from && !filters.until;
}
