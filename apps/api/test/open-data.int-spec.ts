import { gunzipSync } from 'node:zlib';
import { DataSource } from 'typeorm';
import { CHAMBERI, SOL, fileReport } from './cases-fixtures';
import { createTestApp, type TestApp, type TestResponse } from './create-test-app';

// Personal data planted in every place it could leak from; none may appear in any export.
const MARKERS = {
  reporterName: 'Marcadora Reportera Zq',
  reporterEmail: 'marcadora.zq@example.org',
  reporterPhone: '+34 611 222 999',
  staffName: 'Empleado Marcador Zq',
  authorName: 'Autora Marcadora Zq',
  hiddenTitle: 'Aviso oculto Zq',
  pendingTitle: 'Aviso sin confirmar Zq',
  hiddenProposal: 'Propuesta oculta Zq',
  internalNote: 'Nota interna Zq',
};
const REPORT_COLUMNS = [
  'ref',
  'category',
  'status',
  'area',
  'department',
  'lat',
  'lon',
  'created_at',
  'updated_at',
];

let t: TestApp;
let db: DataSource;
let publicRefs: string[];

/** RFC 4180 reader: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      records.push([...record, field]);
      record = [];
      field = '';
      i += 1;
    } else field += ch;
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}

function table(res: TestResponse): Array<Record<string, string>> {
  expect(res.statusCode).toBe(200);
  const [header, ...rows] = parseCsv(res.body);
  return rows.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i] ?? ''])));
}

const get = (url: string, headers: Record<string, string> = {}): Promise<TestResponse> =>
  t.inject({ method: 'GET', url, headers });

function expectNoMarkers(body: string): void {
  for (const marker of Object.values(MARKERS)) expect(body).not.toContain(marker);
  expect(body).not.toMatch(/@example\.org/);
}

beforeAll(async () => {
  t = await createTestApp();
  db = t.app.get(DataSource);
  const reporter = {
    name: MARKERS.reporterName,
    email: MARKERS.reporterEmail,
    phone: MARKERS.reporterPhone,
    showName: true,
  };
  publicRefs = [
    await fileReport(t, { reporter, title: 'Contenedor, "quemado"\ny volcado' }),
    await fileReport(t, { reporter, ...SOL, category: 'limpieza', title: '=SUM(A1) acera sucia' }),
  ];
  const hiddenRef = await fileReport(t, { reporter, title: MARKERS.hiddenTitle });
  await db.query(`UPDATE reports SET status = 'hidden' WHERE ref = $1`, [hiddenRef]);
  // Never confirmed by its reporter: exists for no one.
  const pending = await t.inject({
    method: 'POST',
    url: '/api/v1/reports',
    payload: {
      category: 'limpieza',
      title: MARKERS.pendingTitle,
      description: 'Sin confirmar todavía.',
      ...CHAMBERI,
      reporter,
      consent: true,
    },
  });
  expect(pending.statusCode).toBe(201);

  const [staff] = await db.query(
    `INSERT INTO users (email, name) VALUES ('empleado.zq@example.org', $1) RETURNING id`,
    [MARKERS.staffName],
  );
  await db.query(
    `INSERT INTO report_events (report_id, actor_kind, actor_id, from_status, to_status, message, is_public)
     SELECT id, 'staff', $2, 'confirmed', 'investigating', 'Lo revisamos.', true FROM reports WHERE ref = $1`,
    [publicRefs[0], staff.id],
  );
  await db.query(
    `INSERT INTO report_events (report_id, actor_kind, actor_id, from_status, to_status, message, is_public)
     SELECT id, 'staff', $2, 'investigating', 'investigating', $3, false FROM reports WHERE ref = $1`,
    [publicRefs[0], staff.id, MARKERS.internalNote],
  );
  await db.query(`UPDATE reports SET status = 'investigating' WHERE ref = $1`, [publicRefs[0]]);

  const [author] = await db.query(
    `INSERT INTO users (email, name) VALUES ('autora.zq@example.org', $1) RETURNING id`,
    [MARKERS.authorName],
  );
  await db.query(
    `INSERT INTO proposals (title, summary, description, theme_id, location, author_id, show_name, status)
     SELECT x.title, 'Resumen de la propuesta', 'Descripción larga', t.id,
            ST_SetSRID(ST_MakePoint(-3.70, 40.42), 4326), $1, true, x.status
       FROM proposal_themes t,
            (VALUES ('Más bancos en la plaza', 'published'), ('Carril bici', 'accepted'), ($2, 'hidden')) x(title, status)
      WHERE t.code = 'movilidad'`,
    [author.id, MARKERS.hiddenProposal],
  );
});

afterAll(async () => {
  await t?.close();
});

describe('GET /api/v1/open-data/reports.csv', () => {
  it('starts with the documented header and holds only public reports, escaped', async () => {
    const res = await get('/api/v1/open-data/reports.csv');
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="plaza-reports-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(res.headers['link']).toContain('creativecommons.org/licenses/by/4.0');
    expect(res.body.split('\r\n')[0]!.split(',')).toEqual(expect.arrayContaining(REPORT_COLUMNS));
    const rows = table(res);
    expect(rows.map((r) => r['ref']).sort()).toEqual([...publicRefs].sort());
    const first = rows.find((r) => r['ref'] === publicRefs[0])!;
    expect(first['title']).toBe('Contenedor, "quemado"\ny volcado');
    expect(first['status']).toBe('investigating');
    expect(first['category']).toBe('limpieza');
    expect(first['department']).toMatch(/^[a-z0-9_-]+$/);
    expect(first['first_response_at']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(first['response_business_days']).toBe('0');
    expect(Number(first['lat'])).toBeCloseTo(CHAMBERI.lat, 4);
    expect(Number(first['lon'])).toBeCloseTo(CHAMBERI.lon, 4);
    expect(rows.find((r) => r['ref'] === publicRefs[1])!['title']).toBe("'=SUM(A1) acera sucia");
    expectNoMarkers(res.body);
  });

  it('filters by district, category, status and dates', async () => {
    const [{ code: solArea }] = await db.query(
      `SELECT a.code FROM reports r JOIN areas a ON a.id = r.area_id WHERE r.ref = $1`,
      [publicRefs[1]],
    );
    expect(table(await get(`/api/v1/open-data/reports.csv?area=${solArea}`)).map((r) => r['ref'])).toEqual([
      publicRefs[1],
    ]);
    expect(
      table(await get('/api/v1/open-data/reports.csv?status=investigating')).map((r) => r['ref']),
    ).toEqual([publicRefs[0]]);
    expect(
      table(await get('/api/v1/open-data/reports.csv?category=limpieza&status=confirmed,investigating')),
    ).toHaveLength(2);
    expect(table(await get(`/api/v1/open-data/reports.csv?from=2000-01-01&to=2000-12-31`))).toHaveLength(0);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect(table(await get(`/api/v1/open-data/reports.csv?from=${yesterday}&to=${tomorrow}`))).toHaveLength(
      2,
    );
  });

  it('is gzipped when the client accepts it', async () => {
    const plain = await get('/api/v1/open-data/reports.csv');
    const res = await fetch(new URL('/api/v1/open-data/reports.csv', t.baseUrl), {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('vary')).toContain('accept-encoding');
    // fetch inflates on its own; the bytes are the same file.
    expect(await res.text()).toBe(plain.body);
    const raw = await import('node:http').then(
      (http) =>
        new Promise<Buffer>((resolve, reject) => {
          const url = new URL('/api/v1/open-data/reports.csv', t.baseUrl);
          http
            .get(url, { headers: { 'accept-encoding': 'gzip' } }, (response) => {
              const chunks: Buffer[] = [];
              response
                .on('data', (c: Buffer) => chunks.push(c))
                .on('end', () => resolve(Buffer.concat(chunks)));
            })
            .on('error', reject);
        }),
    );
    expect(gunzipSync(raw).toString('utf8')).toBe(plain.body);
  });

  it.each([
    ['from=2026-02-30', 'from'],
    ['to=tomorrow', 'to'],
    ['from=2026-05-01&to=2026-04-01', 'to'],
    ['status=hidden', 'status'],
    ['status=unconfirmed', 'status'],
    ['area=zz-none', 'area'],
    ['category=no-such-category', 'category'],
  ])('refuses %s as problem+json naming %s', async (query, field) => {
    const res = await get(`/api/v1/open-data/reports.csv?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors).toEqual([expect.objectContaining({ field })]);
  });

  it('has no other format', async () => {
    expect((await get('/api/v1/open-data/reports.xlsx')).statusCode).toBe(404);
  });
});

describe('GeoJSON exports', () => {
  it('reports.geojson: a FeatureCollection of points with the same public properties', async () => {
    const res = await get('/api/v1/open-data/reports.geojson');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/geo+json; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/filename="plaza-reports-\d{4}-\d{2}-\d{2}\.geojson"/);
    const doc = res.json();
    expect(doc.type).toBe('FeatureCollection');
    expect(doc.license).toBe('https://creativecommons.org/licenses/by/4.0/');
    expect(doc.features).toHaveLength(2);
    for (const feature of doc.features) {
      expect(feature.geometry.type).toBe('Point');
      expect(feature.geometry.coordinates).toHaveLength(2);
      expect(Object.keys(feature.properties)).toEqual(
        expect.arrayContaining(REPORT_COLUMNS.filter((c) => c !== 'lat' && c !== 'lon')),
      );
    }
    expectNoMarkers(res.body);
  });

  it('proposals in both formats: visible ones only, nothing about their authors', async () => {
    const csv = await get('/api/v1/open-data/proposals.csv');
    const rows = table(csv);
    expect(rows.map((r) => r['title']).sort()).toEqual(['Carril bici', 'Más bancos en la plaza']);
    expect(rows[0]).toEqual(
      expect.objectContaining({ theme: 'movilidad', lat: expect.stringMatching(/^40\.42/) }),
    );
    expectNoMarkers(csv.body);
    const geo = await get('/api/v1/open-data/proposals.geojson?status=accepted&category=movilidad');
    expect(geo.json().features.map((f: { properties: { title: string } }) => f.properties.title)).toEqual([
      'Carril bici',
    ]);
    expectNoMarkers(geo.body);
    expect((await get('/api/v1/open-data/proposals.csv?status=hidden')).statusCode).toBe(400);
  });
});

describe('GET /api/v1/open-data/catalog.json', () => {
  it('is a DCAT-AP catalogue with a dataset per export and a distribution per format', async () => {
    const res = await get('/api/v1/open-data/catalog.json');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/ld+json');
    const catalog = res.json();
    expect(catalog['@type']).toBe('dcat:Catalog');
    expect(catalog['@context'].dcat).toBe('http://www.w3.org/ns/dcat#');
    expect(catalog['dct:publisher']['@id']).toMatch(
      /^http:\/\/datos\.gob\.es\/recurso\/sector-publico\/org\/Organismo\//,
    );
    expect(catalog['dct:license']['@id']).toBe('https://creativecommons.org/licenses/by/4.0/');
    expect(catalog['dcat:dataset']).toHaveLength(2);
    for (const dataset of catalog['dcat:dataset']) {
      expect(dataset['@type']).toBe('dcat:Dataset');
      expect(dataset['dct:accrualPeriodicity']['@id']).toMatch(/frequency\/DAILY$/);
      expect(dataset['dct:temporal']['dcat:startDate']['@value']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(dataset['dct:spatial']['@id']).toMatch(
        /^http:\/\/datos\.gob\.es\/recurso\/sector-publico\/territorio\//,
      );
      const urls = dataset['dcat:distribution'].map(
        (d: { 'dcat:downloadURL': { '@id': string } }) => d['dcat:downloadURL']['@id'],
      );
      expect(urls).toEqual([
        expect.stringMatching(/^http:\/\/plaza\.test\/api\/v1\/open-data\/\w+\.csv$/),
        expect.stringMatching(/\.geojson$/),
      ]);
    }
  });
});
