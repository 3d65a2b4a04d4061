// What goes over the wire (docs/performance.md, transfer): text bodies compressed when the client
// accepts it, ETags and 304 on public cacheable answers, bodies unchanged for a client that asks
// for nothing, and the area layer simplified for drawing.
import { get } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createTestApp, type TestApp } from './create-test-app';
import { fileReport } from './cases-fixtures';

interface RawResponse {
  statusCode: number;
  headers: Record<string, string | string[] | undefined>;
  raw: Buffer;
}

/** A GET as it comes over the wire: fetch() would ask for gzip itself and decompress it. */
function rawGet(baseUrl: string, path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    get(new URL(path, baseUrl), { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ statusCode: res.statusCode ?? 0, headers: res.headers, raw: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

describe('response transfer (integration)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    for (let i = 0; i < 6; i += 1) await fileReport(t, { title: `Acera sucia ${i}` });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('compresses the areas layer, tags it, and answers 304 to a client that has it', async () => {
    const plain = await rawGet(t.baseUrl, '/api/v1/areas');
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['vary']).toContain('accept-encoding');
    const etag = plain.headers['etag'] as string;
    expect(etag).toMatch(/^W\/"/);
    const body = plain.raw.toString('utf8');
    const layer = JSON.parse(body);
    expect(layer.features).toHaveLength(21);
    // Simplified for drawing: five decimals at most.
    expect(JSON.stringify(layer.features[0].geometry.coordinates)).not.toMatch(/\.\d{6,}/);
    expect(plain.raw.length).toBeLessThan(100_000);

    const gz = await rawGet(t.baseUrl, '/api/v1/areas', { 'accept-encoding': 'gzip, deflate' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.raw).toString('utf8')).toBe(body);
    expect(gz.raw.length).toBeLessThan(plain.raw.length / 2);
    expect(gz.headers['etag']).toBe(etag);

    const br = await rawGet(t.baseUrl, '/api/v1/areas', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.raw).toString('utf8')).toBe(body);

    const again = await rawGet(t.baseUrl, '/api/v1/areas', { 'if-none-match': etag, 'accept-encoding': 'br' });
    expect(again.statusCode).toBe(304);
    expect(again.raw.length).toBe(0);
    const stale = await rawGet(t.baseUrl, '/api/v1/areas', { 'if-none-match': 'W/"stale"' });
    expect(stale.statusCode).toBe(200);
  });

  it('compresses the reports GeoJSON when accepted, and sends the same bytes as before otherwise', async () => {
    const url = '/api/v1/reports?bbox=-3.9,40.3,-3.5,40.6&limit=500';
    const plain = await rawGet(t.baseUrl, url);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(plain.raw.toString('utf8')).features.length).toBeGreaterThanOrEqual(6);
    const br = await rawGet(t.baseUrl, url, { 'accept-encoding': 'br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toContain('application/geo+json');
    expect(brotliDecompressSync(br.raw)).toEqual(plain.raw);
    // The viewport list is not a shared cacheable resource: no ETag work on the hot path.
    expect(plain.headers['etag']).toBeUndefined();
  });

  it('leaves small bodies and errors alone', async () => {
    const small = await rawGet(t.baseUrl, '/health/live', { 'accept-encoding': 'br' });
    expect(small.headers['content-encoding']).toBeUndefined();
    const problem = await t.inject({ method: 'GET', url: '/api/v1/reports?bbox=nope', headers: { 'accept-encoding': 'gzip' } });
    expect(problem.statusCode).toBe(400);
    expect(problem.headers['etag']).toBeUndefined();
  });
});
