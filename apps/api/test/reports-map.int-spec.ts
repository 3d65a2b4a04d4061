// What the public map adds to the report API: date filters, grid clusters, supports, place
// search, map settings and the server-rendered social preview of report pages.
import { confirmByMail } from './report-confirmation';
import sharp from 'sharp';
import { PhotoWorker } from '@plaza/api/media';
import { ReportPreviewService } from '@plaza/api/reports';
import { DataSource } from 'typeorm';
import { createTestApp, multipart, type InjectOptions, type TestApp } from './create-test-app';

const POINTS = {
  sol: { lat: 40.4169, lon: -3.7035 },
  sol2: { lat: 40.4171, lon: -3.7033 },
  sol3: { lat: 40.4167, lon: -3.7031 },
  retiro: { lat: 40.4153, lon: -3.6846 },
  chamartin: { lat: 40.4586, lon: -3.6772 },
};
const MADRID_BBOX = '-3.89,40.31,-3.52,40.64';

const report = (overrides: Record<string, unknown> = {}) => ({
  category: 'bache',
  title: 'Bache en la calzada',
  description: 'Un bache profundo junto al paso de peatones.',
  ...POINTS.sol,
  reporter: { name: 'Lucía Pérez', email: 'lucia@example.org', phone: '+34 600 111 222', showName: false },
  consent: true,
  ...overrides,
});

describe('public map API (integration, real PostGIS)', () => {
  let t: TestApp;
  let db: DataSource;
  const inject = (opts: InjectOptions) => t.inject(opts);
  const refs: Record<string, string> = {};

  const file = async (name: string, overrides: Record<string, unknown>) => {
    const res = await inject({ method: 'POST', url: '/api/v1/reports', payload: report(overrides) });
    expect(res.statusCode).toBe(201);
    refs[name] = res.json().properties.ref;
    await confirmByMail(t, refs[name] as string);
    return refs[name] as string;
  };
  const backdate = (ref: string, iso: string) =>
    db.query(`UPDATE reports SET created_at = $2::timestamptz WHERE ref = $1`, [ref, iso]);
  const listRefs = async (query: string) => {
    const res = await inject({ method: 'GET', url: `/api/v1/reports?${query}` });
    expect(res.statusCode).toBe(200);
    return res.json().features.map((f: { properties: { ref: string } }) => f.properties.ref).sort();
  };

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    // Three potholes round Puerta del Sol, a street light by the Retiro, a bin in Chamartín, and a
    // graffiti that waits for moderation (so is never public).
    await file('sol', { ...POINTS.sol, address: 'Calle de Alcalá, 12' });
    await file('sol2', { ...POINTS.sol2, title: 'Otro bache', address: 'Plaza de la Puerta del Sol, 3' });
    await file('sol3', { ...POINTS.sol3, title: 'Tercer bache' });
    await file('retiro', { ...POINTS.retiro, category: 'farola', title: 'Farola apagada' });
    await file('chamartin', { ...POINTS.chamartin, category: 'contenedor', title: 'Contenedor lleno' });
    await file('graffiti', { ...POINTS.sol, category: 'pintada', title: 'Pintada', address: 'Calle Secreta, 1' });
    await backdate(refs['sol'] as string, '2024-01-15T10:00:00Z');
    await backdate(refs['sol2'] as string, '2024-06-01T23:30:00Z');
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('date filters on GET /reports', () => {
    it('keeps reports created within from..to, a date-only `to` including its whole day', async () => {
      expect(await listRefs('from=2024-01-01&to=2024-01-31')).toEqual([refs['sol']]);
      expect(await listRefs('from=2024-01-15&to=2024-01-15')).toEqual([refs['sol']]);
      expect(await listRefs('to=2024-06-01')).toEqual([refs['sol'], refs['sol2']].sort());
      expect(await listRefs('from=2024-06-02')).not.toContain(refs['sol2']);
      expect(await listRefs('from=2024-06-01T23:00:00Z&to=2024-06-02T00:00:00%2B00:00')).toEqual([refs['sol2']]);
      // Filters combine: the date range and a category.
      expect(await listRefs('to=2024-12-31&category=farola')).toEqual([]);
    });

    it.each([
      ['from=2024-13-01', 'from'],
      ['to=2024-02-30', 'to'],
      ['from=yesterday', 'from'],
      ['from=2024-01-01T10:00:00', 'from'],
      ['from=2024-03-01&to=2024-02-01', 'to'],
      ['from=2024-01-01&from=2024-02-01', 'from'],
      ['category=DROP%20TABLE', 'category'],
    ])('answers %s with 400 problem+json naming %s', async (query, field) => {
      const res = await inject({ method: 'GET', url: `/api/v1/reports?${query}` });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: 'REQUEST.INVALID_QUERY' });
      expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([field]);
    });
  });

  describe('GET /reports/clusters', () => {
    it('counts public reports per grid cell, splitting as the zoom grows', async () => {
      const city = await inject({ method: 'GET', url: `/api/v1/reports/clusters?bbox=${MADRID_BBOX}&zoom=8` });
      expect(city.statusCode).toBe(200);
      // The graffiti is unconfirmed, hence not counted.
      expect(city.json()).toMatchObject({ total: 5, zoom: 8, cells: [{ count: 5 }] });

      const closer = (await inject({ method: 'GET', url: `/api/v1/reports/clusters?bbox=${MADRID_BBOX}&zoom=12` })).json();
      expect(closer.total).toBe(5);
      expect(closer.cells.map((c: { count: number }) => c.count)).toEqual([3, 1, 1]);
      const [sol] = closer.cells;
      // The bubble sits at the reports' mean position, inside their extent.
      expect(sol.lon).toBeCloseTo((POINTS.sol.lon + POINTS.sol2.lon + POINTS.sol3.lon) / 3, 5);
      expect(sol.lat).toBeCloseTo((POINTS.sol.lat + POINTS.sol2.lat + POINTS.sol3.lat) / 3, 5);
      expect(sol.bbox).toEqual([POINTS.sol.lon, POINTS.sol3.lat, POINTS.sol3.lon, POINTS.sol2.lat]);
      expect(closer.cellDegrees).toBeCloseTo((60 * 360) / (256 * 4096), 10);
    });

    it('applies the same filters as the list', async () => {
      const get = async (query: string) =>
        (await inject({ method: 'GET', url: `/api/v1/reports/clusters?bbox=${MADRID_BBOX}&zoom=12&${query}` })).json();
      expect((await get('category=farola,contenedor')).total).toBe(2);
      expect((await get('status=fixed')).total).toBe(0);
      expect((await get('from=2024-01-01&to=2024-12-31')).total).toBe(2);
      const list = await listRefs(`bbox=${MADRID_BBOX}&category=bache`);
      expect((await get('category=bache')).total).toBe(list.length);
    });

    it.each([
      ['zoom=12', 'bbox'],
      [`bbox=${MADRID_BBOX}`, 'zoom'],
      [`bbox=${MADRID_BBOX}&zoom=23`, 'zoom'],
      [`bbox=${MADRID_BBOX}&zoom=-1`, 'zoom'],
      [`bbox=${MADRID_BBOX}&zoom=1.5`, 'zoom'],
      [`bbox=${MADRID_BBOX}&zoom=x`, 'zoom'],
      [`bbox=-180,-85,180,85&zoom=18`, 'bbox'],
      [`bbox=${MADRID_BBOX}&zoom=12&status=hidden`, 'status'],
      [`bbox=${MADRID_BBOX}&zoom=12&to=2024-99-01`, 'to'],
    ])('answers %s with 400 naming %s', async (query, field) => {
      const res = await inject({ method: 'GET', url: `/api/v1/reports/clusters?${query}` });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([field]);
    });
  });

  describe('POST /reports/{ref}/supports', () => {
    const tokenA = 'browser-token-aaaaaaaaaaaaaaaa';
    const tokenB = 'browser-token-bbbbbbbbbbbbbbbb';
    const support = (ref: string, payload: unknown) =>
      inject({ method: 'POST', url: `/api/v1/reports/${ref}/supports`, payload });

    it('counts one support per browser token and shows the count publicly', async () => {
      const ref = refs['retiro'] as string;
      const first = await support(ref, { token: tokenA });
      expect(first.statusCode).toBe(201);
      expect(first.json()).toEqual({ ref, supports: 1, counted: true });
      const again = await support(ref, { token: tokenA });
      expect(again.statusCode).toBe(200);
      expect(again.json()).toEqual({ ref, supports: 1, counted: false });
      const other = await support(ref, { token: tokenB });
      expect(other.json()).toEqual({ ref, supports: 2, counted: true });

      const detail = (await inject({ method: 'GET', url: `/api/v1/reports/${ref}` })).json();
      expect(detail.properties.supports).toBe(2);
      const listed = (await inject({ method: 'GET', url: `/api/v1/reports?category=farola` })).json();
      expect(listed.features[0].properties).toMatchObject({ ref, supports: 2 });
      // The form's duplicate suggestions show it too.
      const nearby = (await inject({ method: 'GET', url: `/api/v1/reports/nearby?lat=${POINTS.retiro.lat}&lon=${POINTS.retiro.lon}&category=farola` })).json();
      expect(nearby[0]).toMatchObject({ ref, supports: 2, distanceMeters: 0 });

      // Only hashes are stored: the token itself is nowhere in the table.
      const rows: Array<{ token_hash: string }> = await db.query(`SELECT token_hash FROM report_supports`);
      expect(rows).toHaveLength(2);
      for (const row of rows) {
        expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
        expect([tokenA, tokenB]).not.toContain(row.token_hash);
      }
    });

    it('refuses unknown or private reports with 404, and bad tokens with 422', async () => {
      expect((await support('2099-999999', { token: tokenA })).statusCode).toBe(404);
      const hidden = await support(refs['graffiti'] as string, { token: tokenA });
      expect(hidden.statusCode).toBe(404);
      expect(hidden.json().code).toBe('REPORT.NOT_FOUND');
      for (const payload of [{}, { token: 'short' }, { token: 42 }, { token: 'x'.repeat(129) }, { token: 'has spaces in it and more than 22' }, []]) {
        const res = await support(refs['sol3'] as string, payload);
        expect({ payload, status: res.statusCode }).toEqual({ payload, status: 422 });
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.json().errors[0]).toMatchObject({ field: 'token' });
      }
      const plain = await inject({
        method: 'POST',
        url: `/api/v1/reports/${refs['sol3']}/supports`,
        headers: { 'content-type': 'application/json' },
        payload: '{"token":',
      });
      expect(plain.statusCode).toBe(400);
      expect((await inject({ method: 'GET', url: `/api/v1/reports/${refs['sol3']}` })).json().properties.supports).toBe(0);
    });
  });

  describe('GET /places', () => {
    const search = async (q: string) => {
      const res = await inject({ method: 'GET', url: `/api/v1/places?q=${encodeURIComponent(q)}` });
      expect(res.statusCode).toBe(200);
      return res.json() as Array<{ kind: string; name: string; area: string | null; lat: number; lon: number; bbox: number[] | null }>;
    };

    it('finds areas by name, ignoring case and accents, with their extent', async () => {
      const [centro] = await search('CENTRO');
      expect(centro).toMatchObject({ kind: 'area', name: 'Centro', area: null });
      const [minLon, minLat, maxLon, maxLat] = centro?.bbox ?? [];
      expect(centro?.lon).toBeGreaterThan(minLon as number);
      expect(centro?.lon).toBeLessThan(maxLon as number);
      expect(centro?.lat).toBeGreaterThan(minLat as number);
      expect(centro?.lat).toBeLessThan(maxLat as number);
      expect((await search('chamberi')).map((p) => p.name)).toContain('Chamberí');
    });

    it('finds addresses of public reports, never those of unpublished ones', async () => {
      expect(await search('alcala')).toEqual([
        { kind: 'address', name: 'Calle de Alcalá, 12', area: 'Centro', lat: POINTS.sol.lat, lon: POINTS.sol.lon, bbox: null },
      ]);
      expect(await search('secreta')).toEqual([]);
      // LIKE wildcards are searched for literally.
      expect(await search('%%')).toEqual([]);
      expect(await search('__')).toEqual([]);
    });

    it.each(['', 'a', 'x'.repeat(101)])('answers q=%j with 400', async (q) => {
      const res = await inject({ method: 'GET', url: `/api/v1/places?q=${q}` });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].field).toBe('q');
    });

    it('answers a bad limit with 400', async () => {
      for (const limit of ['0', '11', 'many']) {
        const res = await inject({ method: 'GET', url: `/api/v1/places?q=centro&limit=${limit}` });
        expect(res.statusCode).toBe(400);
        expect(res.json().errors[0].field).toBe('limit');
      }
    });
  });

  it('serves the map settings: OpenStreetMap tiles by default and the privacy notice per language', async () => {
    const es = (await inject({ method: 'GET', url: '/api/v1/map/settings' })).json();
    expect(es.tiles).toEqual({
      url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
      attribution: expect.stringContaining('OpenStreetMap'),
      maxZoom: 19,
    });
    expect(es.privacyNotice.locale).toBe('es');
    expect(es.privacyNotice.paragraphs.map((p: string) => p.split(':')[0])).toEqual([
      'Responsable',
      'Finalidad',
      'Legitimación',
      'Destinatarios',
      'Derechos',
      'Conservación',
    ]);
    const en = (await inject({ method: 'GET', url: '/api/v1/map/settings?lang=en' })).json();
    expect(en.privacyNotice.locale).toBe('en');
    expect(en.privacyNotice.paragraphs[1]).toMatch(/^Purpose:/);
    // The city the map opens on (the defaults: Madrid).
    expect(es.city).toEqual({ name: 'Madrid', centre: [40.4168, -3.7038], zoom: 12 });
    // The built-in notice speaks Basque too (issue 18): no Spanish fallback.
    const eu = (await inject({ method: 'GET', url: '/api/v1/map/settings?lang=eu' })).json();
    expect(eu.privacyNotice.locale).toBe('eu');
    expect(eu.privacyNotice.paragraphs[0]).toMatch(/^Arduraduna: Udala/);
  });

  describe('social preview of report pages', () => {
    const template =
      '<!doctype html>\n<html lang="es">\n  <head>\n    <meta name="description" content="Plaza" />\n    <title>Plaza</title>\n  </head>\n  <body><div id="root"></div></body>\n</html>\n';

    it('injects escaped Open Graph and Twitter tags with the first photo as an absolute URL', async () => {
      const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#3366cc' } }).jpeg().toBuffer();
      const form = new FormData();
      const fields: Record<string, string> = {
        category: 'farola',
        title: '<script>alert("x")</script> & \'farola\'',
        description: 'Apagada </title><meta name="x"> desde el lunes.',
        lat: String(POINTS.retiro.lat),
        lon: String(POINTS.retiro.lon),
        'reporter[name]': 'Rosa Secreta',
        'reporter[email]': 'rosa@example.org',
        'reporter[phone]': '+34 611 222 333',
        'reporter[showName]': 'false',
        consent: 'true',
      };
      for (const [key, value] of Object.entries(fields)) form.set(key, value);
      form.append('photos', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'farola.jpg');
      const created = await inject({ method: 'POST', url: '/api/v1/reports', ...(await multipart(form)) });
      expect(created.statusCode).toBe(201);
      const { ref } = created.json().properties;
      await confirmByMail(t, ref);
      await t.app.get(PhotoWorker).drain();
      const photos = created.json().photoUploads.map((upload: { id: string }) => ({ thumbnailUrl: `http://plaza.test/api/v1/media/${upload.id}-thumb.jpg` }));

      const preview = t.app.get(ReportPreviewService);
      const page = await preview.render(`/reports/${ref}`, 'en', template);
      expect(page?.status).toBe(200);
      const html = page?.html ?? '';
      const escapedTitle = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;farola&#39;';
      expect(html).toContain(`<meta property="og:title" content="${escapedTitle}" />`);
      expect(html).toContain(`<title>${escapedTitle} · Plaza</title>`);
      expect(html).toContain(`<meta property="og:image" content="${photos[0].thumbnailUrl}" />`);
      expect(photos[0].thumbnailUrl).toMatch(/^http:\/\/plaza\.test\/api\/v1\/media\/.+-thumb\.jpg$/);
      expect(html).toContain(`<meta property="og:url" content="http://plaza.test/reports/${ref}" />`);
      expect(html).toContain('<meta name="twitter:card" content="summary_large_image" />');
      expect(html).toMatch(/<meta property="og:description" content="Open · Street light out · Retiro\. Apagada &lt;\/title&gt;/);
      expect(html).toContain('<html lang="en">');
      // The only script or title tags are the template's; nothing the citizen typed became markup.
      expect(html.match(/<script/g)).toBeNull();
      expect(html.match(/<title>/g)).toHaveLength(1);
      expect(html.match(/name="description"/g)).toHaveLength(1);
      for (const secret of ['Rosa', 'rosa@example.org', '611 222 333']) expect(html).not.toContain(secret);
    });

    it('answers 404 with the bare page for a report that is not public, and ignores other paths', async () => {
      const preview = t.app.get(ReportPreviewService);
      expect(await preview.render(`/reports/${refs['graffiti']}`, 'es', template)).toEqual({ status: 404, html: template });
      expect(await preview.render('/reports/2099-999999', 'es', template)).toEqual({ status: 404, html: template });
      expect(await preview.render('/', 'es', template)).toBeNull();
      expect(await preview.render('/reports/a/b', 'es', template)).toBeNull();
      expect(await preview.render('/new', 'es', template)).toBeNull();
    });

    it('puts the configured city in the map shell as an escaped JSON meta tag, once', () => {
      const shell = t.app.get(ReportPreviewService).shell(template);
      const tag = '<meta name="plaza-city" content="{&quot;name&quot;:&quot;Madrid&quot;,&quot;centre&quot;:[40.4168,-3.7038],&quot;zoom&quot;:12}" />';
      expect(shell).toContain(`${tag}\n  </head>`);
      expect(shell.split('plaza-city')).toHaveLength(2);
      expect(shell.replace(/\s*<meta name="plaza-city"[^>]*>/, '')).toBe(template);
    });
  });
});
