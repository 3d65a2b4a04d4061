// The three ways of finding a page of the map (ReportsRepository.listFeatures: the viewport grid,
// the newest-first walk, the box's GiST hits) give the same body for every view, filter and page,
// on reports placed on cell edges, box edges and everywhere between (docs/decisions/0018-viewport-grid.md).
import { ReportsRepository, VIEWPORT_CELL_X_SQL, VIEWPORT_CELL_Y_SQL, viewportCells, type ListPlan } from '@plaza/api/reports';
import type { ReportStatus } from '@plaza/shared/contracts';
import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from './create-test-app';

type Box = [number, number, number, number];
const MEDIA = 'https://plaza.test/api/v1/media/';

/** A deterministic pseudo-random sequence, so a failure reproduces. */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('viewport plans (integration, real PostGIS)', () => {
  let t: TestApp;
  let db: DataSource;
  let reports: ReportsRepository;
  const random = sequence(7);

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    reports = t.app.get(ReportsRepository);
    // 2,400 reports around Sol in arrival order unrelated to place: a third exactly on the grid's
    // cell edges (k / 400 degrees), some a hair past them, or on the test boxes' edges, some not public (private status,
    // waiting for their reporter's confirmation), in four categories.
    const points: Array<[number, number]> = [];
    for (let i = 0; i < 2400; i += 1) {
      let lon = -3.715 + random() * 0.025;
      let lat = 40.408 + random() * 0.018;
      if (i % 3 === 0) lon = Math.round(lon * 400) / 400;
      if (i % 5 === 0) lat = Math.round(lat * 400) / 400;
      if (i % 7 === 0) [lon, lat] = [Number(lon.toFixed(3)), Number(lat.toFixed(3))];
      // A hair past a cell edge: PostGIS's && (float4-rounded boxes) still matches them from a box
      // ending on that edge, and they lie in the next cell (viewport-grid.ts, float4Slack).
      if (i % 13 === 0) lat = (Math.round(lat * 400) / 400) * (1 + 2 ** -23);
      if (i % 17 === 0) lon = (Math.round(lon * 400) / 400) * (1 + 2 ** -23);
      points.push([lon, lat]);
    }
    await db.query(
      `INSERT INTO reports (title, description, category_id, location, area_id, department_id, status,
                            reporter_name, reporter_email, consent_at, created_at, updated_at,
                            confirmation_pending_since, confirmation_token_hash, confirmation_expires_at)
       SELECT 'Aviso ' || p.n, 'Descripción ' || p.n, c.id, ST_SetSRID(ST_MakePoint(p.lon, p.lat), 4326), a.id,
              c.default_department_id,
              (ARRAY['confirmed', 'in_progress', 'fixed', 'closed', 'unconfirmed', 'hidden', 'investigating'])[1 + p.n % 7],
              'Vecina', 'v@example.org', now(), now(), now(),
              CASE WHEN p.n % 11 = 0 THEN now() END, CASE WHEN p.n % 11 = 0 THEN encode(sha256(p.n::text::bytea), 'hex') END,
              CASE WHEN p.n % 11 = 0 THEN now() + interval '3 days' END
         FROM unnest($1::float8[], $2::float8[]) WITH ORDINALITY AS p(lon, lat, n)
         JOIN categories c ON c.code = (ARRAY['bache', 'farola', 'limpieza', 'arbol'])[1 + p.n % 4]
         JOIN areas a ON a.code = '01'`,
      [points.map((p) => p[0]), points.map((p) => p[1])],
    );
    await db.query('ANALYZE reports');
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Every page of a view under one plan, following the keyset cursor. */
  async function allPages(box: Box, filters: { categories: string[]; statuses: ReportStatus[] }, limit: number, plan: ListPlan): Promise<string[]> {
    const pages: string[] = [];
    let afterId: string | null = null;
    for (;;) {
      const page = await reports.listFeatures({ bbox: box, ...filters, from: null, until: null, limit, afterId }, 'es', MEDIA, plan);
      pages.push(page.features);
      if (page.count < limit || !page.lastId) return pages;
      afterId = page.lastId;
    }
  }

  it('finds the same pages from the grid, the newest-first walk and the GiST hits', async () => {
    const boxes: Box[] = [
      [-3.71, 40.41, -3.699, 40.4165], // the bench's shape of view: 5 × 4 cells
      [-3.705, 40.41, -3.7, 40.415], // edges on cell edges
      [-3.707, 40.412, -3.707, 40.412], // a point (reports placed exactly there)
      [-3.72, 40.406, -3.6925, 40.4235], // 12 × 8 cells, the most one statement holds
      [-3.7051, 40.4151, -3.7026, 40.4201], // west and north edges barely covered: read as strips
      [-3.70025, 40.41225, -3.69975, 40.41525], // every edge a strip, no grid cell between west and east
      [-3.7125, 40.4101, -3.6975, 40.4175], // east on a cell boundary (a strip touched along a line)
    ];
    for (let k = 0; k < 12; k += 1) {
      const lon = -3.716 + random() * 0.024;
      const lat = 40.407 + random() * 0.017;
      boxes.push([lon, lat, lon + random() * 0.015, lat + random() * 0.01]);
    }
    const filterSets = [
      { categories: [], statuses: [] },
      { categories: [], statuses: ['in_progress', 'fixed'] as ReportStatus[] },
      { categories: ['farola', 'arbol'], statuses: [] },
      { categories: ['bache'], statuses: ['confirmed'] as ReportStatus[] },
    ];
    let compared = 0;
    for (const box of boxes) {
      const cells = viewportCells(box);
      expect({ box, cells: cells !== null }).toEqual({ box, cells: true });
      for (const filters of filterSets) {
        for (const limit of [37, 500]) {
          const grid = await allPages(box, filters, limit, { kind: 'grid', cells: cells! });
          expect(await allPages(box, filters, limit, { kind: 'newest' })).toEqual(grid);
          expect(await allPages(box, filters, limit, { kind: 'box' })).toEqual(grid);
          compared += 1;
        }
      }
    }
    expect(compared).toBe(boxes.length * 8);
  });

  it('pages a street view through the API: every public report in the box once, newest first', async () => {
    const bbox = '-3.71,40.41,-3.699,40.4165';
    const expected = await db.query<Array<{ ref: string }>>(
      `SELECT ref FROM reports
        WHERE confirmation_pending_since IS NULL AND status NOT IN ('unconfirmed', 'hidden')
          AND location && ST_MakeEnvelope(-3.71, 40.41, -3.699, 40.4165, 4326)
        ORDER BY id DESC`,
    );
    expect(expected.length).toBeGreaterThan(300);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await t.inject({ method: 'GET', url: `/api/v1/reports?bbox=${bbox}&limit=100${cursor ? `&cursor=${cursor}` : ''}` });
      expect(res.statusCode).toBe(200);
      const body = res.json() as { features: Array<{ id: string }>; nextCursor: string | null };
      seen.push(...body.features.map((f) => f.id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(expected.map((r) => r.ref));
  });

  it('reads a dense view from the grid index, newest first, without sorting the box', async () => {
    const cells = viewportCells([-3.71, 40.41, -3.699, 40.4165])!;
    const params = [cells.columns, cells.rows];
    const branch = (column: number) => `(SELECT r.id FROM reports r
        WHERE ${VIEWPORT_CELL_X_SQL} = ($1::int[])[${column}] AND ${VIEWPORT_CELL_Y_SQL} = ($2::int[])[1]
          AND r.confirmation_pending_since IS NULL ORDER BY r.id DESC)`;
    const lines = await db.query<Array<{ 'QUERY PLAN': string }>>(
      `EXPLAIN (FORMAT TEXT) SELECT id FROM (${branch(1)} UNION ALL ${branch(2)}) cells ORDER BY id DESC LIMIT 10`,
      params,
    );
    const plan = lines.map((line) => line['QUERY PLAN']).join('\n');
    // The expressions of viewport-grid.ts match the index's: a change to one without the other fails here.
    expect(plan).toContain('reports_viewport_cells_idx');
    expect(plan).toContain('Merge Append');
  });
});
