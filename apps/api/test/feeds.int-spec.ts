import { confirmByMail } from './report-confirmation';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DataSource } from 'typeorm';
import { createTestApp, type TestApp, type TestResponse } from './create-test-app';

const SOL = { lat: 40.4169, lon: -3.7035 }; // Centro (area 01)
const RETIRO = { lat: 40.4153, lon: -3.6844 }; // Retiro (area 03), about 1.6 km east of Sol
const RFC822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const HOSTILE = 'Vidrios ]]> <script>alert(1)</script> & "comillas" \u0007 rotos';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  htmlEntities: true,
  isArray: (name) => ['item', 'entry', 'link', 'category'].includes(name),
});

interface RssItem {
  title: string;
  link: string[];
  description: string;
  guid: { '#text': string; '@isPermaLink': string };
  pubDate: string;
  category?: string[];
}
interface AtomEntry {
  id: string;
  title: { '#text': string };
  updated: string;
  published: string;
  link: { '@rel': string; '@href': string }[];
  summary: { '#text': string };
  category?: { '@term': string; '@label': string }[];
}

/** RSS 2.0: the channel's required elements, atom:link rel=self, and each item's fields and unique guid. */
function readRss(res: TestResponse): { channel: Record<string, unknown>; items: RssItem[] } {
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
  expect(res.body.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
  expect(XMLValidator.validate(res.body)).toBe(true);
  const doc = parser.parse(res.body);
  expect(doc.rss['@version']).toBe('2.0');
  const channel = doc.rss.channel;
  for (const field of ['title', 'link', 'description', 'language', 'lastBuildDate'])
    expect(channel[field]).toBeTruthy();
  expect(channel.lastBuildDate).toMatch(RFC822);
  expect(channel['atom:link']).toMatchObject({
    '@rel': 'self',
    '@type': 'application/rss+xml',
    '@href': expect.stringMatching(/^http:\/\/plaza\.test\/feeds\//),
  });
  const items: RssItem[] = channel.item ?? [];
  for (const item of items) {
    expect(item.title).toBeTruthy();
    expect(item.description).toBeTruthy();
    expect(item.pubDate).toMatch(RFC822);
    expect(Number.isNaN(Date.parse(item.pubDate))).toBe(false);
    expect(item.link[0]).toMatch(/^http:\/\/plaza\.test\/reports\/\d{4}-\d{6}$/);
  }
  const guids = items.map((item) => item.guid['#text']);
  expect(new Set(guids).size).toBe(guids.length);
  return { channel, items };
}

/** Atom 1.0 (RFC 4287): feed id/title/updated/author/links, entries with unique ids and RFC 3339 dates. */
function readAtom(res: TestResponse): { feed: Record<string, unknown>; entries: AtomEntry[] } {
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
  expect(XMLValidator.validate(res.body)).toBe(true);
  const doc = parser.parse(res.body);
  const feed = doc.feed;
  expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
  expect(feed.id).toBeTruthy();
  expect(feed.title['#text']).toBeTruthy();
  expect(feed.updated).toMatch(RFC3339);
  expect(feed.author.name).toBeTruthy();
  const rels = (feed.link as { '@rel': string; '@href': string }[]).map((l) => l['@rel']).sort();
  expect(rels).toEqual(['alternate', 'self']);
  const entries: AtomEntry[] = feed.entry ?? [];
  for (const entry of entries) {
    expect(entry.id).toMatch(/^tag:plaza\.test,\d{4}-\d{2}-\d{2}:reports\//);
    expect(entry.title['#text']).toBeTruthy();
    expect(entry.updated).toMatch(RFC3339);
    expect(entry.published).toMatch(RFC3339);
    expect(entry.link[0]).toMatchObject({
      '@rel': 'alternate',
      '@href': expect.stringMatching(/^http:\/\/plaza\.test\/reports\//),
    });
    expect(entry.summary['#text']).toBeTruthy();
  }
  const ids = entries.map((entry) => entry.id);
  expect(new Set(ids).size).toBe(ids.length);
  return { feed, entries };
}

describe('RSS and Atom feeds (integration)', () => {
  let t: TestApp;
  let db: DataSource;
  const refs: Record<string, string> = {};

  const fileReport = async (fields: {
    category: string;
    point: { lat: number; lon: number };
    title: string;
    description?: string;
    reporter: Record<string, unknown>;
  }) => {
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: {
        category: fields.category,
        title: fields.title,
        description: fields.description ?? 'Descripción del aviso para el vecindario.',
        lat: fields.point.lat,
        lon: fields.point.lon,
        address: 'Calle de Prueba, 1',
        reporter: fields.reporter,
        consent: true,
      },
    });
    expect(res.statusCode).toBe(201);
    await confirmByMail(t, res.json().properties.ref);
    return res.json().properties.ref as string;
  };
  const get = (url: string, headers: Record<string, string> = {}) =>
    t.inject({ method: 'GET', url, headers });

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    refs['private'] = await fileReport({
      category: 'bache',
      point: SOL,
      title: 'Bache en Sol',
      reporter: {
        name: 'Zacarías Privado',
        email: 'zacarias@example.org',
        phone: '+34 699 888 777',
        showName: false,
      },
    });
    refs['named'] = await fileReport({
      category: 'farola',
      point: RETIRO,
      title: 'Farola en Retiro',
      description: HOSTILE.replace('\u0007', ''),
      reporter: { name: 'Nerea Nombrada', email: 'nerea@example.org', showName: true },
    });
    refs['moderated'] = await fileReport({
      category: 'pintada',
      point: SOL,
      title: 'Pintada pendiente',
      reporter: { name: 'Pendiente', email: 'p@example.org', showName: false },
    });
    // The API now refuses control characters (docs/security.md#input-limits), but rows stored
    // before that may hold them: the feed must still drop what XML cannot carry.
    await db.query(`UPDATE reports SET description = $1 WHERE ref = $2`, [HOSTILE, refs['named']]);
    // What the console writes when a department answers: a status change with a public message.
    await db.query(
      `WITH r AS (UPDATE reports SET status = 'in_progress', updated_at = now() WHERE ref = $1 RETURNING id)
       INSERT INTO report_events (report_id, actor_kind, from_status, to_status, message, is_public)
       SELECT id, 'staff', 'confirmed', 'in_progress', 'La brigada va de camino.', true FROM r
       UNION ALL SELECT id, 'staff', 'in_progress', 'in_progress', 'Nota interna: revisar presupuesto', false FROM r`,
      [refs['private']],
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  it('serves the newest public reports as valid RSS 2.0 and Atom 1.0, without personal data', async () => {
    const rss = readRss(await get('/feeds/reports.rss'));
    expect(rss.channel['language']).toBe('es');
    expect(rss.channel['title']).toBe('Nuevos avisos');
    const rssTitles = rss.items.map((i) => i.title);
    expect(rssTitles).toEqual(['Farola en Retiro', 'Bache en Sol']);
    const bache = rss.items.find((i) => i.title === 'Bache en Sol') as RssItem;
    expect(bache.guid).toEqual({
      '#text': `http://plaza.test/reports/${refs['private']}`,
      '@isPermaLink': 'true',
    });
    expect(bache.category).toEqual(['Bache o socavón']);
    expect(bache.description).toContain('Estado: En curso');
    expect(bache.description).toContain('Distrito: Centro');

    const atom = readAtom(await get('/feeds/reports.atom'));
    expect(atom.entries.map((e) => e.title['#text'])).toEqual(['Farola en Retiro', 'Bache en Sol']);
    expect(atom.feed['author']).toEqual({ name: 'Ayuntamiento', uri: 'http://plaza.test/' });
    expect(atom.entries[0]?.category?.[0]).toEqual({ '@term': 'farola', '@label': 'Farola apagada' });

    for (const res of [
      await get('/feeds/reports.rss'),
      await get('/feeds/reports.atom'),
      await get(`/feeds/reports/${refs['private']}.rss`),
    ]) {
      for (const secret of [
        'Zacarías',
        'Privado',
        'zacarias@',
        '699 888 777',
        'Nerea',
        'nerea@',
        'Pintada pendiente',
        'Nota interna',
      ]) {
        expect(res.body).not.toContain(secret);
      }
    }
  });

  it('escapes hostile text and drops characters XML cannot carry', async () => {
    const { items } = readRss(await get('/feeds/reports.rss'));
    const farola = items.find((i) => i.title === 'Farola en Retiro') as RssItem;
    expect(farola.description.startsWith(HOSTILE.replace('\u0007', ''))).toBe(true);
    const atom = await get('/feeds/reports.atom');
    expect(atom.body).not.toContain('<script>');
    expect(atom.body).not.toContain('\u0007');
    expect(atom.body).toContain('Vidrios ]]&gt; &lt;script&gt;');
  });

  it('filters by area, category and distance, combined', async () => {
    const titles = async (query: string) =>
      readRss(await get(`/feeds/reports.rss${query}`)).items.map((i) => i.title);
    expect(await titles('?area=01')).toEqual(['Bache en Sol']);
    expect(await titles('?area=03')).toEqual(['Farola en Retiro']);
    expect(await titles('?category=farola')).toEqual(['Farola en Retiro']);
    expect(await titles('?area=01&category=farola')).toEqual([]);
    expect(await titles(`?lat=${SOL.lat}&lon=${SOL.lon}&radius=500`)).toEqual(['Bache en Sol']);
    expect(await titles(`?lat=${SOL.lat}&lon=${SOL.lon}&radius=2500`)).toEqual([
      'Farola en Retiro',
      'Bache en Sol',
    ]);
    expect(await titles(`?lat=${SOL.lat}&lon=${SOL.lon}`)).toEqual(['Bache en Sol']); // 1 km by default

    const { channel } = readRss(await get('/feeds/reports.rss?area=01&category=bache'));
    expect(channel['title']).toBe('Nuevos avisos: Centro · Bache o socavón');
    expect((channel['atom:link'] as Record<string, string>)['@href']).toBe(
      'http://plaza.test/feeds/reports.rss?area=01&category=bache&lang=es',
    );
  });

  it('refuses bad filters with problem+json', async () => {
    for (const [query, status, field] of [
      ['?radius=100', 400, 'radius'],
      [`?lat=${SOL.lat}`, 400, 'lon'],
      [`?lat=abc&lon=${SOL.lon}`, 400, 'lat'],
      [`?lat=${SOL.lat}&lon=${SOL.lon}&radius=5001`, 400, 'radius'],
      [`?lat=${SOL.lat}&lon=${SOL.lon}&radius=-5`, 400, 'radius'],
      ['?area=%3Cx%3E', 400, 'area'],
      ['?area=01&area=02', 400, 'area'],
      ['?category=Bache!', 400, 'category'],
    ] as const) {
      const res = await get(`/feeds/reports.rss${query}`);
      expect({ query, status: res.statusCode }).toEqual({ query, status });
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    for (const url of [
      '/feeds/reports.rss?area=99',
      '/feeds/reports.atom?category=nope',
      '/feeds/reports.json',
      '/feeds/nothing',
    ]) {
      const res = await get(url);
      expect({ url, status: res.statusCode }).toEqual({ url, status: 404 });
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('speaks the requested language', async () => {
    const rss = readRss(await get('/feeds/reports.rss?lang=en'));
    expect(rss.channel['language']).toBe('en');
    expect(rss.channel['title']).toBe('New reports');
    expect(rss.items.find((i) => i.title === 'Bache en Sol')?.description).toContain('Status: In progress');
    const atom = readAtom(await get('/feeds/reports.atom', { 'accept-language': 'en-GB,en;q=0.8' }));
    expect(atom.feed['@xml:lang']).toBe('en');
    expect(atom.entries.find((e) => e.title['#text'] === 'Bache en Sol')?.category?.[0]?.['@label']).toBe(
      'Pothole',
    );
  });

  it('speaks Basque and Galician from the server catalogues, and caches each language apart', async () => {
    const basque = await get('/feeds/reports.rss?lang=eu');
    const rss = readRss(basque);
    expect(rss.channel['language']).toBe('eu');
    expect(rss.channel['title']).toBe('Abisu berriak');
    expect(rss.channel['description']).toBe('Hiriko azken abisu publikoak, bakoitza bere egoerarekin.');
    const bache = rss.items.find((i) => i.title === 'Bache en Sol') as RssItem;
    expect(bache.description).toContain('Egoera: Martxan');
    expect(bache.description).toContain('Barrutia: Centro');
    expect(basque.headers['content-language']).toBe('eu');
    expect(String(basque.headers['vary'])).toMatch(/accept-language/i);

    const galician = await get('/feeds/reports.atom?area=01', { 'accept-language': 'gl-ES,gl;q=0.9,es;q=0.5' });
    const atom = readAtom(galician);
    expect(atom.feed['@xml:lang']).toBe('gl');
    expect((atom.feed['title'] as { '#text': string })['#text']).toBe('Novos avisos: Centro');
    expect(atom.feed['author']).toEqual({ name: 'Concello', uri: 'http://plaza.test/' });
    expect(atom.entries.find((e) => e.title['#text'] === 'Bache en Sol')?.summary['#text']).toContain('Estado: En curso');
    expect(galician.headers['content-language']).toBe('gl');

    const updates = readRss(await get(`/feeds/reports/${refs['private']}.rss?lang=eu`));
    expect(updates.channel['title']).toBe(`${refs['private']} abisuaren berriak: Bache en Sol`);
    expect(updates.items.at(-1)?.title).toBe('Abisua erregistratu da');

    // The ETag is the body's: a Basque copy never answers 304 to a Galician reader's validator.
    const inGalician = await get('/feeds/reports.rss', { 'accept-language': 'gl' });
    const inBasque = await get('/feeds/reports.rss', { 'accept-language': 'eu' });
    expect(inGalician.headers['etag']).toBeTruthy();
    expect(inGalician.headers['etag']).not.toBe(inBasque.headers['etag']);
    const revalidated = await get('/feeds/reports.rss', { 'accept-language': 'eu', 'if-none-match': String(inGalician.headers['etag']) });
    expect(revalidated.statusCode).toBe(200);
    expect(readRss(revalidated).channel['language']).toBe('eu');
    expect((await get('/feeds/reports.rss', { 'accept-language': 'eu', 'if-none-match': String(inBasque.headers['etag']) })).statusCode).toBe(304);

    // Its problems too: same code and type, the reader's words.
    const missing = await get('/feeds/reports.rss?area=99&lang=eu');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-language']).toBe('eu');
    expect(missing.json()).toMatchObject({
      code: 'FEED.UNKNOWN_AREA',
      type: 'urn:plaza:problem:feed-unknown-area',
      title: 'Ez da aurkitu',
      detail: 'Ez dago «99» barrutirik.',
    });
  });

  it("serves one report's public updates, newest first, and 404s a report that is not public", async () => {
    const rss = readRss(await get(`/feeds/reports/${refs['private']}.rss`));
    expect(rss.channel['title']).toBe(`Novedades del aviso ${refs['private']}: Bache en Sol`);
    expect(rss.items.map((i) => [i.title, i.description])).toEqual([
      ['Estado: En curso', 'La brigada va de camino.'],
      ['Aviso registrado', 'Estado: Abierto'],
    ]);
    expect(rss.items[0]?.guid['@isPermaLink']).toBe('false');

    const atom = readAtom(await get(`/feeds/reports/${refs['private']}.atom?lang=en`));
    expect(atom.entries.map((e) => e.title['#text'])).toEqual(['Status: In progress', 'Report filed']);
    expect(atom.entries[0]?.id).toMatch(new RegExp(`:reports/${refs['private']}/events/\\d+$`));
    expect(atom.feed['id']).toBe(`http://plaza.test/feeds/reports/${refs['private']}`);

    for (const url of [
      `/feeds/reports/${refs['moderated']}.rss`,
      '/feeds/reports/2026-999999.atom',
      `/feeds/reports/${refs['private']}.json`,
    ]) {
      const res = await get(url);
      expect({ url, status: res.statusCode }).toEqual({ url, status: 404 });
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('holds the 50 newest items at most', async () => {
    await db.query(
      `INSERT INTO reports (title, description, category_id, location, area_id, department_id, status,
                            reporter_name, reporter_email, consent_at, created_at, updated_at)
       SELECT 'Aviso masivo ' || n, 'Descripción ' || n, c.id, ST_SetSRID(ST_MakePoint(-3.7035, 40.4169), 4326), a.id,
              c.default_department_id, 'confirmed', 'Vecina', 'v@example.org', now(),
              now() + make_interval(secs => n), now() + make_interval(secs => n)
         FROM generate_series(1, 60) n, categories c, areas a WHERE c.code = 'limpieza' AND a.code = '01'`,
    );
    const { items } = readRss(await get('/feeds/reports.rss'));
    expect(items).toHaveLength(50);
    expect(items[0]?.title).toBe('Aviso masivo 60');
    expect(items[49]?.title).toBe('Aviso masivo 11');
    const { entries } = readAtom(await get('/feeds/reports.atom?category=limpieza'));
    expect(entries).toHaveLength(50);
  });
});
