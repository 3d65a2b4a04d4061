// A report's public Feature is built from the fragment its row keeps (reports.public_fragment,
// migration ReportPublicFragments; docs/decisions/0018-viewport-grid.md). These tests hold it to
// what the Feature was when PostgreSQL built it whole with json_build_object, for every report and
// after every kind of write that changes what the Feature shows, through each path that shows it:
// the map's pages, a report's detail and the answer to a filing.
import { DataSource } from 'typeorm';
import { createTestApp, type InjectOptions, type TestApp } from './create-test-app';
import { confirmByMail } from './report-confirmation';

const MEDIA = 'http://plaza.test/api/v1/media/';
const CITY = '-3.9,40.3,-3.5,40.65';

/** The Feature as json_build_object built it before the fragments (the oracle). */
const ORACLE_SQL = `
  SELECT r.ref, json_build_object(
    'type', 'Feature',
    'id', r.ref,
    'geometry', json_build_object('type', 'Point', 'coordinates',
      json_build_array(round(ST_X(r.location)::numeric, 6), round(ST_Y(r.location)::numeric, 6))),
    'properties', json_build_object(
      'ref', r.ref, 'title', r.title, 'description', r.description, 'category', c.code, 'status', r.status,
      'area', a.name, 'department', d.name ->> 'es', 'address', r.address,
      'reporterName', CASE WHEN r.reporter_show_name THEN r.reporter_name END,
      'createdAt', to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'updatedAt', to_char(r.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'supports', r.support_count,
      'photos', coalesce((
        SELECT json_agg(json_build_object('url', $1::text || p.storage_key, 'thumbnailUrl', $1::text || p.thumbnail_key) ORDER BY p.position)
          FROM report_photos p WHERE p.report_id = r.id AND p.state = 'ready' AND NOT p.hidden), '[]'::json))) AS feature
    FROM reports r
    JOIN categories c ON c.id = r.category_id
    LEFT JOIN areas a ON a.id = r.area_id
    LEFT JOIN departments d ON d.id = r.department_id
   WHERE r.confirmation_pending_since IS NULL AND r.status NOT IN ('unconfirmed', 'hidden')`;

/** Text that escaping must survive: quotes, backslashes, control and line-separator characters, non-Latin scripts. */
const AWKWARD = [
  'Comillas "dobles" y \\barra\\ invertida',
  'Salto\nde línea\ty tabulador',
  'Control \u0001\u001f y borrado \u007f',
  'Separadores \u2028 \u2029 de JavaScript',
  'Euskara: Kaixo! · Galego: ñandú · Català: l·l',
  'Emoji 🚧🕳️ y chino 道路',
  '</script><script>alert(1)</script>',
  "Apóstrofo ' y acento grave `",
];

type Feature = { id: string; properties: Record<string, unknown> } & Record<string, unknown>;

describe('public fragments (integration, real PostGIS)', () => {
  let t: TestApp;
  let db: DataSource;
  const inject = (opts: InjectOptions) => t.inject(opts);

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    // Reports written straight into the table, as staff tools, imports and Open311 do, with the
    // awkward texts in every text the Feature shows, with and without address, area, department.
    await db.query(
      `INSERT INTO reports (title, description, category_id, location, address, area_id, department_id, status,
                            reporter_name, reporter_email, reporter_show_name, consent_at, created_at, updated_at, support_count)
       SELECT t.title, t.title || ' — ' || n, c.id, ST_SetSRID(ST_MakePoint(-3.7035 + n * 0.0001, 40.4169 + n * 0.00007), 4326),
              CASE WHEN n % 3 = 0 THEN NULL ELSE t.title END,
              CASE WHEN n % 5 = 0 THEN NULL ELSE a.id END, CASE WHEN n % 4 = 0 THEN NULL ELSE c.default_department_id END,
              (ARRAY['confirmed', 'in_progress', 'fixed', 'closed', 'investigating'])[1 + n % 5],
              t.title, 'vecina@example.org', n % 2 = 0, now(), now() - make_interval(mins => n::int), now(), (n % 7)::int
         FROM unnest($1::text[]) WITH ORDINALITY AS t(title, n)
         JOIN categories c ON c.code = (ARRAY['bache', 'farola', 'limpieza', 'arbol'])[1 + n % 4]
         JOIN areas a ON a.code = '01'`,
      [AWKWARD],
    );
    // Photos in every state: only the processed, shown ones are public, in their order.
    await db.query(
      `INSERT INTO report_photos (report_id, position, storage_key, thumbnail_key, width, height, bytes, state, hidden)
       SELECT r.id, k, 'photos/' || r.id || '-' || k || '.jpg', 'thumbs/' || r.id || '-' || k || '.jpg', 10, 10, 100,
              (ARRAY['ready', 'ready', 'pending', 'failed'])[1 + (r.id + k) % 4], k = 3
         FROM reports r CROSS JOIN generate_series(0, 3) k`,
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  async function oracle(): Promise<Map<string, Feature>> {
    const rows: Array<{ ref: string; feature: Feature }> = await db.query(ORACLE_SQL, [MEDIA]);
    return new Map(rows.map((r) => [r.ref, r.feature]));
  }

  /** Every public report as the map's pages give it, following the cursor. */
  async function listed(): Promise<Map<string, Feature>> {
    const found = new Map<string, Feature>();
    let url = `/api/v1/reports?bbox=${CITY}&limit=3`;
    for (;;) {
      const page = await inject({ method: 'GET', url });
      expect(page.statusCode).toBe(200);
      const body = JSON.parse(page.body) as { features: Feature[]; nextCursor: string | null };
      for (const feature of body.features) found.set(feature.id, feature);
      if (!body.nextCursor) return found;
      url = `/api/v1/reports?bbox=${CITY}&limit=3&cursor=${body.nextCursor}`;
    }
  }

  async function detail(ref: string): Promise<Feature> {
    const response = await inject({ method: 'GET', url: `/api/v1/reports/${ref}` });
    expect(response.statusCode).toBe(200);
    const feature = response.json() as Feature;
    // The detail adds the timeline and what is still being processed; the Feature is the rest.
    const { timeline: _timeline, photosProcessing: _processing, duplicateOf: _duplicate, ...properties } = feature.properties;
    return { ...feature, properties };
  }

  async function expectEveryPathToMatchTheOracle(): Promise<void> {
    const expected = await oracle();
    expect(expected.size).toBeGreaterThanOrEqual(AWKWARD.length);
    const pages = await listed();
    expect([...pages.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [ref, feature] of expected) {
      expect(pages.get(ref)).toEqual(feature);
      expect(await detail(ref)).toEqual(feature);
    }
    // The stored fragment is what rendering the row now gives: no write left one behind.
    const [stale] = await db.query(`SELECT count(*)::int AS n FROM reports r WHERE public_fragment IS DISTINCT FROM plaza_report_public_fragment(r)`);
    expect(stale.n).toBe(0);
  }

  it('builds every Feature as json_build_object did, through the pages and the detail', async () => {
    await expectEveryPathToMatchTheOracle();
    // Texts really went through escaping (the same text comes back, not an approximation).
    const pages = await listed();
    const titles = [...pages.values()].map((f) => f.properties['title']);
    for (const text of AWKWARD) expect(titles).toContain(text);
  });

  it('answers a filing with the Feature its detail shows once confirmed', async () => {
    const created = await inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: {
        category: 'farola',
        title: 'Farola "apagada" en la esquina',
        description: 'Lleva días sin luz: \\ y "comillas".',
        lat: 40.4169,
        lon: -3.7035,
        address: 'Puerta del Sol, 1',
        reporter: { name: 'Lucía "Lu" Pérez', email: 'lucia@example.org', showName: true },
        consent: true,
      },
    });
    expect(created.statusCode).toBe(201);
    // The answer adds, beside the Feature, what the filing itself needs to know.
    const { awaitingConfirmation, photoUploads, ...filed } = created.json() as Feature & { awaitingConfirmation: boolean; photoUploads: unknown[] };
    expect(awaitingConfirmation).toBe(true);
    expect(photoUploads).toEqual([]);
    expect(filed.properties['reporterName']).toBe('Lucía "Lu" Pérez');
    await confirmByMail(t, filed.id);
    const shown = await detail(filed.id);
    // Confirming changes only what it should: the status may move on, the rest is what was answered.
    expect({ ...shown, properties: { ...shown.properties, status: undefined, updatedAt: undefined } }).toEqual({
      ...filed,
      properties: { ...filed.properties, status: undefined, updatedAt: undefined },
    });
    await expectEveryPathToMatchTheOracle();
  });

  it('renders the fragment again on every write that changes what the Feature shows', async () => {
    const [target] = await db.query(`SELECT id FROM reports WHERE reporter_show_name AND status <> 'in_progress' ORDER BY id LIMIT 1`);
    const writes = [
      `UPDATE reports SET title = 'Nuevo "título"' WHERE id = $1`,
      `UPDATE reports SET description = 'Otra\ndescripción' WHERE id = $1`,
      `UPDATE reports SET status = 'in_progress' WHERE id = $1`,
      `UPDATE reports SET address = NULL WHERE id = $1`,
      `UPDATE reports SET reporter_name = 'Nombre cambiado' WHERE id = $1`,
      `UPDATE reports SET reporter_show_name = false WHERE id = $1`,
      `UPDATE reports SET support_count = support_count + 5 WHERE id = $1`,
      `UPDATE reports SET location = ST_SetSRID(ST_MakePoint(-3.70123456, 40.41987654), 4326) WHERE id = $1`,
      `UPDATE reports SET updated_at = now() + interval '1 minute' WHERE id = $1`,
      `UPDATE reports SET created_at = now() - interval '1 day' WHERE id = $1`,
      `UPDATE reports SET ref = '2026-999999' WHERE id = $1`,
    ];
    for (const write of writes) {
      await db.query(write, [target.id]);
      await expectEveryPathToMatchTheOracle();
    }
    // Other tables' changes show at once: they are joined when the Feature is read.
    await db.query(`UPDATE areas SET name = 'Centro "histórico"' WHERE code = '01'`);
    await db.query(`UPDATE report_photos SET hidden = true WHERE report_id = $1`, [target.id]);
    await expectEveryPathToMatchTheOracle();
  });

  it('keeps the fragment of a report whose reporter is erased free of their name', async () => {
    const [target] = await db.query(`SELECT id, ref, reporter_name AS name FROM reports WHERE reporter_show_name ORDER BY id DESC LIMIT 1`);
    expect(await detail(target.ref)).toMatchObject({ properties: { reporterName: target.name } });
    await db.query(`UPDATE reports SET reporter_name = '', reporter_show_name = false WHERE id = $1`, [target.id]);
    const [row] = await db.query(`SELECT public_fragment AS fragment FROM reports WHERE id = $1`, [target.id]);
    expect(row.fragment).not.toContain(target.name);
    expect(row.fragment).toContain('"reporterName":null');
    await expectEveryPathToMatchTheOracle();
  });
});
