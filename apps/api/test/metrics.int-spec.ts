import { createTestApp, type TestApp } from './create-test-app';

const SOL = { lat: 40.4169, lon: -3.7035 }; // Puerta del Sol, Centro
const METRICS_TOKEN = 'scraper-token-0123456789';

/** The value of one sample line (`name{labels} value`), or undefined when absent. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    const labelPart = line.slice(name.length + 1, line.indexOf('}'));
    if (wanted.every((pair) => labelPart.split(',').includes(pair))) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return undefined;
}

describe('Prometheus metrics at /metrics', () => {
  let t: TestApp;

  beforeAll(async () => {
    // A mail server and no delivery worker: the confirmation mail stays pending (without SMTP_URL
    // mail is kept in the database at once), so the backlog gauge has something to show.
    t = await createTestApp({ OUTBOX_WORKER: 'false', SMTP_URL: 'smtp://127.0.0.1:9', METRICS_TOKEN });
  });
  afterAll(() => t?.close());

  const scrape = () => t.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${METRICS_TOKEN}` } });

  it('refuses a scraper without the configured bearer token, as problem+json', async () => {
    for (const authorization of [undefined, 'Bearer wrong-token-0123456789', `Basic ${METRICS_TOKEN}`]) {
      const res = await t.inject({ method: 'GET', url: '/metrics', headers: authorization ? { authorization } : {} });
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('times requests by route template, never by raw URL', async () => {
    await t.inject({ method: 'GET', url: '/api/v1/reports/000001' });
    await t.inject({ method: 'GET', url: '/api/v1/reports/000002' });
    await t.inject({ method: 'GET', url: '/api/v1/areas' });

    const res = await scrape();
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.headers['cache-control']).toBe('no-store');
    const notFoundByRef = sample(res.body, 'plaza_http_request_duration_seconds_count', {
      method: 'GET',
      route: '/api/v1/reports/:ref',
      status_code: '404',
    });
    expect(notFoundByRef).toBe(2);
    expect(sample(res.body, 'plaza_http_request_duration_seconds_count', { route: '/api/v1/areas', status_code: '200' })).toBe(1);
    // One series per template: the report numbers never become labels.
    expect(res.body).not.toContain('000001');
  });

  it('shows the outbox backlog by channel and the age of its oldest message', async () => {
    const filed = await t.inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: {
        category: 'bache',
        title: 'Bache profundo en la calzada',
        description: 'Un bache de medio metro junto al paso de peatones.',
        ...SOL,
        reporter: { name: 'Vecina', email: 'metrics@example.org', showName: false },
        consent: true,
      },
    });
    expect(filed.statusCode).toBe(201);

    const body = (await scrape()).body;
    expect(body).toMatch(/^plaza_database_up 1$/m);
    // A confirmation mail is queued as its template's values (decision 0015).
    expect(sample(body, 'plaza_outbox_messages', { channel: 'templated-email', status: 'pending' })).toBeGreaterThanOrEqual(1);
    expect(sample(body, 'plaza_outbox_oldest_age_seconds', { channel: 'templated-email', status: 'pending' })).toBeGreaterThanOrEqual(0);
  });

  it('counts filings and the statements that carried them, catching up at each scrape', async () => {
    const counted = async () => {
      const body = (await scrape()).body;
      const value = (name: string) => Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(body)?.[1]);
      return { statements: value('plaza_report_filing_statements_total'), filings: value('plaza_report_filings_total'), reruns: value('plaza_report_filing_batch_reruns_total') };
    };
    const before = await counted();
    // Six filings at once from six addresses: they may share statements, never more statements than filings.
    const filed = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        t.inject({
          method: 'POST',
          url: '/api/v1/reports',
          payload: {
            category: 'bache',
            title: `Bache número ${i + 1} en la calzada`,
            description: 'Un bache junto al paso de peatones.',
            ...SOL,
            reporter: { name: 'Vecina', email: `filing-metrics-${i}@example.org`, showName: false },
            consent: true,
          },
        }),
      ),
    );
    expect(filed.map((res) => res.statusCode)).toEqual(Array(6).fill(201));
    const after = await counted();
    expect(after.filings - before.filings).toBe(6);
    expect(after.statements - before.statements).toBeGreaterThanOrEqual(1);
    expect(after.statements - before.statements).toBeLessThanOrEqual(6);
    expect(after.reruns - before.reruns).toBe(0);
    // A second scrape with nothing new counts nothing twice.
    expect(await counted()).toEqual(after);
  });

  it('reports the database pool and the process', async () => {
    const body = (await scrape()).body;
    expect(sample(body, 'plaza_db_pool_connections', { state: 'total' })).toBeGreaterThanOrEqual(1);
    expect(sample(body, 'plaza_db_pool_connections', { state: 'idle' })).toBeGreaterThanOrEqual(0);
    expect(sample(body, 'plaza_db_pool_connections', { state: 'waiting' })).toBeGreaterThanOrEqual(0);
    expect(body).toMatch(/^plaza_process_resident_memory_bytes \d+/m);
  });

  it('is left out of the public API documentation', async () => {
    const openapi = (await t.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(openapi.paths)).not.toContain('/metrics');
  });
});
