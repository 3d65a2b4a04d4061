import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * City-wide and district map views in O(cells), not O(reports)
 * (docs/decisions/0009-map-cells.md): every filed report (any status; the public filter is applied
 * when reading) counted in the grid cell that holds it at each zoom from 11 to 16, per category
 * and status, with the sums of its coordinates (the bubble sits at the mean) and the extent of its
 * reports (a click zooms to it). A cell is the clusters endpoint's: `60·360 / (256·2^zoom)`
 * degrees on a side (MAP_LIMITS.clusterCellPixels = 60), origin at (0, 0), `floor(x / side)`.
 *
 * Kept exact by an AFTER row trigger on reports, in the transaction of the change: counts and sums
 * move by one report; an extent grows with a report added, and is recomputed from the cell's
 * reports when the report that left lay on its edge (rare for big cells, cheap for small ones).
 */
export class ReportMapCells1796321651229 implements MigrationInterface {
  name = 'ReportMapCells1796321651229';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE report_map_zooms (zoom smallint PRIMARY KEY, side float8 NOT NULL)`);
    await q.query(`INSERT INTO report_map_zooms SELECT z, 60 * 360.0 / (256 * 2 ^ z) FROM generate_series(11, 16) z`);
    await q.query(`
      CREATE TABLE report_map_cells (
        zoom smallint NOT NULL,
        cx integer NOT NULL,
        cy integer NOT NULL,
        category_id uuid NOT NULL,
        status text NOT NULL,
        n integer NOT NULL,
        sx float8 NOT NULL,
        sy float8 NOT NULL,
        min_x float8 NOT NULL,
        min_y float8 NOT NULL,
        max_x float8 NOT NULL,
        max_y float8 NOT NULL,
        PRIMARY KEY (zoom, cx, cy, category_id, status)
      )`);

    // Everything from the source rows: the backfill below, and the way out after a bulk import
    // that ran with the trigger off (infra/scripts/seed-scale.mjs) or if the cells are ever doubted.
    await q.query(`
      CREATE FUNCTION plaza_map_cells_rebuild() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM report_map_cells;
        INSERT INTO report_map_cells
        SELECT z.zoom, floor(r.x / z.side)::int, floor(r.y / z.side)::int, r.category_id, r.status,
               count(*), sum(r.x), sum(r.y), min(r.x), min(r.y), max(r.x), max(r.y)
          FROM (SELECT ST_X(location) AS x, ST_Y(location) AS y, category_id, status
                  FROM reports WHERE confirmation_pending_since IS NULL) r
          CROSS JOIN report_map_zooms z
         GROUP BY 1, 2, 3, 4, 5;
      END
      $$`);

    await q.query(`
      CREATE FUNCTION plaza_map_cells_track() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        had boolean := TG_OP <> 'INSERT' AND OLD.confirmation_pending_since IS NULL;
        has boolean := TG_OP <> 'DELETE' AND NEW.confirmation_pending_since IS NULL;
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
        END IF;
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
                   SELECT min(ST_X(r.location)), min(ST_Y(r.location)), max(ST_X(r.location)), max(ST_Y(r.location))
                     FROM reports r
                    WHERE r.location && ST_MakeEnvelope((c.cx - 0.01) * z.side, (c.cy - 0.01) * z.side,
                                                        (c.cx + 1.01) * z.side, (c.cy + 1.01) * z.side, 4326)
                      AND floor(ST_X(r.location) / z.side)::int = c.cx AND floor(ST_Y(r.location) / z.side)::int = c.cy
                      AND r.category_id = c.category_id AND r.status = c.status AND r.confirmation_pending_since IS NULL)
            FROM report_map_zooms z
           WHERE c.zoom = z.zoom AND c.cx = floor(ox / z.side)::int AND c.cy = floor(oy / z.side)::int
             AND c.category_id = OLD.category_id AND c.status = OLD.status
             AND (c.min_x = ox OR c.max_x = ox OR c.min_y = oy OR c.max_y = oy);
        END IF;
        RETURN NULL;
      END
      $$`);
    await q.query(`
      CREATE TRIGGER reports_map_cells AFTER INSERT OR DELETE OR UPDATE OF location, status, category_id, confirmation_pending_since
        ON reports FOR EACH ROW EXECUTE FUNCTION plaza_map_cells_track()`);
    await q.query(`SELECT plaza_map_cells_rebuild()`);
    await q.query(`ANALYZE report_map_cells`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER reports_map_cells ON reports`);
    await q.query(`DROP FUNCTION plaza_map_cells_track()`);
    await q.query(`DROP FUNCTION plaza_map_cells_rebuild()`);
    await q.query(`DROP TABLE report_map_cells`);
    await q.query(`DROP TABLE report_map_zooms`);
  }
}
