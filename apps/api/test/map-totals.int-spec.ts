// The map's totals per cell (migration ReportMapTotals, docs/decisions/0009-map-cells.md): kept
// exact by the cells' trigger through inserts, confirmations, status changes to and from the
// statuses the public never sees, moves and deletes; and the clusters endpoint's default view,
// read from them, giving the same body as the per-category-and-status cells.
import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from './create-test-app';

interface TotalRow {
  zoom: number;
  cx: number;
  cy: number;
  n: number;
  sx: number;
  sy: number;
  min_x: number;
  min_y: number;
  max_x: number;
  max_y: number;
}

const PRIVATE = `('unconfirmed', 'hidden')`;
const MADRID_BBOX = '-3.89,40.31,-3.52,40.64';
// Close enough to Sol and Chamberí for zoom 16 (at most 256 cells across).
const CENTRE_BBOX = '-3.75,40.39,-3.66,40.45';

describe('map totals (integration, real PostGIS)', () => {
  let t: TestApp;
  let db: DataSource;
  let everyCategory: string;

  /** The table as the trigger left it, and as it should be: aggregated from the public filed reports now. */
  async function expectTotalsExact(): Promise<void> {
    const kept = await db.query<TotalRow[]>(`SELECT * FROM report_map_totals ORDER BY zoom, cx, cy`);
    const live = await db.query<TotalRow[]>(`
      SELECT z.zoom, floor(ST_X(r.location) / z.side)::int AS cx, floor(ST_Y(r.location) / z.side)::int AS cy,
             count(*)::int AS n, sum(ST_X(r.location)) AS sx, sum(ST_Y(r.location)) AS sy,
             min(ST_X(r.location)) AS min_x, min(ST_Y(r.location)) AS min_y, max(ST_X(r.location)) AS max_x, max(ST_Y(r.location)) AS max_y
        FROM reports r CROSS JOIN report_map_zooms z
       WHERE r.confirmation_pending_since IS NULL AND r.status NOT IN ${PRIVATE}
       GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`);
    const withoutSums = ({ sx: _sx, sy: _sy, ...rest }: TotalRow) => rest;
    expect(kept.map(withoutSums)).toEqual(live.map(withoutSums));
    // Sums of coordinates are added in another order: equal to far below a millimetre.
    kept.forEach((row, i) => {
      expect(row.sx).toBeCloseTo(live[i]!.sx, 9);
      expect(row.sy).toBeCloseTo(live[i]!.sy, 9);
    });
  }

  /**
   * The default view (from the totals), asked both ways it can be (no status, every public
   * status), against the same view summed from report_map_cells (a filter naming every category
   * sends it there), at the stored zooms and the coarser ones built from zoom 11.
   */
  async function expectDefaultViewFromTotals(): Promise<void> {
    const get = async (query: string) => {
      const res = await t.inject({ method: 'GET', url: `/api/v1/reports/clusters?${query}` });
      expect(res.statusCode).toBe(200);
      return res.json();
    };
    const publicStatuses = 'confirmed,investigating,action_scheduled,in_progress,fixed,closed,duplicate,not_responsible,unable_to_fix,internal_referral';
    for (const [zoom, bbox] of [[8, MADRID_BBOX], [10, MADRID_BBOX], [11, MADRID_BBOX], [12, MADRID_BBOX], [13, MADRID_BBOX], [14, CENTRE_BBOX], [15, CENTRE_BBOX], [16, CENTRE_BBOX], [13, '-3.72,40.41,-3.69,40.425']] as const) {
      const fromTotals = await get(`zoom=${zoom}&bbox=${bbox}`);
      expect(await get(`zoom=${zoom}&bbox=${bbox}&status=${publicStatuses}`)).toEqual(fromTotals);
      expect(await get(`zoom=${zoom}&bbox=${bbox}&category=${everyCategory}`)).toEqual(fromTotals);
    }
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM reports WHERE confirmation_pending_since IS NULL AND status NOT IN ${PRIVATE}`);
    expect((await get(`zoom=11&bbox=${MADRID_BBOX}`)).total).toBe(n);
  }

  async function check(): Promise<void> {
    await expectTotalsExact();
    await expectDefaultViewFromTotals();
  }

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    const codes = await db.query<Array<{ code: string }>>(`SELECT code FROM categories ORDER BY code`);
    everyCategory = codes.map((c) => c.code).join(',');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('stays exact, and answers the default view as the cells do, through every change a report goes through', async () => {
    // 600 reports around twelve spots of the centre (several categories and statuses per cell,
    // some on the very same point), every status, one in ten waiting for its reporter. Positions
    // are full floats, as a map click gives: the two tables add the same coordinates in another
    // order, and a mean of round decimals could fall on the response's rounding step (1e-6°)
    // and be rounded one way from one sum and the other way from the other.
    await db.query(`SELECT setseed(0.13)`);
    await db.query(`
      INSERT INTO reports (title, description, category_id, location, department_id, status, reporter_name, reporter_email,
                           consent_at, confirmation_pending_since, confirmation_token_hash, confirmation_expires_at)
      SELECT 'Incidencia ' || i, 'Generada para la prueba.', (SELECT id FROM categories ORDER BY code OFFSET i % 5 LIMIT 1),
             ST_SetSRID(ST_MakePoint(-3.74 + (i % 12) * 0.006 + CASE WHEN i % 7 = 0 THEN 0 ELSE random() * 0.004 END,
                                     40.40 + (i % 12) * 0.004 + CASE WHEN i % 7 = 0 THEN 0 ELSE random() * 0.004 END), 4326),
             (SELECT id FROM departments ORDER BY code LIMIT 1),
             (ARRAY['unconfirmed', 'confirmed', 'investigating', 'in_progress', 'fixed', 'closed', 'duplicate', 'hidden'])[1 + i % 8],
             'Vecina ' || i, 'vecina' || i || '@example.org', now(),
             CASE WHEN i % 10 = 3 THEN now() END, CASE WHEN i % 10 = 3 THEN md5('t' || i) || md5('u' || i) END,
             CASE WHEN i % 10 = 3 THEN now() + interval '1 day' END
        FROM generate_series(1, 600) i`);
    expect((await db.query(`SELECT count(*)::int AS n FROM report_map_totals`))[0].n).toBeGreaterThan(50);
    await check();

    // Confirmation of pending reports (becoming filed), some public, some not.
    await db.query(`UPDATE reports SET confirmation_pending_since = NULL, confirmation_token_hash = NULL, confirmation_expires_at = NULL
                     WHERE confirmation_pending_since IS NOT NULL AND title LIKE 'Incidencia %3'`);
    await check();
    // Between two public statuses (totals untouched), and to and from the private ones.
    await db.query(`UPDATE reports SET status = 'fixed' WHERE status = 'investigating' AND random() < 0.5`);
    await db.query(`UPDATE reports SET status = 'hidden' WHERE status = 'confirmed' AND random() < 0.4`);
    await db.query(`UPDATE reports SET status = 'confirmed' WHERE status IN ('unconfirmed', 'hidden') AND random() < 0.4`);
    await check();
    // Moves: far away, inside the same cells, and onto another report's point; recategorisation.
    await db.query(`UPDATE reports SET location = ST_SetSRID(ST_MakePoint(ST_X(location) + 0.02, ST_Y(location) - 0.01), 4326) WHERE random() < 0.1`);
    await db.query(`UPDATE reports SET location = ST_SetSRID(ST_MakePoint(ST_X(location) + random() * 0.00002, ST_Y(location)), 4326) WHERE random() < 0.1`);
    await db.query(`UPDATE reports SET location = (SELECT location FROM reports ORDER BY title LIMIT 1) WHERE random() < 0.03`);
    await db.query(`UPDATE reports SET category_id = (SELECT id FROM categories ORDER BY code LIMIT 1) WHERE random() < 0.1`);
    await check();
    // The reports on the edge of their cells' extents leave, one transaction each: extents shrink.
    const edges = await db.query<Array<{ id: string }>>(`
      SELECT DISTINCT ON (t.zoom) r.id FROM report_map_totals t JOIN reports r
          ON ST_X(r.location) = t.max_x AND r.status NOT IN ${PRIVATE} AND r.confirmation_pending_since IS NULL
       WHERE t.n > 1 ORDER BY t.zoom, t.n DESC, r.id`);
    expect(edges.length).toBeGreaterThan(0);
    for (const { id } of edges) {
      await db.query(`UPDATE reports SET location = ST_SetSRID(ST_MakePoint(-3.705, 40.43), 4326) WHERE id = $1`, [id]);
    }
    await check();
    // Un-filed again (pending), and deleted: some cells lose their last public report.
    await db.query(`UPDATE reports SET confirmation_pending_since = now(), confirmation_token_hash = md5(id::text) || md5(title),
                                       confirmation_expires_at = now() + interval '1 day' WHERE random() < 0.05`);
    await db.query(`DELETE FROM report_events WHERE report_id IN (SELECT id FROM reports WHERE random() < 0.3)`);
    await db.query(`DELETE FROM reports r WHERE NOT EXISTS (SELECT 1 FROM report_events e WHERE e.report_id = r.id) AND random() < 0.5`);
    await check();

    // The rebuild (what a bulk import with the trigger off calls) gives the same totals.
    const before = await db.query(`SELECT zoom, cx, cy, n, min_x, min_y, max_x, max_y FROM report_map_totals ORDER BY 1, 2, 3`);
    await db.query(`SELECT plaza_map_cells_rebuild()`);
    expect(await db.query(`SELECT zoom, cx, cy, n, min_x, min_y, max_x, max_y FROM report_map_totals ORDER BY 1, 2, 3`)).toEqual(before);
    await expectTotalsExact();
  });

  it('writes no total when a report moves between two public statuses at the same place', async () => {
    const [{ id }] = await db.query(`SELECT id FROM reports WHERE status = 'fixed' AND confirmation_pending_since IS NULL LIMIT 1`);
    const xmin = `SELECT string_agg(xmin::text, ',' ORDER BY zoom, cx, cy) AS v FROM report_map_totals`;
    const [before] = await db.query(xmin);
    await db.query(`UPDATE reports SET status = 'closed' WHERE id = $1`, [id]);
    expect((await db.query(xmin))[0]).toEqual(before);
    await db.query(`UPDATE reports SET status = 'hidden' WHERE id = $1`, [id]);
    expect((await db.query(xmin))[0]).not.toEqual(before);
    await expectTotalsExact();
  });
});
