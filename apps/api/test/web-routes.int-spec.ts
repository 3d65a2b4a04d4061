// Shared links: every page route of the public map answers its page (with its social-preview tags
// where it has them) whatever the Accept header says, as curl and link-preview crawlers send `*/*`
// or nothing; an unknown path answers a 404 page; `/console` without its slash is redirected.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { confirmByMail } from './report-confirmation';
import { createTestApp, type TestApp } from './create-test-app';
import { DEMO, seedAccounts, signIn, withSession } from './sessions';

const MAP_SHELL =
  '<!doctype html>\n<html lang="es">\n  <head>\n    <meta name="description" content="Plaza: avisos de la ciudad en el mapa." />\n    <title>Plaza</title>\n  </head>\n  <body><div id="root"></div></body>\n</html>\n';
const CONSOLE_SHELL = '<!doctype html><html lang="es"><head><title>Plaza · Consola</title></head><body></body></html>';

// What clients send: a browser, curl and most crawlers, and nothing at all.
const ACCEPTS: Array<[string, Record<string, string>]> = [
  ['a browser', { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' }],
  ['curl (*/*)', { accept: '*/*' }],
  ['no Accept', {}],
];

interface Answer {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * A GET that sends exactly these headers, as curl does: fetch() would add `Accept: *∕*` and follow
 * redirects by itself.
 */
function get(baseUrl: string, url: string, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.get(new URL(url, baseUrl), { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          statusCode: response.statusCode ?? 0,
          headers: Object.fromEntries(Object.entries(response.headers).map(([k, v]) => [k, String(v)])),
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    request.on('error', reject);
  });
}

describe('the web routes', () => {
  let t: TestApp;
  let webRoot: string;
  let ref: string;
  let proposalId: number;

  beforeAll(async () => {
    webRoot = await mkdtemp(path.join(os.tmpdir(), 'plaza-web-'));
    await mkdir(path.join(webRoot, 'console'));
    await writeFile(path.join(webRoot, 'index.html'), MAP_SHELL);
    await writeFile(path.join(webRoot, 'console', 'index.html'), CONSOLE_SHELL);
    await writeFile(path.join(webRoot, 'robots.txt'), 'User-agent: *\n');
    t = await createTestApp({ WEB_ROOT: webRoot });
    const created = await t.inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: {
        category: 'farola',
        title: 'Farola apagada en la plaza',
        description: 'No se enciende desde el lunes por la noche.',
        lat: 40.4168,
        lon: -3.7038,
        reporter: { name: 'Vecina', email: 'vecina@example.org', showName: false },
        consent: true,
      },
    });
    expect(created.statusCode).toBe(201);
    ref = created.json().properties.ref;
    await confirmByMail(t, ref);

    await seedAccounts(t);
    const citizen = await signIn(t, DEMO.citizen);
    const proposed = await t.inject({
      method: 'POST',
      url: '/api/v1/proposals',
      headers: withSession(citizen),
      payload: {
        title: 'Bancos a la sombra en la plaza',
        summary: 'Bancos bajo los árboles para descansar en verano.',
        description: 'En verano no hay dónde sentarse a la sombra en toda la plaza.',
        theme: 'movilidad',
        lat: 40.4168,
        lon: -3.7038,
        showName: false,
      },
    });
    expect(proposed.statusCode).toBe(201);
    proposalId = proposed.json().id;
  });

  afterAll(async () => {
    await t?.close();
    await rm(webRoot, { recursive: true, force: true });
  });

  for (const [who, headers] of ACCEPTS) {
    it(`answers a shared report link with its page and preview tags to ${who}`, async () => {
      const res = await get(t.baseUrl, `/reports/${ref}`, headers);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toContain('<meta property="og:title" content="Farola apagada en la plaza" />');
      expect(res.body).toContain(`<meta property="og:url" content="http://plaza.test/reports/${ref}" />`);
      // The answer follows the language asked for, never Accept.
      expect(res.headers['vary']).toMatch(/accept-language/i);
      expect(res.headers['vary'] ?? '').not.toMatch(/(^|,\s*)accept(\s*,|$)/i);
    });

    it(`answers the other map pages with the page to ${who}`, async () => {
      for (const page of ['/alerts', '/proposals', '/proposals/new', '/new', '/account', '/stats', '/stats/areas/01', '/signin', `/reports/${ref}/`]) {
        const res = await get(t.baseUrl, `${page}?lang=es`, headers);
        expect([page, res.statusCode, res.headers['content-type']]).toEqual([page, 200, 'text/html; charset=utf-8']);
        expect(res.body).toContain('<div id="root"></div>');
        expect(res.body).toContain('<meta name="description"');
        expect(res.headers['vary'] ?? '').not.toMatch(/(^|,\s*)accept(\s*,|$)/i);
      }
    });

    it(`answers an unknown path with a 404 page to ${who}`, async () => {
      for (const page of ['/no-such-page', '/reports', '/alerts/nope/deeper', '/wp-login.php']) {
        const res = await get(t.baseUrl, page, headers);
        expect([page, res.statusCode, res.headers['content-type']]).toEqual([page, 404, 'text/html; charset=utf-8']);
        expect(res.body).toContain('<div id="root"></div>');
        expect(res.headers['vary']).toMatch(/accept/i);
      }
    });
  }

  it('answers a shared proposal link with its page and preview tags, and a missing one with a 404 page', async () => {
    for (const [, headers] of ACCEPTS) {
      const res = await get(t.baseUrl, `/proposals/${proposalId}`, headers);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<meta property="og:title" content="Bancos a la sombra en la plaza" />');
      expect(res.body).toContain(`<meta property="og:url" content="http://plaza.test/proposals/${proposalId}" />`);
      expect(res.body).toContain('Bancos bajo los árboles');
    }
    const missing = await get(t.baseUrl, '/proposals/999999', { accept: '*/*' });
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('<div id="root"></div>');
    expect(missing.body).not.toContain('og:title');
  });

  it('writes preview cards in the language asked for, and says which', async () => {
    const report = await get(t.baseUrl, `/reports/${ref}`, { accept: '*/*', 'accept-language': 'eu-ES,eu;q=0.9' });
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-language']).toBe('eu');
    expect(report.body).toContain('<html lang="eu">');
    expect(report.body).toContain('<meta property="og:locale" content="eu_ES" />');
    expect(report.body).toMatch(/<meta property="og:description" content="Irekita · /);

    const city = await get(t.baseUrl, '/stats?lang=gl', { accept: '*/*' });
    expect(city.headers['content-language']).toBe('gl');
    expect(city.body).toContain('<html lang="gl">');
    expect(city.body).toContain('<title>Cifras da cidade · Plaza</title>');
    expect(city.body).toContain('<meta property="og:description" content="Como responde o Concello aos avisos');
    const district = await get(t.baseUrl, '/stats/areas/01', { accept: '*/*', 'accept-language': 'eu' });
    expect(district.body).toContain('<meta property="og:title" content="Centro barrutiko datuak" />');
    const service = await get(t.baseUrl, '/stats/service?lang=ca', { accept: '*/*' });
    expect(service.body).toContain('<title>Estat del servei · Plaza</title>');

    // The bare page (a missing report) carries no text of the server's: it claims no language.
    const missing = await get(t.baseUrl, '/reports/2099-999999', { accept: '*/*', 'accept-language': 'eu' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-language']).toBeUndefined();
  });

  it('answers a report that is not public with a 404 page', async () => {
    const res = await get(t.baseUrl, '/reports/2099-999999', { accept: '*/*' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).not.toContain('og:title');
  });

  it('answers problem+json to a client that asks for JSON only, and on API paths', async () => {
    const unknown = await get(t.baseUrl, '/no-such-page', { accept: 'application/json' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(unknown.headers['vary']).toMatch(/accept/i);
    const api = await get(t.baseUrl, '/api/v1/nothing-here', { accept: 'text/html' });
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('serves files as files', async () => {
    const res = await get(t.baseUrl, '/robots.txt', { accept: '*/*' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('User-agent: *\n');
  });

  it('redirects /console to /console/, keeping the query, and serves the console there', async () => {
    const bare = await get(t.baseUrl, '/console?lang=en', { accept: 'text/html' });
    expect(bare.statusCode).toBe(301);
    expect(bare.headers['location']).toBe('/console/?lang=en');
    const page = await get(t.baseUrl, '/console/inbox', {});
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Plaza · Consola');
  });
});
