import { connect } from 'node:net';
import { createTestApp, type TestApp, type TestResponse } from './create-test-app';

/** Every refusal is a problem+json client error, never a 500 and never Fastify's own JSON. */
function expectProblem(response: TestResponse, status: number, code?: string): void {
  expect({ status: response.statusCode, type: response.headers['content-type'] }).toEqual({
    status,
    type: expect.stringContaining('application/problem+json'),
  });
  if (code) expect(response.json().code).toBe(code);
}

const deepObject = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

/** A raw request, for what fetch refuses to send (oversized headers). */
function rawRequest(port: number, head: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(head));
    let data = '';
    socket.on('data', (chunk) => (data += chunk.toString('utf8')));
    socket.on('close', () => resolve(data));
    socket.on('error', reject);
  });
}

describe('input hygiene: bad input is a problem+json 4xx, never a 500 (integration)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses NUL in a JSON body with 422 naming the field, before it reaches PostgreSQL', async () => {
    const login = await t.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'vecina\u0000@demo.plaza.test', password: 'demo-plaza-2026' },
    });
    expectProblem(login, 422, 'REQUEST.VALIDATION');
    expect(login.json().errors).toEqual([expect.objectContaining({ field: 'email', code: 'invalid_character' })]);

    const report = await t.inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: {
        category: 'bache',
        title: 'Bache',
        description: 'Profundo',
        lat: 40.4169,
        lon: -3.7035,
        reporter: { name: 'Ana\u0000', email: 'ana@example.org', showName: false },
        consent: true,
      },
    });
    expectProblem(report, 422);
    expect(report.json().errors[0].field).toBe('reporter.name');
  });

  it('refuses other control characters and lone surrogates, but keeps tabs, newlines and emoji', async () => {
    for (const bad of ['\u0007', '\u001b[31m', '\ud800', 'x\udc00']) {
      const response = await t.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        // JSON.stringify writes a lone surrogate as a \ud800 escape, which JSON.parse turns back into one.
        payload: { email: `a${bad}@example.org`, password: 'demo-plaza-2026' },
      });
      expectProblem(response, 422);
    }
    const clean = await t.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'a😀\t@example.org', password: 'demo-plaza-2026\n' },
    });
    expect(clean.statusCode).not.toBe(422);
    expect(clean.statusCode).toBeLessThan(500);
  });

  it('refuses NUL in the query with 422 and in the path with 400, naming the parameter', async () => {
    const query = await t.inject({ method: 'GET', url: '/api/v1/reports?bbox=-3.71,40.41,-3.70,40.42&q=%00' });
    expectProblem(query, 422);
    expect(query.json().errors[0]).toMatchObject({ field: 'q', code: 'invalid_character' });

    const path = await t.inject({ method: 'GET', url: '/api/v1/reports/%00' });
    expectProblem(path, 400, 'REQUEST.INVALID_PATH');
    expect(path.json().errors[0]).toMatchObject({ field: 'ref', code: 'invalid_character' });

    const feed = await t.inject({ method: 'GET', url: '/feeds/reports.atom?category=%00' });
    expect(feed.statusCode).toBeGreaterThanOrEqual(400);
    expect(feed.statusCode).toBeLessThan(500);
  });

  it('refuses JSON nested deeper than 32 levels with 400 before validation, on every JSON route', async () => {
    for (const url of ['/api/v1/auth/login', '/api/v1/reports', '/api/v1/alerts']) {
      const response = await t.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/json' },
        payload: `{"email":${deepObject(10_000)}}`,
      });
      expectProblem(response, 400, 'REQUEST.TOO_DEEP');
    }
    // 32 levels is still parsed and validated (a 422 for the wrong type, not a refusal of the body).
    const shallow = await t.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: `{"email":${deepObject(30)}}`,
    });
    expectProblem(shallow, 422);
  });

  it('answers multipart without a boundary, with a bogus one or cut short with 400', async () => {
    const cases: Array<[string, string]> = [
      ['multipart/form-data', 'title=x'],
      ['multipart/form-data; boundary=', '--\r\n'],
      [`multipart/form-data; boundary=${'b'.repeat(300)}`, '--x\r\n'],
      ['multipart/form-data; boundary=zzz', 'no boundary anywhere in here'],
      ['multipart/form-data; boundary=zzz', '--zzz\r\nContent-Disposition: form-data; name="title"\r\n\r\nBache'],
    ];
    for (const [contentType, body] of cases) {
      const response = await t.inject({ method: 'POST', url: '/api/v1/reports', headers: { 'content-type': contentType }, payload: body });
      expectProblem(response, 400, 'REQUEST.MALFORMED_MULTIPART');
    }
  });

  it('maps the router and HTTP parser refusals to problem+json (414, 400, 431)', async () => {
    const longParam = await t.inject({ method: 'GET', url: `/api/v1/reports/${'a'.repeat(2000)}` });
    expectProblem(longParam, 414, 'REQUEST.URI_TOO_LONG');

    const badUrl = await t.inject({ method: 'GET', url: '/api/v1/reports/%E0%A4%A' });
    expectProblem(badUrl, 400, 'REQUEST.BAD_URL');

    const port = Number(new URL(t.baseUrl).port);
    const raw = await rawRequest(port, `GET /api/v1/areas HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(raw).toMatch(/^HTTP\/1\.1 431 /);
    expect(raw).toMatch(/content-type: application\/problem\+json/i);
    expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toMatchObject({ status: 431, code: 'REQUEST.HEADERS_TOO_LARGE' });
  });

  it('answers unknown routes with a 404 problem', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/no-such-thing'],
      ['POST', '/nothing/here'],
      ['DELETE', '/api/v1/reports'],
    ] as const) {
      const response = await t.inject({ method, url });
      expect(response.statusCode).toBeGreaterThanOrEqual(404);
      expect(response.statusCode).toBeLessThan(500);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });
});
