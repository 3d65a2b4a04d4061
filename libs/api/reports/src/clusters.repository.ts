import { Injectable } from '@nestjs/common';
import { PublicReads } from '@plaza/api/database';
import { PUBLIC_REPORT_STATUSES, type ReportClusterCell } from '@plaza/shared/contracts';
import type { ClusterQuery } from './dto/cluster.query';
import { reportFilterClauses } from './report-filters.sql';

interface CountRow {
  n: number;
}

interface CellRow {
  count: number;
  lon: number;
  lat: number;
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

/**
 * Zooms whose cells report_map_cells keeps (migration ReportMapCells, docs/decisions/0009-map-cells.md).
 * Coarser zooms add up the zoom-11 cells: their sides are the zoom-11 side times a power of two,
 * so each coarse cell is exactly a block of zoom-11 cells.
 */
export const CELL_TABLE_ZOOMS = { min: 11, max: 16 } as const;

/** How a cluster request is answered: from the cell table, or by aggregating the reports themselves. */
export function clusterSource(query: Pick<ClusterQuery, 'zoom' | 'from' | 'until'>): 'cells' | 'live' {
  // Cells have no time: a date filter narrows the reports first (index on created_at). Past
  // zoom 16 a screen holds a few streets, and aggregating its reports is as cheap as reading cells.
  if (query.from || query.until || query.zoom > CELL_TABLE_ZOOMS.max) return 'live';
  return 'cells';
}

/**
 * City-wide views: reports counted per grid cell. Without a date filter, up to zoom 16, from the
 * cell table kept by trigger: the cost follows the cells on screen, not the reports under them.
 * Otherwise, in SQL over the reports: `floor(x / size)` groups with a hash aggregate over the
 * bbox's GiST-index hits and never sorts (see docs/performance.md).
 */
@Injectable()
export class ClustersRepository {
  // Public read traffic: may be served by a read replica (docs/operations.md#read-replicas).
  constructor(private readonly reads: PublicReads) {}

  async cells(query: ClusterQuery): Promise<ReportClusterCell[]> {
    const rows = clusterSource(query) === 'cells' ? await this.fromCellTable(query) : await this.live(query);
    return rows.map((row) => ({
      lon: round6(row.lon),
      lat: round6(row.lat),
      count: row.count,
      bbox: [round6(row.minLon), round6(row.minLat), round6(row.maxLon), round6(row.maxLat)],
    }));
  }

  /**
   * The cells of the grid that overlap the view, summed over the statuses and categories asked
   * for. A cell is answered when its bubble (the mean position of its reports) is on screen, so
   * the bubbles answered are the ones drawn and `total` is what they add up to. The map's default
   * view (every public status, every category) reads one row per cell from report_map_totals;
   * a filtered one sums the cell's rows per category and status in report_map_cells.
   */
  private fromCellTable(query: ClusterQuery): Promise<CellRow[]> {
    const stored = Math.max(query.zoom, CELL_TABLE_ZOOMS.min);
    // Zoom-11 cells per cell of the zoom asked for (1 from zoom 11 on).
    const block = 2 ** (stored - query.zoom);
    const [minLon, minLat, maxLon, maxLat] = query.bbox;
    const range = (min: number, max: number, size: number): [number, number] => [Math.floor(min / size) * block, (Math.floor(max / size) + 1) * block - 1];
    const [cxMin, cxMax] = range(minLon, maxLon, query.cellDegrees);
    const [cyMin, cyMax] = range(minLat, maxLat, query.cellDegrees);
    const params: unknown[] = [stored, cxMin, cxMax, cyMin, cyMax, block, minLon, minLat, maxLon, maxLat];
    let table = 'report_map_totals';
    let filters = '';
    if (!isDefaultView(query)) {
      table = 'report_map_cells';
      filters = ` AND status = ANY($${params.push(query.statuses.length ? query.statuses : PUBLIC_REPORT_STATUSES)}::text[])`;
      if (query.categories.length) filters += ` AND category_id IN (SELECT id FROM categories WHERE code = ANY($${params.push(query.categories)}::text[]))`;
    }
    // At the stored zooms one index range per column of cells on screen (primary key zoom, cx,
    // cy, …), so a request reads only the cells it may answer; coarser zooms read the city's
    // zoom-11 cells in one range.
    const cellsOnScreen =
      block === 1
        ? `generate_series($2::int, $3::int) gx
           CROSS JOIN LATERAL (SELECT * FROM ${table} WHERE zoom = $1 AND cx = gx AND cy BETWEEN $4 AND $5${filters}) c`
        : `(SELECT * FROM ${table} WHERE zoom = $1 AND cx BETWEEN $2 AND $3 AND cy BETWEEN $4 AND $5${filters}) c`;
    // Bubbles of equal count in the order of their position: both tables give the same body.
    return this.reads.prepared<CellRow>(
      `SELECT count, lon, lat, "minLon", "minLat", "maxLon", "maxLat"
         FROM (SELECT sum(c.n)::int AS count, (sum(c.sx) / sum(c.n))::float8 AS lon, (sum(c.sy) / sum(c.n))::float8 AS lat,
                      min(c.min_x)::float8 AS "minLon", min(c.min_y)::float8 AS "minLat",
                      max(c.max_x)::float8 AS "maxLon", max(c.max_y)::float8 AS "maxLat"
                 FROM ${cellsOnScreen}
                GROUP BY floor(c.cx / $6::float8), floor(c.cy / $6::float8)
               HAVING sum(c.n) > 0) g
        WHERE lon BETWEEN $7 AND $9 AND lat BETWEEN $8 AND $10
        ORDER BY count DESC, lon, lat`,
      params,
    );
  }

  /**
   * About how many public reports lie in a box, from the totals of the cells that overlap it (so
   * a little more than inside it): what the list would find reading the box from the GiST index,
   * which also passes over the few reports the public never sees. Read at the finest stored zoom
   * where the box spans at most 16 cells each way.
   */
  async reportsAround(bbox: readonly [number, number, number, number]): Promise<number> {
    const [minLon, minLat, maxLon, maxLat] = bbox;
    const side11 = cellDegreesAt(CELL_TABLE_ZOOMS.min);
    const extent = Math.max(maxLon - minLon, maxLat - minLat, 1e-9);
    const zoom = Math.min(CELL_TABLE_ZOOMS.max, Math.max(CELL_TABLE_ZOOMS.min, CELL_TABLE_ZOOMS.min + Math.floor(Math.log2((16 * side11) / extent))));
    const side = cellDegreesAt(zoom);
    const [row] = await this.reads.prepared<CountRow>(
      `SELECT coalesce(sum(n), 0)::int AS n FROM report_map_totals
        WHERE zoom = $1 AND cx BETWEEN $2 AND $3 AND cy BETWEEN $4 AND $5`,
      [zoom, Math.floor(minLon / side), Math.floor(maxLon / side), Math.floor(minLat / side), Math.floor(maxLat / side)],
    );
    return row?.n ?? 0;
  }

  /** Every report in the view, aggregated on the fly. */
  private live(query: ClusterQuery): Promise<CellRow[]> {
    const params: unknown[] = [query.cellDegrees];
    const where = reportFilterClauses(query, params);
    return this.reads.query<CellRow[]>(
      `SELECT count(*)::int AS count,
              avg(ST_X(r.location))::float8 AS lon, avg(ST_Y(r.location))::float8 AS lat,
              min(ST_X(r.location))::float8 AS "minLon", min(ST_Y(r.location))::float8 AS "minLat",
              max(ST_X(r.location))::float8 AS "maxLon", max(ST_Y(r.location))::float8 AS "maxLat"
         FROM reports r
         JOIN categories c ON c.id = r.category_id
        WHERE ${where.join(' AND ')}
        GROUP BY floor(ST_X(r.location) / $1::float8), floor(ST_Y(r.location) / $1::float8)
        ORDER BY count DESC`,
      params,
    );
  }
}

/**
 * The map's default request: every public status (none named, or all of them) and every
 * category, answered from report_map_totals (migration ReportMapTotals).
 */
export function isDefaultView(query: Pick<ClusterQuery, 'statuses' | 'categories'>): boolean {
  if (query.categories.length) return false;
  const asked = new Set(query.statuses);
  return asked.size === 0 || (asked.size === PUBLIC_REPORT_STATUSES.length && PUBLIC_REPORT_STATUSES.every((s) => asked.has(s)));
}

/** The stored cells' side at a zoom, as the migration computed it (60 px of 256-px tiles). */
function cellDegreesAt(zoom: number): number {
  return (60 * 360) / (256 * 2 ** zoom);
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
