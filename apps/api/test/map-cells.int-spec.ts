// The map's cell table (docs/decisions/0009-map-cells.md): kept exact by its trigger through every
// change a report goes through, and the clusters endpoint answering from it as the live aggregate does.
import { DataSource } from 'typeorm';
import { call, caseUrl, fileReport, SOL } from './cases-fixtures';
import { createTestApp, type TestApp } from './create-test-app';
import { DEMO, seedAccounts, signIn, type TestSession } from './sessions';

interface CellRow {
  zoom: number;
  cx: number;
  cy: number;
  category_id: string;
  status: string;
  n: number;
  sx: number;
  sy: number;
  min_x: number;
  min_y: number;
  max_x: number;
  max_y: number;
}

const KEY = 'zoom, cx, cy, category_id, status';
const MADRID_BBOX = '-3.89,40.31,-3.52,40.64';

describe('map cells (integration, real PostGIS)', () => {
  let t: TestApp;
  let db: DataSource;
  let manager: TestSession;

  /** The table as the trigger left it, and as it should be: aggregated from the reports now. */
  async function expectCellsExact(): Promise<void> {
    const kept = await db.query<CellRow[]>(`SELECT * FROM report_map_cells ORDER BY ${KEY}`);
    const live = await db.query<CellRow[]>(`
      SELECT z.zoom, floor(ST_X(r.location) / z.side)::int AS cx, floor(ST_Y(r.location) / z.side)::int AS cy,
             r.category_id, r.status, count(*)::int AS n, sum(ST_X(r.location)) AS sx, sum(ST_Y(r.location)) AS sy,
             min(ST_X(r.location)) AS min_x, min(ST_Y(r.location)) AS min_y, max(ST_X(r.location)) AS max_x, max(ST_Y(r.location)) AS max_y
        FROM reports r CROSS JOIN report_map_zooms z
       WHERE r.confirmation_pending_since IS NULL
       GROUP BY 1, 2, 3, 4, 5 ORDER BY ${KEY}`);
    const withoutSums = ({ sx: _sx, sy: _sy, ...rest }: CellRow) => rest;
    expect(kept.map(withoutSums)).toEqual(live.map(withoutSums));
    // Sums of coordinates are added in another order: equal to far below a millimetre.
    kept.forEach((row, i) => {
      expect(row.sx).toBeCloseTo(live[i]!.sx, 9);
      expect(row.sy).toBeCloseTo(live[i]!.sy, 9);
    });
  }

  const refOf = (ref: string) => db.query(`SELECT id FROM reports WHERE ref = $1`, [ref]).then((r: Array<{ id: string }>) => r[0]!.id);

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    await seedAccounts(t);
    manager = await signIn(t, DEMO.manager);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('stays exact after insert, confirmation, status change, move, recategorisation, hide, merge and delete', async () => {
    // Reports waiting for their reporter are not counted; confirmed, they are.
    const pending = await t.inject({ method: 'POST', url: '/api/v1/reports', payload: { category: 'bache', title: 'Bache pendiente', description: 'Sin confirmar todavía.', ...SOL, reporter: { name: 'Ana', email: 'ana@example.org', showName: false }, consent: true } });
    expect(pending.statusCode).toBe(201);
    await expectCellsExact();

    const a = await fileReport(t, { ...SOL, category: 'bache', title: 'Bache en Sol' });
    const b = await fileReport(t, { lat: SOL.lat + 0.0004, lon: SOL.lon - 0.0003, category: 'bache', title: 'Otro bache' });
    const c = await fileReport(t, { lat: 40.4153, lon: -3.6846, category: 'farola', title: 'Farola apagada' });
    const d = await fileReport(t, { lat: 40.4586, lon: -3.6772, category: 'farola', title: 'Farola rota' });
    const e = await fileReport(t, { lat: SOL.lat - 0.0002, lon: SOL.lon + 0.0001, category: 'bache', title: 'Bache tercero' });
    await expectCellsExact();
    // Five reports in two categories, counted at six zooms.
    expect((await db.query(`SELECT sum(n)::int AS n FROM report_map_cells`))[0].n).toBe(5 * 6);

    // Status change (staff's work path writes the status column).
    await db.query(`UPDATE reports SET status = 'in_progress' WHERE ref = $1`, [a]);
    await expectCellsExact();
    // Move: the report on the edge of its cells' extents leaves them, so the extents shrink.
    expect((await call(t, manager, 'POST', caseUrl(b, '/location'), { lat: 40.4345, lon: -3.7038 })).statusCode).toBe(200);
    await expectCellsExact();
    // Move inside the same cells, and a recategorisation.
    await db.query(`UPDATE reports SET location = ST_SetSRID(ST_MakePoint(ST_X(location) + 0.00001, ST_Y(location)), 4326) WHERE ref = $1`, [e]);
    await expectCellsExact();
    expect((await call(t, manager, 'POST', caseUrl(e, '/category'), { category: 'limpieza' })).statusCode).toBe(200);
    await expectCellsExact();
    // Merge a duplicate into its original, and hide the original.
    const merged = await call(t, manager, 'POST', caseUrl(d, '/merge'), { into: c });
    expect(merged.json().case.status).toBe('duplicate');
    await expectCellsExact();
    expect((await call(t, manager, 'POST', caseUrl(c, '/hide'), { reason: 'Contenido ofensivo' })).statusCode).toBe(200);
    await expectCellsExact();
    // Several rows in one statement, then deletes (one of them the last report of its cells).
    await db.query(`UPDATE reports SET status = 'fixed' WHERE ref = ANY($1)`, [[a, e]]);
    await expectCellsExact();
    await db.query(`DELETE FROM report_events WHERE report_id = $1`, [await refOf(d)]);
    await db.query(`DELETE FROM reports WHERE ref = $1`, [d]);
    await expectCellsExact();
    await db.query(`DELETE FROM reports WHERE ref = ANY($1)`, [[a, b]]);
    await expectCellsExact();

    // The rebuild gives the same table (what a bulk import with the trigger off calls).
    const before = await db.query(`SELECT ${KEY}, n FROM report_map_cells ORDER BY ${KEY}`);
    await db.query(`SELECT plaza_map_cells_rebuild()`);
    expect(await db.query(`SELECT ${KEY}, n FROM report_map_cells ORDER BY ${KEY}`)).toEqual(before);
  });

  it('answers the clusters endpoint from the cells as the live aggregate would, filters included', async () => {
    await fileReport(t, { ...SOL, category: 'bache', title: 'Bache uno' });
    await fileReport(t, { lat: SOL.lat + 0.001, lon: SOL.lon, category: 'farola', title: 'Farola uno' });
    await fileReport(t, { lat: 40.4586, lon: -3.6772, category: 'contenedor', title: 'Contenedor lleno' });
    await fileReport(t, { lat: 40.3900, lon: -3.7300, category: 'bache', title: 'Bache sur' });
    // Every report is well inside both boxes; the smaller one is few enough cells across at zoom 16.
    const get = async (query: string, bbox = MADRID_BBOX) => {
      const res = await t.inject({ method: 'GET', url: `/api/v1/reports/clusters?bbox=${bbox}&${query}` });
      expect(res.statusCode).toBe(200);
      return res.json();
    };
    // Zoom 17 is answered live; with a date filter every zoom is. A date range that holds every
    // report gives the live answer of the same view to compare with.
    const everything = 'from=2000-01-01';
    for (const zoom of [8, 10, 11, 12, 13, 14, 15, 16]) {
      for (const filter of ['', 'category=bache', 'category=bache,farola', 'status=confirmed', 'status=fixed,closed']) {
        const bbox = zoom >= 14 ? '-3.75,40.38,-3.66,40.47' : MADRID_BBOX;
        const fromCells = await get(`zoom=${zoom}${filter ? `&${filter}` : ''}`, bbox);
        const live = await get(`zoom=${zoom}&${everything}${filter ? `&${filter}` : ''}`, bbox);
        const sorted = (cells: Array<{ lon: number; lat: number }>) => [...cells].sort((x, y) => x.lon - y.lon || x.lat - y.lat);
        expect({ ...fromCells, cells: sorted(fromCells.cells) }).toEqual({ ...live, cells: sorted(live.cells) });
      }
    }
    const city = await get('zoom=11');
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM reports WHERE confirmation_pending_since IS NULL AND status NOT IN ('unconfirmed', 'hidden')`);
    expect(city.total).toBe(n);
    expect(city.total).toBeGreaterThan(3);
  });

  it('answers the cells whose bubble is on screen', async () => {
    // A view holding Sol and not Chamartín, at a zoom where they are in different cells.
    const res = await t.inject({ method: 'GET', url: `/api/v1/reports/clusters?bbox=-3.72,40.41,-3.69,40.425&zoom=14` });
    const cells: Array<{ lon: number; lat: number }> = res.json().cells;
    expect(cells.length).toBeGreaterThan(0);
    for (const cell of cells) {
      expect(cell.lon).toBeGreaterThanOrEqual(-3.72);
      expect(cell.lon).toBeLessThanOrEqual(-3.69);
      expect(cell.lat).toBeGreaterThanOrEqual(40.41);
      expect(cell.lat).toBeLessThanOrEqual(40.425);
    }
  });
});
