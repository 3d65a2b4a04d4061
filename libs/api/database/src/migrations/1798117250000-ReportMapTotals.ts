import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The public statuses as they are today (`PUBLIC_REPORT_STATUSES`: every status but `unconfirmed`
 * and `hidden`). Embedded, not imported: this migration must keep meaning what it meant when it ran.
 */
const PUBLIC_STATUSES = [
  'confirmed',
  'investigating',
  'action_scheduled',
  'in_progress',
  'fixed',
  'closed',
  'duplicate',
  'not_responsible',
  'unable_to_fix',
  'internal_referral',
];
const PUBLIC = PUBLIC_STATUSES.map((s) => `'${s}'`).join(', ');

/**
 * How the cells' recompute takes a cell's extent from its reports: as migration ReportMapCells
 * wrote it, and as it is now. A statement changing several rows fires their triggers after it
 * changed them all, so the reports read are already the statement's result: a cell that every
 * report leaves reads none while some are still to be subtracted (they delete it in the end).
 * ReportMapCells stored NULL there (a NOT NULL violation: the statement failed); now the cell
 * gets an empty extent for that moment, which adds nothing to the totals' recompute below.
 */
const EXTENT_OF_REPORTS = `SELECT min(ST_X(r.location)), min(ST_Y(r.location)), max(ST_X(r.location)), max(ST_Y(r.location))`;
const EXTENT_OF_REPORTS_EMPTY_WHEN_GONE = `SELECT coalesce(min(ST_X(r.location)), 'Infinity'), coalesce(min(ST_Y(r.location)), 'Infinity'),
                          coalesce(max(ST_X(r.location)), '-Infinity'), coalesce(max(ST_Y(r.location)), '-Infinity')`;

/** What plaza_map_cells_track() does for report_map_cells. */
const cellsTrack = (extentOfReports: string) => `
        -- Both sides in one statement, the keys in order, so two changes crossing the same cells
        -- lock them in the same order and cannot deadlock. A key on both sides (a move inside a
        -- cell) is one row of the statement, as ON CONFLICT requires.
        INSERT INTO report_map_cells AS c (zoom, cx, cy, category_id, status, n, sx, sy, min_x, min_y, max_x, max_y)
        SELECT d.zoom, d.cx, d.cy, d.category_id, d.status, sum(d.dn), sum(d.dn * d.x), sum(d.dn * d.y),
               coalesce(min(d.x) FILTER (WHERE d.dn > 0), min(d.x)), coalesce(min(d.y) FILTER (WHERE d.dn > 0), min(d.y)),
               coalesce(max(d.x) FILTER (WHERE d.dn > 0), max(d.x)), coalesce(max(d.y) FILTER (WHERE d.dn > 0), max(d.y))
          FROM (SELECT z.zoom, floor(p.x / z.side)::int AS cx, floor(p.y / z.side)::int AS cy, p.category_id, p.status, p.dn, p.x, p.y
                  FROM report_map_zooms z
                  CROSS JOIN (SELECT -1, ox, oy, OLD.category_id, OLD.status WHERE had
                              UNION ALL
                              SELECT 1, nx, ny, NEW.category_id, NEW.status WHERE has) p(dn, x, y, category_id, status)) d
         GROUP BY 1, 2, 3, 4, 5
         ORDER BY 1, 2, 3, 4, 5
            ON CONFLICT (zoom, cx, cy, category_id, status) DO UPDATE
           SET n = c.n + excluded.n, sx = c.sx + excluded.sx, sy = c.sy + excluded.sy,
               -- A report leaving lies inside the extent, so least/greatest keep it as it is.
               min_x = least(c.min_x, excluded.min_x), min_y = least(c.min_y, excluded.min_y),
               max_x = greatest(c.max_x, excluded.max_x), max_y = greatest(c.max_y, excluded.max_y);
        IF had THEN
          DELETE FROM report_map_cells c USING report_map_zooms z
           WHERE c.zoom = z.zoom AND c.cx = floor(ox / z.side)::int AND c.cy = floor(oy / z.side)::int
             AND c.category_id = OLD.category_id AND c.status = OLD.status AND c.n <= 0;
          -- The report that left was on the edge of its cell's extent: the extent is its reports' again.
          UPDATE report_map_cells c
             SET (min_x, min_y, max_x, max_y) = (
                   ${extentOfReports}
                     FROM reports r
                    WHERE r.location && ST_MakeEnvelope((c.cx - 0.01) * z.side, (c.cy - 0.01) * z.side,
                                                        (c.cx + 1.01) * z.side, (c.cy + 1.01) * z.side, 4326)
                      AND floor(ST_X(r.location) / z.side)::int = c.cx AND floor(ST_Y(r.location) / z.side)::int = c.cy
                      AND r.category_id = c.category_id AND r.status = c.status AND r.confirmation_pending_since IS NULL)
            FROM report_map_zooms z
           WHERE c.zoom = z.zoom AND c.cx = floor(ox / z.side)::int AND c.cy = floor(oy / z.side)::int
             AND c.category_id = OLD.category_id AND c.status = OLD.status
             AND (c.min_x = ox OR c.max_x = ox OR c.min_y = oy OR c.max_y = oy);
        END IF;`;

/**
 * What plaza_map_cells_track() adds for report_map_totals, after the cells are exact: the same
 * moves restricted to public reports, one row per cell whatever the category and status.
 */
const TOTALS_TRACK = `
        -- A change between two public statuses (or categories) at the same place moves no total.
        IF (was_public OR is_public) AND NOT (was_public AND is_public AND ox = nx AND oy = ny) THEN
          -- As for the cells: one statement, keys in (zoom, cx, cy) order, a move inside a cell one row.
          INSERT INTO report_map_totals AS t (zoom, cx, cy, n, sx, sy, min_x, min_y, max_x, max_y)
          SELECT d.zoom, d.cx, d.cy, sum(d.dn), sum(d.dn * d.x), sum(d.dn * d.y),
                 coalesce(min(d.x) FILTER (WHERE d.dn > 0), min(d.x)), coalesce(min(d.y) FILTER (WHERE d.dn > 0), min(d.y)),
                 coalesce(max(d.x) FILTER (WHERE d.dn > 0), max(d.x)), coalesce(max(d.y) FILTER (WHERE d.dn > 0), max(d.y))
            FROM (SELECT z.zoom, floor(p.x / z.side)::int AS cx, floor(p.y / z.side)::int AS cy, p.dn, p.x, p.y
                    FROM report_map_zooms z
                    CROSS JOIN (SELECT -1, ox, oy WHERE was_public
                                UNION ALL
                                SELECT 1, nx, ny WHERE is_public) p(dn, x, y)) d
           GROUP BY 1, 2, 3
           ORDER BY 1, 2, 3
              ON CONFLICT (zoom, cx, cy) DO UPDATE
             SET n = t.n + excluded.n, sx = t.sx + excluded.sx, sy = t.sy + excluded.sy,
                 min_x = least(t.min_x, excluded.min_x), min_y = least(t.min_y, excluded.min_y),
                 max_x = greatest(t.max_x, excluded.max_x), max_y = greatest(t.max_y, excluded.max_y);
          IF was_public THEN
            DELETE FROM report_map_totals t USING report_map_zooms z
             WHERE t.zoom = z.zoom AND t.cx = floor(ox / z.side)::int AND t.cy = floor(oy / z.side)::int AND t.n <= 0;
            -- The report that left was on the edge of its cell's extent: the extent is the union of
            -- the cell's public rows in report_map_cells, exact by now (a few rows, not its reports).
            UPDATE report_map_totals t
               SET (min_x, min_y, max_x, max_y) = (
                     SELECT min(c.min_x), min(c.min_y), max(c.max_x), max(c.max_y)
                       FROM report_map_cells c
                      WHERE c.zoom = t.zoom AND c.cx = t.cx AND c.cy = t.cy AND c.status IN (${PUBLIC}))
              FROM report_map_zooms z
             WHERE t.zoom = z.zoom AND t.cx = floor(ox / z.side)::int AND t.cy = floor(oy / z.side)::int
               AND (t.min_x = ox OR t.max_x = ox OR t.min_y = oy OR t.max_y = oy);
          END IF;
        END IF;`;

const trackFunction = (withTotals: boolean) => `
      CREATE OR REPLACE FUNCTION plaza_map_cells_track() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        had boolean := TG_OP <> 'INSERT' AND OLD.confirmation_pending_since IS NULL;
        has boolean := TG_OP <> 'DELETE' AND NEW.confirmation_pending_since IS NULL;${
          withTotals
            ? `
        was_public boolean := had AND OLD.status IN (${PUBLIC});
        is_public boolean := has AND NEW.status IN (${PUBLIC});`
            : ''
        }
        ox float8;
        oy float8;
        nx float8;
        ny float8;
      BEGIN
        IF had THEN ox := ST_X(OLD.location); oy := ST_Y(OLD.location); END IF;
        IF has THEN nx := ST_X(NEW.location); ny := ST_Y(NEW.location); END IF;
        IF NOT had AND NOT has THEN RETURN NULL; END IF;
        IF had AND has AND ox = nx AND oy = ny AND OLD.category_id = NEW.category_id AND OLD.status = NEW.status THEN
          RETURN NULL;
        END IF;${withTotals ? cellsTrack(EXTENT_OF_REPORTS_EMPTY_WHEN_GONE) + TOTALS_TRACK : cellsTrack(EXTENT_OF_REPORTS)}
        RETURN NULL;
      END
      $$`;

const CELLS_REBUILD = `
        DELETE FROM report_map_cells;
        INSERT INTO report_map_cells
        SELECT z.zoom, floor(r.x / z.side)::int, floor(r.y / z.side)::int, r.category_id, r.status,
               count(*), sum(r.x), sum(r.y), min(r.x), min(r.y), max(r.x), max(r.y)
          FROM (SELECT ST_X(location) AS x, ST_Y(location) AS y, category_id, status
                  FROM reports WHERE confirmation_pending_since IS NULL) r
          CROSS JOIN report_map_zooms z
         GROUP BY 1, 2, 3, 4, 5;`;

// Totals from the cells (exact, or just rebuilt): no geometry read again, and a sixth of the rows
// the cells' rebuild aggregates (≈ 1 million at a million reports, against reports × 6 zooms).
const TOTALS_FROM_CELLS = `
        SELECT zoom, cx, cy, sum(n), sum(sx), sum(sy), min(min_x), min(min_y), max(max_x), max(max_y)
          FROM report_map_cells
         WHERE status IN (${PUBLIC})
         GROUP BY 1, 2, 3`;

const TOTALS_REBUILD = `
        DELETE FROM report_map_totals;
        INSERT INTO report_map_totals${TOTALS_FROM_CELLS};`;

const rebuildFunction = (withTotals: boolean) => `
      CREATE OR REPLACE FUNCTION plaza_map_cells_rebuild() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN${CELLS_REBUILD}${withTotals ? TOTALS_REBUILD : ''}
      END
      $$`;

/**
 * The map's default view (every public status, every category) from one row per cell
 * (docs/decisions/0009-map-cells.md, "Totals for the default view"): report_map_cells keeps a row per category and
 * status, up to ~90 a cell, which the default view summed on every request.
 *
 * `report_map_totals` holds, per zoom and cell, the filed reports with a public status: count,
 * sums of coordinates, extent. Kept exact by the same trigger as the cells, in the transaction of
 * the change and after the cells: counts and sums move by one report; the extent grows with a
 * report added and, when the report that left lay on its edge, is recomputed from the cell's
 * public rows in report_map_cells. `plaza_map_cells_rebuild()` rebuilds both tables (the seeder's
 * bulk import calls it with the trigger off).
 */
export class ReportMapTotals1798117250000 implements MigrationInterface {
  name = 'ReportMapTotals1798117250000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_map_totals (
        zoom smallint NOT NULL,
        cx integer NOT NULL,
        cy integer NOT NULL,
        n integer NOT NULL,
        sx float8 NOT NULL,
        sy float8 NOT NULL,
        min_x float8 NOT NULL,
        min_y float8 NOT NULL,
        max_x float8 NOT NULL,
        max_y float8 NOT NULL,
        PRIMARY KEY (zoom, cx, cy)
      )`);
    await q.query(trackFunction(true));
    await q.query(rebuildFunction(true));
    await q.query(`INSERT INTO report_map_totals${TOTALS_FROM_CELLS}`);
    await q.query(`ANALYZE report_map_totals`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(trackFunction(false));
    await q.query(rebuildFunction(false));
    await q.query(`DROP TABLE report_map_totals`);
  }
}
