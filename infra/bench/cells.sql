-- The cell-table anchor of `npm run bench` (clusters section): reports counted per grid cell, per
-- zoom, per category and status, kept current by a trigger on reports. Lives in a scratch schema
-- that the bench creates and drops; it is not part of the app's migrations. A cell has the side
-- the API's clusters use at that zoom (60 px of 256 px tiles: 60·360 / (256·2^zoom) degrees) and
-- the same grid origin (floor(x / side)), so cells inside a view are the API's cells.
-- Counts, centroids (sums) are exact after any change; a cell's bbox only grows (a deletion does
-- not shrink it), which is enough for drawing.
DROP SCHEMA IF EXISTS bench_cells CASCADE;
CREATE SCHEMA bench_cells;

CREATE TABLE bench_cells.zooms (zoom smallint PRIMARY KEY, side float8 NOT NULL);
INSERT INTO bench_cells.zooms SELECT z, 60 * 360.0 / (256 * 2 ^ z) FROM generate_series(11, 16) z;

CREATE TABLE bench_cells.cells (
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
);

INSERT INTO bench_cells.cells
SELECT z.zoom, floor(ST_X(r.location) / z.side)::int, floor(ST_Y(r.location) / z.side)::int, r.category_id, r.status,
       count(*), sum(ST_X(r.location)), sum(ST_Y(r.location)),
       min(ST_X(r.location)), min(ST_Y(r.location)), max(ST_X(r.location)), max(ST_Y(r.location))
  FROM reports r CROSS JOIN bench_cells.zooms z
 WHERE r.confirmation_pending_since IS NULL
 GROUP BY 1, 2, 3, 4, 5;

CREATE FUNCTION bench_cells.track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.confirmation_pending_since IS NULL THEN
    UPDATE bench_cells.cells c
       SET n = c.n - 1, sx = c.sx - ST_X(OLD.location), sy = c.sy - ST_Y(OLD.location)
      FROM bench_cells.zooms z
     WHERE c.zoom = z.zoom AND c.cx = floor(ST_X(OLD.location) / z.side)::int AND c.cy = floor(ST_Y(OLD.location) / z.side)::int
       AND c.category_id = OLD.category_id AND c.status = OLD.status;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.confirmation_pending_since IS NULL THEN
    INSERT INTO bench_cells.cells AS c
    SELECT z.zoom, floor(ST_X(NEW.location) / z.side)::int, floor(ST_Y(NEW.location) / z.side)::int, NEW.category_id, NEW.status,
           1, ST_X(NEW.location), ST_Y(NEW.location), ST_X(NEW.location), ST_Y(NEW.location), ST_X(NEW.location), ST_Y(NEW.location)
      FROM bench_cells.zooms z
        ON CONFLICT (zoom, cx, cy, category_id, status) DO UPDATE
       SET n = c.n + 1, sx = c.sx + excluded.sx, sy = c.sy + excluded.sy,
           min_x = least(c.min_x, excluded.min_x), min_y = least(c.min_y, excluded.min_y),
           max_x = greatest(c.max_x, excluded.max_x), max_y = greatest(c.max_y, excluded.max_y);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER bench_cells_track AFTER INSERT OR DELETE OR UPDATE OF location, status, category_id, confirmation_pending_since
  ON reports FOR EACH ROW EXECUTE FUNCTION bench_cells.track();

ANALYZE bench_cells.cells;
