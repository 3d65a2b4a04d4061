// Statistics benchmark: p50 / p95 latency of the /api/v1/stats endpoints on a seeded database,
// cold (the figures just changed, so the API recomputes the view from the roll-ups) and warm
// (the view is served from memory), plus the size of the roll-ups the cold path reads.
// Prints figures; asserts nothing.
//
//   npm run seed:scale -- --reports 1000000 --database-url postgres://postgres@127.0.0.1:5432/stats_scale_test
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/stats_scale_test npm run bench:stats -- --samples 60
//
// Options: --samples N per endpoint and mode (default 40) · --no-build · --months M (default 12) ·
// --refresh-seconds N (STATS_REFRESH_SECONDS for the API, default 0: every change recomputed at once).
// The API runs the migrations on start, so a database seeded before the roll-ups existed gets
// them backfilled (timed and printed as "start").
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { buildApi, startApi } from './lib/api-process.mjs';

const { values } = parseArgs({
  options: {
    samples: { type: 'string', default: '40' },
    months: { type: 'string', default: '12' },
    'no-build': { type: 'boolean', default: false },
    'refresh-seconds': { type: 'string', default: '0' },
  },
});
const refreshSeconds = values['refresh-seconds'];
const samples = Number(values.samples);
const months = Number(values.months);
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error('bench:stats needs DATABASE_URL: a database filled by `npm run seed:scale`');
  process.exit(2);
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
const ms = (n) => `${n.toFixed(1)} ms`;

if (!values['no-build']) buildApi();
const db = new pg.Client({ connectionString: databaseUrl });
await db.connect();
const started = performance.now();
const api = await startApi({ databaseUrl, env: { STATS_REFRESH_SECONDS: refreshSeconds } });
console.log(`start (migrations included): ${((performance.now() - started) / 1000).toFixed(1)} s`);

try {
  const [{ reports }] = (await db.query(`SELECT count(*)::int AS reports FROM stats_report_facts`)).rows;
  const sizes = (
    await db.query(
      `SELECT 'stats_report_daily' AS t, count(*)::int AS n FROM stats_report_daily
       UNION ALL SELECT 'stats_report_rollup', count(*)::int FROM stats_report_rollup
       UNION ALL SELECT 'stats_report_weekly', count(*)::int FROM stats_report_weekly
       UNION ALL SELECT 'stats_response_rollup', count(*)::int FROM stats_response_rollup`,
    )
  ).rows;
  console.log(`public reports: ${reports.toLocaleString('en')}; ${sizes.map((s) => `${s.t} ${s.n.toLocaleString('en')} rows`).join(', ')}`);

  // The busiest district and department: the largest pages of their kind.
  const [{ area }] = (
    await db.query(`SELECT a.code AS area FROM stats_report_facts f JOIN areas a ON a.id = f.area_id GROUP BY a.code ORDER BY count(*) DESC LIMIT 1`)
  ).rows;
  const [{ department }] = (
    await db.query(
      `SELECT d.code AS department FROM stats_report_facts f JOIN departments d ON d.id = f.department_id GROUP BY d.code ORDER BY count(*) DESC LIMIT 1`,
    )
  ).rows;
  const endpoints = [
    ['city', `/api/v1/stats/city?months=${months}`],
    [`area ${area}`, `/api/v1/stats/areas/${area}?months=${months}`],
    [`department ${department}`, `/api/v1/stats/departments/${department}?months=${months}`],
    ['service', '/api/v1/stats/service'],
  ];

  const time = async (path) => {
    const t0 = performance.now();
    const res = await fetch(`${api.base}${path}`);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
    return performance.now() - t0;
  };

  console.log(`\n${samples} requests per line, one at a time; months=${months}; STATS_REFRESH_SECONDS=${refreshSeconds}`);
  if (refreshSeconds !== '0') console.log('(cold: the first request after a change, answered from the previous view while the new one is computed in the background)');
  console.log('endpoint'.padEnd(28), 'cold p50'.padStart(10), 'cold p95'.padStart(10), 'warm p50'.padStart(10), 'warm p95'.padStart(10));
  for (const [label, path] of endpoints) {
    await time(path); // first call: connections, plans
    const cold = [];
    const warm = [];
    for (let i = 0; i < samples; i += 1) {
      // A change to the figures (what every write does): the next request recomputes the view.
      await db.query(`SELECT nextval('stats_version_seq')`);
      cold.push(await time(path));
      warm.push(await time(path));
    }
    cold.sort((a, b) => a - b);
    warm.sort((a, b) => a - b);
    console.log(
      label.padEnd(28),
      ms(percentile(cold, 0.5)).padStart(10),
      ms(percentile(cold, 0.95)).padStart(10),
      ms(percentile(warm, 0.5)).padStart(10),
      ms(percentile(warm, 0.95)).padStart(10),
    );
  }
  const load = os.loadavg()[0];
  console.log(`\nload average (1 min) at the end: ${load.toFixed(1)}`);
} finally {
  await api.stop();
  await db.end();
}
