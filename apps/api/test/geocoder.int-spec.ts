// The place search with an address service (GEOCODER_URL, Nominatim dialect) started by the test:
// addresses come from the service, bounded to the city, in the page's language, cached; the
// districts and past addresses answer when the service is slow or down; the pin's address comes
// from /places/reverse. Nothing about the visitor is sent.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from './create-test-app';
import { startFakeGeocoder, type FakeGeocoder } from './fake-geocoder-server';

describe('place search with an address service', () => {
  let t: TestApp;
  let geocoder: FakeGeocoder;

  beforeAll(async () => {
    geocoder = await startFakeGeocoder();
    t = await createTestApp({ GEOCODER_URL: `${geocoder.url}/`, GEOCODER_TIMEOUT_MS: '800' });
  });

  afterAll(async () => {
    await t?.close();
    await geocoder?.close();
  });

  const search = (q: string, lang = 'es', headers: Record<string, string> = {}) =>
    t.inject({ method: 'GET', url: `/api/v1/places?q=${encodeURIComponent(q)}&lang=${lang}`, headers });

  it('finds a street address the local search never knew, inside the city only, with its district', async () => {
    const res = await search('Puerta del Sol', 'en', { cookie: 'plaza_session=secret-cookie', 'x-forwarded-for': '203.0.113.9' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([{ kind: 'address', name: 'Puerta del Sol, 1', area: 'Centro', lat: 40.41687, lon: -3.70379, bbox: null }]);

    const [sent] = geocoder.requests.filter((r) => r.path === '/search');
    expect(sent?.params.get('q')).toBe('Puerta del Sol');
    expect(sent?.params.get('accept-language')).toBe('en');
    expect(sent?.params.get('bounded')).toBe('1');
    // Madrid's box, as Nominatim wants it: west, north, east, south.
    const [west, north, east, south] = (sent?.params.get('viewbox') ?? '').split(',').map(Number);
    expect(west).toBeLessThan(-3.7);
    expect(east).toBeGreaterThan(-3.7);
    expect(north).toBeGreaterThan(40.4);
    expect(south).toBeLessThan(40.4);
    // Nothing about who asked goes to the service.
    expect(sent?.headers['cookie']).toBeUndefined();
    expect(JSON.stringify(sent?.headers)).not.toContain('203.0.113.9');
    expect(JSON.stringify(sent?.headers)).not.toContain('secret-cookie');
  });

  it('drops results outside the city even when the service returns them', async () => {
    const res = await search('Calle Mayor');
    expect(res.json().map((p: { name: string; area: string | null }) => [p.name, p.area])).toEqual([['Calle Mayor, 12', 'Centro']]);
  });

  it('asks the service once for the same search (cached)', async () => {
    const before = geocoder.requests.length;
    expect((await search('Calle Mayor')).statusCode).toBe(200);
    expect((await search('calle mayor ')).statusCode).toBe(200);
    expect(geocoder.requests.length).toBe(before);
  });

  it('keeps districts in the answer and falls back to the local search when the service is slow or down', async () => {
    const districts = await search('Retiro');
    expect(districts.json()[0]).toMatchObject({ kind: 'area', name: 'Retiro' });

    for (const mode of ['slow', 'error'] as const) {
      geocoder.misbehave(mode);
      const started = Date.now();
      const res = await search(`Chamberí ${mode}`.slice(0, 8));
      expect(res.statusCode).toBe(200);
      expect(res.json()[0]).toMatchObject({ kind: 'area', name: 'Chamberí' });
      // The timeout holds: the form never waits for the slow service.
      expect(Date.now() - started).toBeLessThan(2_500);
    }
    geocoder.misbehave(null);
  });

  it('names the address at the pin (reverse), 204 where the service knows none, 400 on bad input', async () => {
    const found = await t.inject({ method: 'GET', url: '/api/v1/places/reverse?lat=40.4168712&lon=-3.7037904&lang=es' });
    expect(found.statusCode).toBe(200);
    expect(found.json()).toMatchObject({ kind: 'address', name: 'Puerta del Sol, 1', area: 'Centro' });
    const sent = geocoder.requests.filter((r) => r.path === '/reverse').at(-1);
    // Rounded to about a metre before it leaves.
    expect(sent?.params.get('lat')).toBe('40.41687');
    expect(sent?.params.get('lon')).toBe('-3.70379');

    const none = await t.inject({ method: 'GET', url: '/api/v1/places/reverse?lat=40.45&lon=-3.69' });
    expect(none.statusCode).toBe(204);
    const bad = await t.inject({ method: 'GET', url: '/api/v1/places/reverse?lat=north&lon=-3.69' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
  });
});

describe('place search without an address service', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers districts from the local search and no reverse address', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/v1/places?q=Retiro' });
    expect(res.json()[0]).toMatchObject({ kind: 'area', name: 'Retiro' });
    const reverse = await t.inject({ method: 'GET', url: '/api/v1/places/reverse?lat=40.4168&lon=-3.7038' });
    expect(reverse.statusCode).toBe(204);
  });
});
