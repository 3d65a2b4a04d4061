// Open-data and statistics benchmark: rows/s and the API's memory while it streams a full export,
// the latency of the /api/v1/stats endpoints, and what the statistics triggers cost a write.
// Prints figures; asserts nothing.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:open-data -- --rows 100000
//   (add --heap 96 to cap the API's V8 heap: an export that held its rows would run out of memory)
//
// Needs a real PostgreSQL: a scratch database `bench_open_data_test` is created and dropped. Rows
// are seeded with bulk SQL (triggers off, then plaza_stats_rebuild()), spread over three years,
// every district and category; seven in ten answered publicly, four in ten fixed.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { workspaceRoot } from '../scripts/swc-options.mjs';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    samples: { type: 'string', default: '40' },
    'no-build': { type: 'boolean', default: false },
    /** Cap the API's V8 old space (MB), e.g. 96, to show an export needs no more than that. */
    heap: { type: 'string' },
    /** Leave the scratch database (and stop the API) for EXPLAIN sessions. */
    keep: { type: 'boolean', default: false },
  },
});
const rows = Number(values.rows);
const samples = Number(values.samples);
if (!process.env.DATABASE_URL) {
  console.error('bench:open-data needs DATABASE_URL (a real PostgreSQL server)');
  process.exit(2);
}
const DB = 'bench_open_data_test';

if (!values['no-build']) {
  const result = spawnSync(process.execPath, ['infra/scripts/build-api.mjs'], {
    cwd: workspaceRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

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

const summary = (numbers) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${sorted.at(-1).toFixed(1)} ms`;
};
const mb = (kb) => `${(kb / 1024).toFixed(0)} MB`;

/** Resident memory of a process, from /proc (Linux): current and high-water mark, in kB. */
function memory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
  return { rss: field('VmRSS'), hwm: field('VmHWM') };
}

const benchUrl = new URL(process.env.DATABASE_URL);
benchUrl.pathname = `/${DB}`;
await withClient(process.env.DATABASE_URL, async (c) => {
  await c.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await c.query(`CREATE DATABASE ${DB}`);
});

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const dataDir = await mkdtemp(path.join(tmpdir(), 'plaza-bench-open-data-'));
const heapFlags = values.heap ? [`--max-old-space-size=${Number(values.heap)}`] : [];
const api = spawn(process.execPath, [...heapFlags, 'dist/api/apps/api/src/main.js'], {
  cwd: workspaceRoot,
  env: {
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
  },
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
    // What the triggers cost one write: single-row inserts and status changes, with and without them.
    const insertOne = `
      INSERT INTO reports (title, description, category_id, location, area_id, department_id, status,
                           reporter_name, reporter_email, consent_at)
      SELECT 'Medida', 'Coste de escritura', c.id, ST_SetSRID(ST_MakePoint(-3.70, 40.42), 4326), a.id,
             c.default_department_id, 'confirmed', 'Bench', 'bench@example.org', now()
        FROM categories c, areas a ORDER BY random() LIMIT 1 RETURNING id`;
    const writeCost = async () => {
      const inserts = [];
      const updates = [];
      for (let i = 0; i < 300; i += 1) {
        let t0 = performance.now();
        const { rows: inserted } = await c.query(insertOne);
        inserts.push(performance.now() - t0);
        t0 = performance.now();
        await c.query(`UPDATE reports SET status = 'investigating' WHERE id = $1`, [inserted[0].id]);
        await c.query(
          `INSERT INTO report_events (report_id, actor_kind, to_status, message) VALUES ($1, 'staff', 'investigating', 'Visto')`,
          [inserted[0].id],
        );
        updates.push(performance.now() - t0);
      }
      await c.query(`DELETE FROM reports WHERE title = 'Medida'`);
      return `insert ${summary(inserts)}; answer (status + public event) ${summary(updates)}`;
    };
    console.log(`write path with the statistics triggers:    ${await writeCost()}`);
    await c.query(`ALTER TABLE reports DISABLE TRIGGER reports_stats`);
    await c.query(`ALTER TABLE report_events DISABLE TRIGGER report_events_stats`);
    console.log(`write path without the statistics triggers: ${await writeCost()}`);

    let t0 = performance.now();
    await c.query(`SET session_replication_role = replica`);
    await c.query(
      // Own refs: the default (year-NNNNNN) has six digits and would wrap past 999 999 reports.
      `INSERT INTO reports (ref, title, description, category_id, location, area_id, department_id, status,
                            reporter_name, reporter_email, reporter_phone, consent_at, created_at, updated_at, due_at, public_fragment)
       SELECT 'B-' || lpad(n::text, 8, '0'), 'Incidencia ' || n, 'Descripción de la incidencia número ' || n || ', con "comillas", y comas.',
              c.id, ST_SetSRID(ST_MakePoint(-3.80 + random() * 0.22, 40.35 + random() * 0.18), 4326), a.id,
              c.default_department_id,
              (ARRAY['confirmed','investigating','in_progress','fixed','fixed','closed','action_scheduled','hidden'])[1 + n % 8],
              'Persona ' || n, 'persona' || n || '@example.org', '+34 600 000 000', now(), g.created, g.created,
              g.created + interval '14 days', ''
         FROM (SELECT n, now() - (random() * interval '3 years') AS created,
                      (SELECT count(*) FROM categories) AS nc, (SELECT count(*) FROM areas) AS na
                 FROM generate_series(1, $1) n) g
         CROSS JOIN LATERAL (SELECT id, default_department_id FROM categories ORDER BY code OFFSET (n * 7) % nc LIMIT 1) c
         CROSS JOIN LATERAL (SELECT id FROM areas ORDER BY code OFFSET (n * 11) % na LIMIT 1) a`,
      [rows],
    );
    // With triggers off, each report's public fragment (migration ReportPublicFragments) is rendered here.
    await c.query(`UPDATE reports r SET public_fragment = plaza_report_public_fragment(r) WHERE r.ref LIKE 'B-%'`);
    await c.query(
      `INSERT INTO report_events (report_id, at, actor_kind, from_status, to_status, message, is_public)
       SELECT id, created_at + random() * interval '12 days', 'staff', 'confirmed', 'investigating', 'Lo revisamos.', true
         FROM reports WHERE id % 10 < 7 AND title LIKE 'Incidencia %'
       UNION ALL
       SELECT id, created_at + interval '12 days' + random() * interval '30 days', 'staff', 'investigating', 'fixed', 'Resuelto.', true
         FROM reports WHERE id % 10 < 4 AND title LIKE 'Incidencia %'`,
    );
    await c.query(`SET session_replication_role = DEFAULT`);
    console.log(
      `${rows} reports and their public answers written in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    t0 = performance.now();
    await c.query(`SELECT plaza_stats_rebuild()`);
    console.log(
      `plaza_stats_rebuild() (what a scheduled full refresh would cost): ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    await c.query(`ALTER TABLE reports ENABLE TRIGGER reports_stats`);
    await c.query(`ALTER TABLE report_events ENABLE TRIGGER report_events_stats`);
    await c.query('ANALYZE');
  });

  // Statistics endpoints (no If-None-Match). Cold: a change to the figures (the version sequence
  // moved) before each request, so each one computes; warm: the view of the current version.
  const [{ code: area }] = await (
    await fetch(`${base}/api/v1/areas`)
  )
    .json()
    .then((fc) => fc.features.map((f) => f.properties));
  const { byDepartment } = await (await fetch(`${base}/api/v1/stats/city`)).json();
  const department = byDepartment.find((d) => d.code)?.code;
  await withClient(benchUrl, async (c) => {
    for (const url of [
      '/api/v1/stats/city',
      `/api/v1/stats/areas/${area}`,
      `/api/v1/stats/departments/${department}`,
    ]) {
      const timed = async () => {
        const t0 = performance.now();
        const response = await fetch(`${base}${url}`);
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
        return performance.now() - t0;
      };
      const cold = [];
      const warm = [];
      for (let i = 0; i < samples; i += 1) {
        await c.query(`SELECT nextval('stats_version_seq')`);
        cold.push(await timed());
        warm.push(await timed());
      }
      console.log(`GET ${url}: cold ${summary(cold)}; warm ${summary(warm)}`);
    }
  });

  // Full exports, read as fast as the client can, while the API's memory is sampled.
  for (const [file, headers] of [
    ['reports.csv', { 'accept-encoding': 'identity' }],
    ['reports.geojson', { 'accept-encoding': 'identity' }],
    ['reports.csv', { 'accept-encoding': 'gzip' }],
  ]) {
    const before = memory(api.pid);
    let peak = before.rss;
    const sampler = setInterval(() => {
      peak = Math.max(peak, memory(api.pid).rss);
    }, 25);
    const t0 = performance.now();
    const response = await fetch(`${base}/api/v1/open-data/${file}`, { headers });
    let bytes = 0;
    let lines = 0;
    for await (const chunk of response.body) {
      bytes += chunk.length;
      for (const byte of chunk) if (byte === 10) lines += 1;
    }
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    const records = file.endsWith('.csv') ? lines - 1 : null;
    const encoding = response.headers.get('content-encoding') ?? 'identity';
    console.log(
      `${file} (${encoding}): ${(bytes / 1e6).toFixed(1)} MB decoded in ${seconds.toFixed(1)} s` +
        (records !== null ? `, ${records} rows, ${Math.round(records / seconds)} rows/s` : '') +
        `; API RSS ${mb(before.rss)} before, peak ${mb(peak)} during (+${mb(peak - before.rss)})`,
    );
  }
  console.log(`API resident memory high-water mark since boot: ${mb(memory(api.pid).hwm)}`);
} finally {
  api.kill('SIGTERM');
  await new Promise((r) => api.once('exit', r));
  if (!values.keep) {
    await withClient(process.env.DATABASE_URL, (c) =>
      c.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`),
    ).catch(() => undefined);
  }
  await rm(dataDir, { recursive: true, force: true });
}
