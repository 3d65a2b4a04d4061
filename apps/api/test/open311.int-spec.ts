import { ApiClientsService } from '@plaza/api/api-clients';
import { DEMO_OPEN311_KEY, seedDemoOpen311Client } from '@plaza/api/seed';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DataSource } from 'typeorm';
import { createTestApp, type TestApp, type TestResponse } from './create-test-app';
import { confirmByMail, confirmationTokenFor, confirmReport } from './report-confirmation';
import { DEMO, seedAccounts, signIn, withSession } from './sessions';

const SOL = { lat: 40.4169, lon: -3.7035 }; // Puerta del Sol, Centro
const RETIRO = { lat: 40.4153, lon: -3.6844 };
const BASE = '/open311/v2';
const W3C = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/;
const FORMATS = ['xml', 'json'] as const;
type Format = (typeof FORMATS)[number];

/** Elements that are lists in GeoReport v2 documents, so one child still parses as an array. */
const LISTS = new Set([
  'services.service',
  'service_requests.request',
  'service_requests_updates.request_update',
  'errors.error',
  'discovery.endpoints.endpoint',
  'discovery.endpoints.endpoint.formats.format',
  'service_definition.attributes.attribute',
]);
const xmlParser = new XMLParser({
  parseTagValue: false,
  htmlEntities: true,
  isArray: (_name, jpath) => LISTS.has(String(jpath)),
});

/** Checks the envelope the spec requires for each format and returns the document as plain values. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function read(res: TestResponse, format: Format): any {
  if (format === 'json') {
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    return res.json();
  }
  expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
  expect(res.body.startsWith('<?xml version="1.0" encoding="utf-8"?>\n')).toBe(true);
  expect(XMLValidator.validate(res.body)).toBe(true);
  return xmlParser.parse(res.body);
}

/** The GeoReport errors document, in either format, as `{ code, description }[]` with string codes. */
function errorsOf(res: TestResponse, format: Format): { code: string; description: string }[] {
  const doc = read(res, format);
  const list = format === 'json' ? doc : doc.errors.error;
  return list.map((e: { code: unknown; description: string }) => ({
    code: String(e.code),
    description: e.description,
  }));
}

/** Requests as a list, whichever format they came in. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function requestsOf(res: TestResponse, format: Format): any[] {
  const doc = read(res, format);
  return format === 'json' ? doc : (doc.service_requests.request ?? []);
}

function childNames(xml: string, element: string): string[] {
  const inner = new RegExp(`<${element}>([\\s\\S]*?)</${element}>`).exec(xml)?.[1] ?? '';
  return [...inner.matchAll(/^\s*<([a-z_]+)[\s/>]/gm)].map((m) => m[1] as string);
}

describe('Open311 GeoReport v2 (integration)', () => {
  let t: TestApp;
  let db: DataSource;
  let apiKey: string;

  const form = (fields: Record<string, string>) => ({
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    payload: new URLSearchParams(fields).toString(),
  });
  const post = (format: Format, fields: Record<string, string>) =>
    t.inject({ method: 'POST', url: `${BASE}/requests.${format}`, ...form(fields) });
  const get = (url: string, headers: Record<string, string> = {}) =>
    t.inject({ method: 'GET', url, headers });
  const validRequest = (overrides: Record<string, string> = {}) => ({
    api_key: apiKey,
    service_code: 'farola',
    lat: String(SOL.lat),
    long: String(SOL.lon),
    address_string: 'Puerta del Sol 1',
    email: 'rosa.open311@example.org',
    first_name: 'Rosa',
    last_name: 'Secreta',
    phone: '+34 611 222 333',
    description: 'La farola lleva tres noches apagada. Está junto a la boca de metro.',
    device_id: 'device-123',
    account_id: 'acct-9',
    ...overrides,
  });
  const fileReport = async (point = SOL, category = 'bache') => {
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: {
        category,
        title: 'Bache en la calzada',
        description: 'Un bache profundo junto al paso de peatones.',
        lat: point.lat,
        lon: point.lon,
        reporter: { name: 'Mapa Vecina', email: 'mapa@example.org', showName: true },
        consent: true,
      },
    });
    expect(res.statusCode).toBe(201);
    await confirmByMail(t, res.json().properties.ref);
    return res.json().properties.ref as string;
  };
  /** What the console does when a department closes a case: a status change with a public answer. */
  const changeStatus = async (ref: string, to: string, message: string) => {
    await db.query(
      `WITH r AS (UPDATE reports SET status = $2, updated_at = now() WHERE ref = $1 RETURNING id, status)
       INSERT INTO report_events (report_id, actor_kind, from_status, to_status, message, is_public)
       SELECT id, 'staff', 'confirmed', status, $3, true FROM r`,
      [ref, to, message],
    );
  };
  const backdate = (ref: string, days: number) =>
    db.query(
      `UPDATE reports SET created_at = now() - make_interval(days => $2), updated_at = now() - make_interval(days => $2) WHERE ref = $1`,
      [ref, days],
    );

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    const { client, key } = await t.app
      .get(ApiClientsService)
      .create({ name: 'Test client', contactEmail: 'dev@client.example' });
    apiKey = key;
    // An app whose users sign in with a verified email: its requests are service requests at once.
    // Clients that do not vouch for their users are covered by 'asks reporters of clients…' below.
    await db.query(`UPDATE api_clients SET verifies_reporters = true WHERE id = $1`, [client.id]);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe.each(FORMATS)('in %s', (format) => {
    it('serves service discovery', async () => {
      const res = await get(`${BASE}/discovery.${format}`);
      expect(res.statusCode).toBe(200);
      const doc = read(res, format);
      const discovery = format === 'json' ? doc : doc.discovery;
      expect(discovery.changeset).toMatch(W3C);
      expect(discovery.contact).toContain('http://plaza.test/');
      expect(discovery.key_service).toMatch(/consola|console/i);
      const [endpoint] = format === 'json' ? discovery.endpoints : discovery.endpoints.endpoint;
      expect(endpoint).toMatchObject({
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: 'http://plaza.test/open311/v2',
        type: 'production',
      });
      expect(format === 'json' ? endpoint.formats : endpoint.formats.format).toEqual([
        'text/xml',
        'application/json',
      ]);
    });

    it('lists the active categories as realtime services, in the request language', async () => {
      const es = read(await get(`${BASE}/services.${format}`), format);
      const services = format === 'json' ? es : es.services.service;
      expect(services).toHaveLength(13);
      const farola = services.find((s: { service_code: string }) => s.service_code === 'farola');
      expect(farola).toMatchObject({
        service_name: 'Farola apagada',
        type: 'realtime',
        group: 'Vía pública',
      });
      expect(String(farola.metadata)).toBe('false');
      // Its names in the other languages (Galician's equals Spanish's), as synonyms.
      expect(farola.keywords).toBe('Street light out, Fanal apagat, Farola itzalita');
      const en = read(
        await get(`${BASE}/services.${format}`, { 'accept-language': 'en-GB,en;q=0.9' }),
        format,
      );
      const enServices = format === 'json' ? en : en.services.service;
      expect(enServices.find((s: { service_code: string }) => s.service_code === 'farola').service_name).toBe(
        'Street light out',
      );
      const viaParam = read(await get(`${BASE}/services.${format}?locale=en`), format);
      expect(JSON.stringify(viaParam)).toContain('Street light out');
    });

    it('serves a service definition and 404s an unknown service_code', async () => {
      const doc = read(await get(`${BASE}/services/bache.${format}`), format);
      const definition = format === 'json' ? doc : doc.service_definition;
      expect(definition.service_code).toBe('bache');
      expect(format === 'json' ? definition.attributes : (definition.attributes.attribute ?? [])).toEqual([]);
      const missing = await get(`${BASE}/services/nope.${format}`);
      expect(missing.statusCode).toBe(404);
      expect(errorsOf(missing, format)).toEqual([
        { code: 'service_code', description: expect.stringContaining('nope') },
      ]);
    });

    it('refuses POST without an api_key, or with a wrong one, with 403', async () => {
      const { api_key: _unused, ...withoutKey } = validRequest();
      const missing = await post(format, withoutKey);
      expect(missing.statusCode).toBe(403);
      expect(errorsOf(missing, format)).toEqual([
        { code: '403', description: expect.stringContaining('api_key') },
      ]);
      const wrong = await post(format, validRequest({ api_key: 'not-a-key' }));
      expect(wrong.statusCode).toBe(403);
      expect(errorsOf(wrong, format)[0]?.description).toMatch(/Invalid api_key/);
    });

    it('files a request like the map does and reads it back, without personal data', async () => {
      const res = await post(format, validRequest({ media_url: 'https://photos.example/farola.jpg' }));
      expect(res.statusCode).toBe(200);
      const [created] = requestsOf(res, format);
      expect(created.service_request_id).toMatch(/^\d{4}-\d{6}$/);
      expect(created.service_notice).toMatch(/Alumbrado Público.*5 días/);
      expect(created.account_id).toBe('acct-9');
      expect(created.token).toBeUndefined();
      if (format === 'xml')
        expect(childNames(res.body, 'request')).toEqual([
          'service_request_id',
          'service_notice',
          'account_id',
        ]);

      // Routed, sourced and consented as the spec and Plaza require; the contact stays in the database.
      const [row] = await db.query(
        `SELECT r.source, r.status, r.title, r.reporter_name, r.reporter_email, r.reporter_phone, r.reporter_show_name,
                r.consent_at IS NOT NULL AS consented, a.name AS area, s.media_url, s.device_id, s.account_id
           FROM reports r JOIN areas a ON a.id = r.area_id JOIN open311_submissions s ON s.report_id = r.id WHERE r.ref = $1`,
        [created.service_request_id],
      );
      expect(row).toEqual({
        source: 'open311:Test client',
        status: 'confirmed',
        title: 'La farola lleva tres noches apagada',
        reporter_name: 'Rosa Secreta',
        reporter_email: 'rosa.open311@example.org',
        reporter_phone: '+34 611 222 333',
        reporter_show_name: false,
        consented: true,
        area: 'Centro',
        media_url: 'https://photos.example/farola.jpg',
        device_id: 'device-123',
        account_id: 'acct-9',
      });

      for (const readFormat of FORMATS) {
        const one = await get(`${BASE}/requests/${created.service_request_id}.${readFormat}`);
        expect(one.statusCode).toBe(200);
        const [request] = requestsOf(one, readFormat);
        expect(request).toMatchObject({
          service_request_id: created.service_request_id,
          status: 'open',
          service_name: 'Farola apagada',
          service_code: 'farola',
          description: 'La farola lleva tres noches apagada. Está junto a la boca de metro.',
          agency_responsible: 'Alumbrado Público',
          address: 'Puerta del Sol 1, Centro',
        });
        expect(Number(request.lat)).toBeCloseTo(SOL.lat, 5);
        expect(Number(request.long)).toBeCloseTo(SOL.lon, 5);
        for (const field of ['requested_datetime', 'updated_datetime', 'expected_datetime'])
          expect(request[field]).toMatch(W3C);
        expect(Date.parse(request.expected_datetime) - Date.parse(request.requested_datetime)).toBe(
          5 * 86_400_000,
        );
        // The client's media_url is kept for staff, never republished.
        expect(request.media_url === null || request.media_url === '').toBe(true);
        if (readFormat === 'xml') {
          expect(childNames(one.body, 'request')).toEqual([
            'service_request_id',
            'status',
            'status_notes',
            'service_name',
            'service_code',
            'description',
            'agency_responsible',
            'service_notice',
            'requested_datetime',
            'updated_datetime',
            'expected_datetime',
            'address',
            'address_id',
            'zipcode',
            'lat',
            'long',
            'media_url',
          ]);
        }
        for (const secret of [
          'Rosa',
          'Secreta',
          'rosa.open311',
          '611 222 333',
          'device-123',
          'acct-9',
          'photos.example',
        ]) {
          expect(one.body).not.toContain(secret);
        }
      }
    });

    it('resolves the token handed out with a POST, and 404s an unknown one', async () => {
      const res = await post(format, validRequest());
      const token = res.headers['open311-token'];
      expect(token).toMatch(/^[0-9a-f]{32}$/);
      const [created] = requestsOf(res, format);
      const resolved = await get(`${BASE}/tokens/${token}.${format}`);
      expect(resolved.statusCode).toBe(200);
      expect(requestsOf(resolved, format)).toEqual([
        { service_request_id: created.service_request_id, token },
      ]);
      const unknown = await get(`${BASE}/tokens/${'0'.repeat(32)}.${format}`);
      expect(unknown.statusCode).toBe(404);
      expect(errorsOf(unknown, format)[0]?.code).toBe('token');
    });

    it.each([
      ['no service_code', { service_code: '' }, 400, 'service_code'],
      ['an unknown service_code', { service_code: 'nope' }, 404, 'service_code'],
      ['an address without coordinates', { lat: '', long: '' }, 400, 'lat'],
      ['a point outside the city', { lat: '48.8566', long: '2.3522' }, 400, 'long'],
      ['a missing email', { email: '' }, 400, 'email'],
      ['no name at all', { first_name: '', last_name: '' }, 400, 'first_name'],
      ['a short description', { description: 'x' }, 400, 'description'],
      ['a latitude that is not a number', { lat: 'north' }, 400, 'lat'],
      ['a foreign jurisdiction_id', { jurisdiction_id: 'elsewhere.example' }, 404, 'jurisdiction_id'],
    ])('answers %s in the errors format', async (_name, overrides, status, code) => {
      const res = await post(format, validRequest(overrides));
      expect(res.statusCode).toBe(status);
      expect(errorsOf(res, format).map((e) => e.code)).toContain(code);
      expect(errorsOf(res, format).every((e) => e.description.length > 0)).toBe(true);
    });

    it('says when an address_string alone cannot be located', async () => {
      const { lat: _lat, long: _long, ...noPoint } = validRequest();
      const res = await post(format, noPoint);
      expect(res.statusCode).toBe(400);
      expect(errorsOf(res, format)).toEqual([
        { code: 'lat', description: expect.stringMatching(/address_string.*cannot be located/) },
      ]);
    });

    it('keeps a request that needs moderation private until published', async () => {
      const res = await post(
        format,
        validRequest({ service_code: 'pintada', description: 'Pintadas en la fachada del teatro.' }),
      );
      expect(res.statusCode).toBe(200);
      const [created] = requestsOf(res, format);
      expect(created.service_notice).toMatch(/moderación/);
      expect((await get(`${BASE}/requests/${created.service_request_id}.${format}`)).statusCode).toBe(404);
      const resolved = await get(`${BASE}/tokens/${res.headers['open311-token']}.${format}`);
      expect(requestsOf(resolved, format)[0].service_request_id).toBe(created.service_request_id);
    });

    it('refuses bodies that are not a form, unknown formats and unknown resources in the errors format', async () => {
      const json = await t.inject({
        method: 'POST',
        url: `${BASE}/requests.${format}`,
        payload: validRequest(),
      });
      expect(json.statusCode).toBe(400);
      expect(errorsOf(json, format)[0]?.description).toMatch(/x-www-form-urlencoded/);
      const twice = await t.inject({
        method: 'POST',
        url: `${BASE}/requests.${format}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: `${new URLSearchParams(validRequest()).toString()}&service_code=bache`,
      });
      expect(twice.statusCode).toBe(400);
      expect(errorsOf(twice, format)).toEqual([
        { code: 'service_code', description: 'service_code may be given once.' },
      ]);
      const unknown = await get(`${BASE}/requests/2026-999999.${format}`);
      expect(unknown.statusCode).toBe(404);
      expect(errorsOf(unknown, format)[0]?.code).toBe('service_request_id');
      const noRoute = await get(`${BASE}/nothing-here.${format}`);
      expect(noRoute.statusCode).toBe(404);
      expect(errorsOf(noRoute, format)).toEqual([{ code: '404', description: 'No such resource.' }]);
      const huge = await post(format, validRequest({ description: 'x'.repeat(1_100_000) }));
      expect(huge.statusCode).toBe(400);
      expect(errorsOf(huge, format)[0]?.code).toBe('400');
      const jurisdiction = await get(`${BASE}/services.${format}?jurisdiction_id=elsewhere.example`);
      expect(jurisdiction.statusCode).toBe(404);
      expect(errorsOf(jurisdiction, format)[0]?.code).toBe('jurisdiction_id');
      expect((await get(`${BASE}/services.${format}?jurisdiction_id=plaza.test`)).statusCode).toBe(200);
    });
  });

  it.each(FORMATS)('writes service_notice and discovery texts in the request language (%s)', async (format) => {
    const catalan = await post(format, validRequest({ locale: 'ca' }));
    expect(catalan.statusCode).toBe(200);
    expect(catalan.headers['content-language']).toBe('ca');
    const [created] = requestsOf(catalan, format);
    expect(created.service_notice).toMatch(/^L’avís ja és públic\. .+ atén aquest tipus d’avisos en un termini objectiu de 5 dies\.$/);
    const [fetched] = requestsOf(await get(`${BASE}/requests/${created.service_request_id}.${format}?lang=ca`), format);
    expect(fetched.service_notice).toMatch(/atén aquest tipus d’avisos en un termini objectiu de 5 dies\.$/);
    const [inGalician] = requestsOf(await get(`${BASE}/requests/${created.service_request_id}.${format}`, { 'accept-language': 'gl' }), format);
    expect(inGalician.service_notice).toMatch(/atende este tipo de avisos nun prazo obxectivo de 5 días\.$/);

    const moderated = await post(format, validRequest({ service_code: 'pintada', description: 'Pintadas en la fachada del mercado.', lang: 'gl' }));
    expect(requestsOf(moderated, format)[0].service_notice).toMatch(/^O aviso publicarase cando o revise o equipo de moderación\./);

    const basque = await get(`${BASE}/discovery.${format}`, { 'accept-language': 'eu-ES,eu;q=0.9' });
    expect(basque.headers['content-language']).toBe('eu');
    expect(String(basque.headers['vary'])).toMatch(/accept-language/i);
    const discovery = format === 'json' ? read(basque, format) : read(basque, format).discovery;
    expect(discovery.key_service).toContain('Plazaren kontsolan');
    expect(discovery.contact).toBe('Zerbitzuaren informazioa eta harremanetarako datuak: http://plaza.test/');
  });

  it('keeps only a hash of each key, and a revoked key stops working at once', async () => {
    const clients = t.app.get(ApiClientsService);
    const { client, key } = await clients.create({
      name: 'Revocable app',
      contactEmail: 'Ops@Revocable.example',
    });
    expect(client).toMatchObject({
      name: 'Revocable app',
      contactEmail: 'ops@revocable.example',
      active: true,
      lastUsedAt: null,
    });
    const [stored] = await db.query(`SELECT key_hash FROM api_clients WHERE id = $1`, [client.id]);
    expect(stored.key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(await db.query(`SELECT * FROM api_clients`))).not.toContain(key);
    expect((await post('json', validRequest({ api_key: key }))).statusCode).toBe(200);
    expect((await clients.list()).find((c) => c.id === client.id)?.lastUsedAt).toMatch(W3C);
    await clients.setActive(client.id, false);
    expect((await post('json', validRequest({ api_key: key }))).statusCode).toBe(403);
    await expect(clients.create({ name: 'revocable APP', contactEmail: 'x@example.org' })).rejects.toThrow(
      /already/,
    );
    await expect(clients.create({ name: '', contactEmail: 'nope' })).rejects.toThrow();
  });

  it('accepts the demo key once the demo seed has registered it; its reporters confirm by email', async () => {
    expect((await post('xml', validRequest({ api_key: DEMO_OPEN311_KEY }))).statusCode).toBe(403);
    expect(await db.transaction((manager) => seedDemoOpen311Client(manager))).toBe(true);
    expect(await db.transaction((manager) => seedDemoOpen311Client(manager))).toBe(false);
    const res = await post('xml', validRequest({ api_key: DEMO_OPEN311_KEY }));
    expect(res.statusCode).toBe(200);
    // The demo key is public: it must not let anyone skip the confirmation of the reporter's email.
    const [created] = requestsOf(res, 'xml');
    expect(created.service_request_id).toBeUndefined();
    expect(created.token).toBe(res.headers['open311-token']);
    const [row] = await db.query(
      `SELECT r.source FROM reports r JOIN open311_submissions s ON s.report_id = r.id WHERE s.token = $1`,
      [created.token],
    );
    expect(row.source).toBe('open311:Demo Open311 client');
  });

  it('asks reporters of clients that do not verify them to confirm by email, answering a token until then', async () => {
    const { key } = await t.app
      .get(ApiClientsService)
      .create({ name: 'Kiosk app', contactEmail: 'kiosk@client.example' });
    const [verifies] = await db.query(`SELECT verifies_reporters FROM api_clients WHERE name = 'Kiosk app'`);
    expect(verifies.verifies_reporters).toBe(false); // the default
    const email = 'kiosk.reporter@example.org';
    const res = await post('json', validRequest({ api_key: key, email }));
    expect(res.statusCode).toBe(200);
    const token = res.headers['open311-token'];
    const [answer] = requestsOf(res, 'json');
    expect(answer).toEqual({ token, service_notice: expect.stringMatching(/confirmación/), account_id: 'acct-9' });
    expect(Object.keys(answer)).not.toContain('service_request_id');
    // The spec's deferred answer: the token resolves to no id yet, and the request is nowhere.
    const pending = requestsOf(await get(`${BASE}/tokens/${token}.json`), 'json');
    expect(pending).toEqual([{ service_request_id: null, token }]);
    const [{ ref }] = await db.query(
      `SELECT r.ref FROM reports r JOIN open311_submissions s ON s.report_id = r.id WHERE s.token = $1`,
      [token],
    );
    expect((await get(`${BASE}/requests/${ref}.json`)).statusCode).toBe(404);
    const listed = requestsOf(await get(`${BASE}/requests.json?service_code=farola`), 'json');
    expect(listed.map((r) => r.service_request_id)).not.toContain(ref);

    // The reporter gets the same mail as on the map, in the request's language.
    const [mail] = await db.query(`SELECT subject, locale FROM mail_messages WHERE to_address = $1`, [email]);
    expect(mail).toEqual({ subject: `Confirma tu aviso ${ref}`, locale: 'es' });
    expect((await confirmReport(t, await confirmationTokenFor(t, ref))).statusCode).toBe(200);

    expect(requestsOf(await get(`${BASE}/tokens/${token}.json`), 'json')).toEqual([{ service_request_id: ref, token }]);
    expect((await get(`${BASE}/requests/${ref}.json`)).statusCode).toBe(200);
  });

  it('answers an unknown format with a 404 in XML, the required format', async () => {
    const res = await get(`${BASE}/services.html`);
    expect(res.statusCode).toBe(404);
    expect(errorsOf(res, 'xml')[0]?.description).toMatch(/Unknown format "html"/);
  });

  it('filters GET requests by date window (90 days by default), status, service_code and id', async () => {
    const recent = await fileReport(SOL, 'bache');
    const old = await fileReport(RETIRO, 'acera');
    const closed = await fileReport(RETIRO, 'bache');
    await backdate(recent, 10);
    await backdate(old, 120);
    await changeStatus(closed, 'fixed', 'Bache reparado por la brigada.');
    const refs = async (query: string, format: Format = 'json') => {
      const res = await get(`${BASE}/requests.${format}${query}`);
      expect(res.statusCode).toBe(200);
      return requestsOf(res, format).map((r) => r.service_request_id as string);
    };

    for (const format of FORMATS) {
      const all = await refs('', format);
      expect(all).toEqual(expect.arrayContaining([recent, closed]));
      expect(all).not.toContain(old);
    }
    expect(await refs(`?start_date=${isoDaysAgo(130)}&end_date=${isoDaysAgo(100)}`)).toEqual([old]);
    expect(await refs(`?end_date=${isoDaysAgo(100)}`)).toEqual([old]);
    expect(await refs(`?start_date=${isoDaysAgo(15)}&end_date=${isoDaysAgo(5)}`)).toEqual([recent]);
    expect(await refs('?status=closed')).toEqual([closed]);
    expect(await refs('?status=open')).toEqual(expect.arrayContaining([recent]));
    expect(await refs('?status=open')).not.toContain(closed);
    expect(await refs('?service_code=acera,farola')).not.toEqual(expect.arrayContaining([recent]));
    expect(await refs(`?service_request_id=${old},${closed}&status=open`)).toEqual(
      expect.arrayContaining([old, closed]),
    );

    const [detail] = requestsOf(await get(`${BASE}/requests/${closed}.xml`), 'xml');
    expect(detail).toMatchObject({ status: 'closed', status_notes: 'Bache reparado por la brigada.' });
    expect(detail.media_url).toBe('');

    for (const bad of [
      '?status=pending',
      `?start_date=${isoDaysAgo(200)}&end_date=${isoDaysAgo(1)}`,
      '?start_date=yesterday',
    ]) {
      const res = await get(`${BASE}/requests.xml${bad}`);
      expect({ bad, status: res.statusCode }).toEqual({ bad, status: 400 });
      expect(errorsOf(res, 'xml')).toHaveLength(1);
    }

    const hidden = await fileReport(SOL, 'bache');
    await changeStatus(hidden, 'hidden', 'Oculto por moderación');
    expect((await get(`${BASE}/requests/${hidden}.json`)).statusCode).toBe(404);
    expect(await refs(`?service_request_id=${hidden}`)).toEqual([]);
  });

  it('follows the case: a status change in the console shows in GET requests and servicerequestupdates', async () => {
    const created = requestsOf(await post('json', validRequest()), 'json')[0].service_request_id as string;
    await changeStatus(created, 'in_progress', 'Brigada avisada.');
    await changeStatus(created, 'fixed', 'Farola reparada.');
    const [request] = requestsOf(await get(`${BASE}/requests/${created}.json`), 'json');
    expect(request).toMatchObject({ status: 'closed', status_notes: 'Farola reparada.' });

    for (const format of FORMATS) {
      const res = await get(`${BASE}/servicerequestupdates.${format}?start_date=${isoDaysAgo(1)}`);
      expect(res.statusCode).toBe(200);
      const doc = read(res, format);
      const updates = (format === 'json' ? doc : doc.service_requests_updates.request_update) as Record<
        string,
        string
      >[];
      const mine = updates.filter((u) => u.service_request_id === created);
      // Only what changed after filing: the filing itself is not a council update (issue 16 item 12).
      expect(mine.map((u) => [u.status, u.description])).toEqual([
        ['open', 'Brigada avisada.'],
        ['closed', 'Farola reparada.'],
      ]);
      for (const update of mine) {
        expect(update.update_id).toMatch(/^\d+$/);
        expect(update.updated_datetime).toMatch(W3C);
        expect(update.media_url).toBe('');
      }
      if (format === 'xml') {
        expect(childNames(res.body, 'request_update')).toEqual([
          'update_id',
          'service_request_id',
          'status',
          'updated_datetime',
          'description',
          'media_url',
        ]);
        expect(res.body).not.toContain('Rosa');
      }
    }
    // A change without a message is described by the new status's public name, in the client's language.
    await changeStatus(created, 'investigating', '');
    await db.query(`UPDATE report_events SET message = NULL WHERE message = ''`);
    for (const format of FORMATS) {
      const english = await get(`${BASE}/servicerequestupdates.${format}?start_date=${isoDaysAgo(1)}&lang=en`);
      expect(english.body).toContain('Investigating');
    }
    const before = requestsOf(
      await get(`${BASE}/servicerequestupdates.json?end_date=${isoDaysAgo(2)}`),
      'json',
    );
    expect(before.map((u) => u.service_request_id)).not.toContain(created);
    const bad = await get(
      `${BASE}/servicerequestupdates.json?start_date=2020-01-01T00:00:00Z&end_date=2026-01-01T00:00:00Z`,
    );
    expect(bad.statusCode).toBe(400);
  });

  describe("with FixMyStreet's parameter shapes (perllib/Open311.pm)", () => {
    /** The form FixMyStreet's client posts: its own attributes beside the spec's fields. */
    const fixMyStreetPost = (overrides: Record<string, string> = {}) => {
      const body = new URLSearchParams({
        ...validRequest({ media_url: 'https://www.fixmystreet.com/photo/123.0.full.jpeg' }),
        'attribute[title]': 'Farola apagada en Sol',
        'attribute[description]': 'Tres noches sin luz.',
        'attribute[external_id]': '123',
        'attribute[easting]': '440000',
        'attribute[report_url]': 'https://www.fixmystreet.com/report/123',
        'attribute[fixmystreet_id]': '123',
        ...overrides,
      });
      // A multivaluelist attribute: the same key repeated.
      body.append('attribute[hazards][]', 'traffic');
      body.append('attribute[hazards][]', 'darkness');
      return t.inject({
        method: 'POST',
        url: `${BASE}/requests.xml`,
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
        payload: body.toString(),
      });
    };

    it('keeps attribute[...] values and media_url for staff, shown in the case view, never published', async () => {
      const res = await fixMyStreetPost();
      expect(res.statusCode).toBe(200);
      const ref = requestsOf(res, 'xml')[0].service_request_id as string;
      await seedAccounts(t);
      const manager = await signIn(t, DEMO.manager);
      const detail = await t.inject({ method: 'GET', url: `/api/v1/staff/cases/${ref}`, headers: withSession(manager) });
      expect(detail.statusCode).toBe(200);
      expect(detail.json().open311).toEqual({
        client: 'Test client',
        mediaUrl: 'https://www.fixmystreet.com/photo/123.0.full.jpeg',
        deviceId: 'device-123',
        accountId: 'acct-9',
        attributes: expect.arrayContaining([
          { code: 'title', value: 'Farola apagada en Sol' },
          { code: 'report_url', value: 'https://www.fixmystreet.com/report/123' },
          { code: 'fixmystreet_id', value: '123' },
          { code: 'hazards', value: 'traffic, darkness' },
        ]),
      });
      expect(detail.json().open311.attributes).toHaveLength(7);
      const one = await get(`${BASE}/requests/${ref}.json`);
      expect(one.body).not.toContain('fixmystreet.com');
      // A report from the map has no Open311 submission.
      const mapRef = await fileReport(SOL, 'bache');
      const mapDetail = await t.inject({ method: 'GET', url: `/api/v1/staff/cases/${mapRef}`, headers: withSession(manager) });
      expect(mapDetail.json().open311).toBeNull();

      const tooLong = await fixMyStreetPost({ 'attribute[title]': 'x'.repeat(1001) });
      expect(tooLong.statusCode).toBe(400);
      expect(errorsOf(tooLong, 'xml')).toEqual([{ code: 'attribute[title]', description: expect.stringContaining('1000') }]);
    });

    it("serves the report's visible photo as media_url, and nothing once it is hidden", async () => {
      const ref = await fileReport(SOL, 'farola');
      await db.query(
        `INSERT INTO report_photos (report_id, position, storage_key, thumbnail_key, width, height, bytes)
         SELECT id, 0, 'photos/abc.jpg', 'photos/abc-thumb.jpg', 800, 600, 1000 FROM reports WHERE ref = $1`,
        [ref],
      );
      for (const format of FORMATS) {
        const [request] = requestsOf(await get(`${BASE}/requests/${ref}.${format}`), format);
        expect(request.media_url).toBe('http://plaza.test/api/v1/media/photos/abc.jpg');
      }
      await db.query(`UPDATE report_photos SET hidden = true WHERE storage_key = 'photos/abc.jpg'`);
      const [hidden] = requestsOf(await get(`${BASE}/requests/${ref}.json`), 'json');
      expect(hidden.media_url).toBeNull();
    });

    it('answers extended statuses when asked with extended_statuses=true, open/closed otherwise', async () => {
      const ref = await fileReport(SOL, 'farola');
      await changeStatus(ref, 'not_responsible', 'No es competencia municipal.');
      const status = async (url: string, format: Format) => {
        const res = await get(url);
        expect(res.statusCode).toBe(200);
        return format === 'json' ? res.json() : read(res, 'xml');
      };
      for (const format of FORMATS) {
        const plain = await status(`${BASE}/requests/${ref}.${format}`, format);
        const extended = await status(`${BASE}/requests/${ref}.${format}?extended_statuses=true`, format);
        const one = (doc: ReturnType<typeof read>) => (format === 'json' ? doc[0] : doc.service_requests.request[0]);
        expect(one(plain).status).toBe('closed');
        expect(one(extended).status).toBe('not_councils_responsibility');

        const updatesDoc = await status(
          `${BASE}/servicerequestupdates.${format}?start_date=${isoDaysAgo(1)}&extended_statuses=true&jurisdiction_id=plaza.test`,
          format,
        );
        const updates = (format === 'json' ? updatesDoc : updatesDoc.service_requests_updates.request_update) as Record<string, string>[];
        expect(updates.filter((u) => u.service_request_id === ref).map((u) => u.status)).toEqual(['not_councils_responsibility']);
      }
      await changeStatus(ref, 'in_progress', 'Lo revisamos de nuevo.');
      const list = requestsOf(await get(`${BASE}/requests.json?service_request_id=${ref}&extended_statuses=1`), 'json');
      expect(list[0].status).toBe('in_progress');
      const bad = await get(`${BASE}/requests.xml?extended_statuses=maybe`);
      expect(bad.statusCode).toBe(400);
      expect(errorsOf(bad, 'xml')[0]?.code).toBe('extended_statuses');
    });
  });

  it('returns at most 1000 requests, newest first', async () => {
    await db.query(
      `INSERT INTO reports (title, description, category_id, location, area_id, department_id, status,
                            reporter_name, reporter_email, consent_at, created_at, updated_at)
       SELECT 'Aviso ' || n, 'Descripción ' || n, c.id, ST_SetSRID(ST_MakePoint(-3.7035, 40.4169), 4326), a.id,
              c.default_department_id, 'confirmed', 'Vecina', 'v@example.org', now(),
              now() - make_interval(mins => n), now() - make_interval(mins => n)
         FROM generate_series(1, 1005) n, categories c, areas a WHERE c.code = 'limpieza' AND a.code = '01'`,
    );
    const list = requestsOf(await get(`${BASE}/requests.json?service_code=limpieza`), 'json');
    expect(list).toHaveLength(1000);
    const times = list.map((r) => Date.parse(r.requested_datetime));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });
});

function isoDaysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
