// Viewport benchmark: how many map reads per second the API serves with a realistic number of
// reports. Needs a real PostgreSQL + PostGIS in DATABASE_URL (a database `bench_plaza` is created
// there and dropped afterwards); the embedded database is single-session and not a production target.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:viewport [-- --reports 200000 --seconds 10]
import { spawn, spawnSync } from 'node:child_process';
import net from 'node:net';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { workspaceRoot } from '../scripts/swc-options.mjs';

const { values } = parseArgs({
  options: {
    reports: { type: 'string', default: '200000' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
  },
});
const reportCount = Number(values.reports);
const seconds = Number(values.seconds);
const connections = Number(values.connections);

if (!process.env.DATABASE_URL) {
  console.error('Set DATABASE_URL to a PostgreSQL server with PostGIS (e.g. postgres://postgres@127.0.0.1:5432/postgres).');
  process.exit(2);
}
const admin = new URL(process.env.DATABASE_URL);
const benchUrl = new URL(process.env.DATABASE_URL);
benchUrl.pathname = '/bench_plaza';

async function sql(url, text, params) {
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await client.query(text, params);
  } finally {
    await client.end();
  }
}

function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitReady(base) {
  for (let i = 0; i < 120; i += 1) {
    try {
      if ((await fetch(`${base}/health/ready`)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('API did not become ready');
}

function bench(title, url, requests) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration: seconds, requests }, (error, result) => {
      if (error) return reject(error);
      console.log(
        `${title.padEnd(38)} ${result.requests.average.toFixed(0).padStart(6)} req/s   ` +
          `p50 ${result.latency.p50} ms   p97.5 ${result.latency.p97_5} ms   p99 ${result.latency.p99} ms   ` +
          `errors ${result.errors + result.non2xx}`,
      );
      resolve(result);
    });
  });
}

spawnSync(process.execPath, ['infra/scripts/build-api.mjs'], { cwd: workspaceRoot, stdio: 'inherit' });
await sql(admin, 'DROP DATABASE IF EXISTS bench_plaza WITH (FORCE)');
await sql(admin, 'CREATE DATABASE bench_plaza');
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const api = spawn(process.execPath, ['dist/api/apps/api/src/main.js'], {
  cwd: workspaceRoot,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, DATABASE_URL: benchUrl.toString(), PORT: String(port), DEMO_DATA: 'true', WEB_ROOT: 'none', LOG_LEVEL: 'warn', PUBLIC_URL: base },
});
try {
  await waitReady(base);
  const started = Date.now();
  // Synthetic reports spread over the city, most of them open, to reach a large city's backlog.
  await sql(
    benchUrl,
    `INSERT INTO reports (title, description, category_id, location, area_id, department_id, status,
                          reporter_name, reporter_email, consent_at, created_at)
     SELECT 'Aviso ' || n, 'Generado para la prueba de carga', c.id, p.geom, a.id, c.default_department_id,
            (ARRAY['confirmed','investigating','in_progress','fixed','closed'])[1 + n % 5],
            'Bench', 'bench@example.org', now(), now() - make_interval(mins => n::int)
       FROM (SELECT row_number() OVER () AS n, geom
               FROM (SELECT (ST_Dump(ST_GeneratePoints(ST_Union(geom), $1, 7))).geom FROM areas) g) p
       JOIN LATERAL (SELECT id FROM areas WHERE ST_Covers(areas.geom, p.geom) LIMIT 1) a ON true
       JOIN LATERAL (SELECT id, default_department_id FROM categories ORDER BY (id::text || p.n) LIMIT 1) c ON true`,
    [reportCount],
  );
  await sql(benchUrl, 'ANALYZE reports');
  const { rows } = await sql(benchUrl, 'SELECT count(*)::int AS n FROM reports');
  console.log(`\n${rows[0].n} reports in the database (inserted in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  console.log(`${connections} connections, ${seconds} s per scenario\n`);

  // Street-level viewports at random places in central Madrid (≈ 900 m × 700 m).
  const street = Array.from({ length: 200 }, (_, i) => {
    const lon = -3.74 + ((i * 37) % 100) / 1000;
    const lat = 40.39 + ((i * 53) % 70) / 1000;
    return { method: 'GET', path: `/api/v1/reports?bbox=${lon},${lat},${(lon + 0.011).toFixed(4)},${(lat + 0.0065).toFixed(4)}&limit=500` };
  });
  let next = 0;
  await bench('street-level viewport (≤500 features)', base, [{ setupRequest: (req) => ({ ...req, ...street[next++ % street.length] }) }]);
  await bench('whole city, newest 500', `${base}/api/v1/reports?bbox=-3.89,40.31,-3.52,40.64&limit=500`);
  // What the public map asks for when a view holds more than 500 reports (see docs/map.md).
  await bench('whole city, grid clusters (zoom 11)', `${base}/api/v1/reports/clusters?bbox=-3.89,40.31,-3.52,40.64&zoom=11`);
  await bench('district, grid clusters (zoom 14)', `${base}/api/v1/reports/clusters?bbox=-3.72,40.40,-3.68,40.43&zoom=14`);
  await bench('report detail', `${base}/api/v1/reports/${(await (await fetch(`${base}/api/v1/reports?limit=1`)).json()).features[0].id}`);
  await bench('nearby duplicates (150 m)', `${base}/api/v1/reports/nearby?lat=40.4169&lon=-3.7035`);
} finally {
  api.kill('SIGTERM');
  await new Promise((r) => api.once('exit', r));
  await sql(admin, 'DROP DATABASE IF EXISTS bench_plaza WITH (FORCE)');
}
