// Local alerts benchmark: how the instant-alert matcher scales with the number of subscriptions,
// and what filing a report costs when it alerts many people. Prints figures; asserts nothing.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:alerts -- --subscriptions 200000
//
// Needs a real PostgreSQL (a scratch database `bench_alerts` is created and dropped). Subscriptions
// are split evenly between the three scopes: a district, a category, and a point in the city with
// a radius from 100 m to 5 km; nine in ten confirmed and instant.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { workspaceRoot } from '../scripts/swc-options.mjs';

const { values } = parseArgs({
  options: {
    subscriptions: { type: 'string', default: '100000' },
    samples: { type: 'string', default: '200' },
    'no-build': { type: 'boolean', default: false },
  },
});
const count = Number(values.subscriptions);
const samples = Number(values.samples);
if (!process.env.DATABASE_URL) {
  console.error('bench:alerts needs DATABASE_URL (a real PostgreSQL server)');
  process.exit(2);
}

if (!values['no-build']) {
  const result = spawnSync(process.execPath, ['infra/scripts/build-api.mjs'], {
    cwd: workspaceRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
const { matchingSubscriptions } = await import(
  path.join(workspaceRoot, 'dist/api/libs/api/alerts/src/alert-matching.js')
);

const freePort = () =>
  new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

async function withClient(url, run) {
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

const stats = (numbers) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `median ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms, max ${sorted.at(-1).toFixed(2)} ms`;
};

const benchUrl = new URL(process.env.DATABASE_URL);
benchUrl.pathname = '/bench_alerts';
await withClient(process.env.DATABASE_URL, async (c) => {
  await c.query('DROP DATABASE IF EXISTS bench_alerts WITH (FORCE)');
  await c.query('CREATE DATABASE bench_alerts');
});

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const dataDir = await mkdtemp(path.join(tmpdir(), 'plaza-bench-alerts-'));
const env = {
  ...process.env,
  PORT: String(port),
  HOST: '127.0.0.1',
  PUBLIC_URL: base,
  DEMO_DATA: 'true',
  LOG_LEVEL: 'warn',
  DATA_DIR: dataDir,
  NODE_ENV: 'test',
  DATABASE_URL: benchUrl.toString(),
  ALERT_DIGEST_WORKER: 'off',
  OUTBOX_WORKER: 'off',
};
const api = spawn(process.execPath, ['dist/api/apps/api/src/main.js'], {
  cwd: workspaceRoot,
  env,
  stdio: ['ignore', 'ignore', 'inherit'],
});
try {
  for (let i = 0; ; i += 1) {
    if (api.exitCode !== null) throw new Error(`the API exited with ${api.exitCode}`);
    if (i > 480) throw new Error('the API did not become ready');
    const ok = await fetch(`${base}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 500));
  }

  await withClient(benchUrl, async (c) => {
    const started = Date.now();
    await c.query(
      `INSERT INTO alert_subscriptions (email, locale, scope, frequency, area_id, category_id, point, radius_m,
                                        confirmed_at, confirmation_token_hash)
       SELECT 'bench' || n || '@example.org', 'es', scope, CASE WHEN n % 10 = 9 THEN 'daily' ELSE 'instant' END,
              CASE WHEN scope = 'area' THEN (SELECT id FROM areas ORDER BY code OFFSET n % 21 LIMIT 1) END,
              CASE WHEN scope = 'category' THEN (SELECT id FROM categories ORDER BY code OFFSET n % 13 LIMIT 1) END,
              CASE WHEN scope = 'radius'
                   THEN ST_SetSRID(ST_MakePoint(-3.80 + random() * 0.22, 40.35 + random() * 0.18), 4326)::geography END,
              CASE WHEN scope = 'radius' THEN (ARRAY[100, 250, 500, 1000, 2000, 5000])[1 + n % 6] END,
              CASE WHEN n % 10 <> 8 THEN now() END,
              md5(n::text || random()::text)
         FROM (SELECT n, (ARRAY['area', 'category', 'radius'])[1 + n % 3] AS scope FROM generate_series(1, $1) n) g`,
      [count],
    );
    await c.query('ANALYZE alert_subscriptions');
    console.log(`${count} subscriptions written in ${Date.now() - started} ms`);

    // Reports to match: public ones from the demo city, each a different place, area and category.
    const reports = (
      await c.query(
        `SELECT id::text AS "reportId", area_id AS "areaId", category_id AS "categoryId" FROM reports LIMIT $1`,
        [samples],
      )
    ).rows;
    const manager = { query: (text, params) => c.query(text, params).then((r) => r.rows) };
    // What the publishing transaction runs: the first batch of INSTANT_BATCH (100) subscribers.
    const firstBatch = [];
    const all = [];
    let matched = 0;
    for (const report of reports) {
      let t0 = performance.now();
      await matchingSubscriptions(manager, report, 'instant', { after: null, limit: 100 });
      firstBatch.push(performance.now() - t0);
      t0 = performance.now();
      matched += (await matchingSubscriptions(manager, report, 'instant', { after: null, limit: 1_000_000 }))
        .length;
      all.push(performance.now() - t0);
    }
    console.log(`matcher, first batch of 100, over ${reports.length} reports: ${stats(firstBatch)}`);
    console.log(
      `matcher, every match at once: ${stats(all)}; ${Math.round(matched / reports.length)} subscribers matched per report on average`,
    );

    const plan = await c.query(
      `EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON)
       WITH r AS (SELECT location::geography AS g FROM reports WHERE id = $1)
       SELECT s.id FROM alert_subscriptions s, r
        WHERE s.scope = 'radius' AND s.confirmed_at IS NOT NULL AND s.unsubscribed_at IS NULL
          AND ST_DWithin(s.point, r.g, 5000) AND ST_DWithin(s.point, r.g, s.radius_m)`,
      [reports[0].reportId],
    );
    const lines = plan.rows.map((r) => r['QUERY PLAN']);
    console.log(
      `radius arm plan: ${lines.some((l) => l.includes('alert_subscriptions_point_gist')) ? 'GiST index scan (alert_subscriptions_point_gist)' : 'NO INDEX'}; ${lines.at(-1)}`,
    );
  });

  // End to end: filing a report in a district queues one mail per matching subscriber in its transaction.
  const fileTimes = [];
  for (let i = 0; i < 5; i += 1) {
    const t0 = performance.now();
    const response = await fetch(`${base}/api/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({
        category: 'limpieza',
        title: `Aviso de prueba ${i}`,
        description: 'Generado por bench:alerts para medir el envío de alertas.',
        lat: 40.4345 + i * 0.001,
        lon: -3.7038,
        reporter: { name: 'Bench', email: 'bench@example.org', showName: false },
        consent: true,
      }),
    });
    if (response.status !== 201)
      throw new Error(`filing failed: ${response.status} ${await response.text()}`);
    fileTimes.push(performance.now() - t0);
  }
  const queued = await withClient(benchUrl, (c) =>
    c.query(`SELECT count(*) FILTER (WHERE dedupe_key LIKE 'alert:%')::int AS mails,
                    count(*) FILTER (WHERE dedupe_key LIKE 'alert-fanout:%')::int AS continuations FROM outbox_messages`),
  );
  const { mails, continuations } = queued.rows[0];
  console.log(
    `filing a report (HTTP; first batch of alerts queued in its transaction): ${stats(fileTimes)}; ` +
      `${Math.round(mails / 5)} alert mails and ${continuations / 5} continuation queued per report (outbox worker off)`,
  );
} finally {
  api.kill('SIGTERM');
  await new Promise((r) => api.once('exit', r));
  await withClient(process.env.DATABASE_URL, (c) =>
    c.query('DROP DATABASE IF EXISTS bench_alerts WITH (FORCE)'),
  ).catch(() => undefined);
  await rm(dataDir, { recursive: true, force: true });
}
