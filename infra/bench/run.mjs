// City-scale benchmark: Plaza's API beside anchors on the same seeded database, one table.
//
//   npm run seed:scale -- --reports 1000000 --database-url postgres://postgres@127.0.0.1:5432/test_scale
//   npm run bench -- --database-url postgres://postgres@127.0.0.1:5432/test_scale [--only viewport,clusters]
//
// The database is --database-url, else DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test_scale.
//
// Sections (all by default; --only picks some):
//   viewport  street viewports (≤ 500 features, 200 places in the centre): the API's GET /api/v1/reports
//             beside bare-server.mjs (Fastify + pg, same statement prepared, same bytes): saturation, a
//             fixed 200 req/s, one connection; and the bare server forced to each plan (GiST, newest-first)
//   clusters  GET /api/v1/reports/clusters for the screen (1280 × 800) at zooms 11–16 (whole city at
//             11–12, then centred on each district) beside the cell table of cells.sql, one connection
//   create    POST /api/v1/reports (text, anonymous reporter, one address and Idempotency-Key per
//             report) beside bare-server.mjs's one statement (report + idempotency key + outbox row),
//             interleaved (anchor, API, API, anchor); every accepted ref checked stored exactly once. Neither delivers
//             mail during its run: then a mail worker replica delivers the API's (outbox → local SMTP
//             sink), each checked to arrive once; abuse limits counted, not reached
//   photos    reports with 12 MP JPEGs: accepted latency (photos processed off the request path),
//             16 parallel uploads of four (peak API memory), and the queue's processing throughput
//   transfer  first visit to the map in Chromium, cold cache: bytes transferred (other origins blocked)
// The API's resident memory is sampled all along (peak per section and overall).
//
// Everything runs on loopback; each load run lasts --seconds (default 10; clusters and photos cap
// their own); rows the bench writes are deleted (and their tables vacuumed) at the end of their section, and the cell table
// with its trigger is dropped (--keep-cells keeps it). The load generator shares the machine's
// cores with the API and PostgreSQL: read ratios, and absolute figures as lower bounds.
import { fork, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { workspaceRoot } from '../scripts/swc-options.mjs';
import { buildApi, startApi } from './lib/api-process.mjs';
import { describeFirstVisit, measureFirstVisit } from './lib/first-visit.mjs';

const SECTIONS = ['viewport', 'clusters', 'create', 'photos', 'transfer'];
const { values } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    only: { type: 'string' },
    seconds: { type: 'string', default: '10' },
    'warm-up': { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    'section-timeout': { type: 'string', default: '420' },
    'no-build': { type: 'boolean', default: false },
    'keep-cells': { type: 'boolean', default: false },
  },
});
const dbUrl = values['database-url'] ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test_scale';
const only = values.only ? values.only.split(',').map((s) => s.trim()) : SECTIONS;
for (const s of only) if (!SECTIONS.includes(s)) throw new Error(`unknown section "${s}" (${SECTIONS.join(', ')})`);
const SECONDS = Number(values.seconds);
/** Creation: how long each server is loaded before its measured run. */
const WARM_UP_SECONDS = Number(values['warm-up']);
const CONNECTIONS = Number(values.connections);
const SECTION_BUDGET_MS = Number(values['section-timeout']) * 1000;
const RUN = Date.now().toString(36);

// ---------------------------------------------------------------------------------------------
// Helpers

const db = new pg.Pool({ connectionString: dbUrl, max: 2, application_name: 'plaza-bench' });
const sql = (text, params) => db.query(text, params);

const rows = [];
function row(section, scenario, { plaza = '', anchor = '', ratio = '', p50 = '', p95 = '', p99 = '', note = '' }) {
  rows.push({ section, scenario, plaza, anchor, ratio, p50, p95, p99, note });
}
const fmtRate = (n) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const fmtMs = (n) => (n === undefined || Number.isNaN(n) ? '–' : n >= 100 ? `${n.toFixed(0)}` : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const pair = (a, b) => (b === undefined ? `${fmtMs(a)} ms` : a === undefined ? `– / ${fmtMs(b)} ms` : `${fmtMs(a)} / ${fmtMs(b)} ms`);
function percentile(sorted, q) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/**
 * One autocannon run. Latencies are recorded per response (autocannon's own summary has no p95);
 * req/s counts 2xx responses only.
 */
function load({ url, connections = CONNECTIONS, duration = SECONDS, amount, overallRate, requests, method, body, headers, timeout = 30 }) {
  return new Promise((resolve, reject) => {
    const latencies = [];
    const codes = {};
    let bytes = 0;
    const started = performance.now();
    const instance = autocannon(
      { url, connections, duration, amount, overallRate, requests, method, body, headers, timeout },
      (error) => {
        if (error) return reject(error);
        const seconds = (performance.now() - started) / 1000;
        latencies.sort((a, b) => a - b);
        const ok = Object.entries(codes).filter(([c]) => c.startsWith('2')).reduce((s, [, n]) => s + n, 0);
        resolve({
          rps: ok / seconds, ok, codes, seconds, latencies,
          p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95), p99: percentile(latencies, 0.99),
          avgBytes: ok ? bytes / ok : 0,
        });
      },
    );
    instance.on('response', (_client, statusCode, resBytes, responseTime) => {
      codes[statusCode] = (codes[statusCode] ?? 0) + 1;
      if (statusCode >= 200 && statusCode < 300) {
        latencies.push(responseTime);
        bytes += resBytes;
      }
    });
  });
}
const errors = (r) => Object.entries(r.codes).filter(([c]) => !c.startsWith('2')).map(([c, n]) => `${n}×${c}`).join(' ');

function cycle(list) {
  let i = 0;
  return [{ setupRequest: (req) => ({ ...req, ...list[i++ % list.length] }) }];
}

async function startBare(mediaBase) {
  const child = fork(path.join(workspaceRoot, 'infra/bench/bare-server.mjs'), [], {
    env: { ...process.env, DATABASE_URL: dbUrl, PORT: '0', MEDIA_BASE: mediaBase },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const port = await new Promise((resolve, reject) => {
    child.once('message', (m) => resolve(m.port));
    child.once('exit', (code) => reject(new Error(`bare server exited with ${code}`)));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    pid: child.pid,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Screen-sized bbox (1280 × 800 px of 256-px tiles) centred on lon, lat at a zoom. */
function screenBbox(lon, lat, zoom) {
  const degPerPx = 360 / (256 * 2 ** zoom);
  const halfW = 640 * degPerPx;
  const halfH = (400 * degPerPx) * Math.cos((lat * Math.PI) / 180);
  return [lon - halfW, lat - halfH, lon + halfW, lat + halfH].map((v) => v.toFixed(5)).join(',');
}

// ---------------------------------------------------------------------------------------------
// Start

const t0 = performance.now();
// Writes to reports by anything but the sections (whose own rows are deleted again): a background
// job working through the database during the run (the retention sweep after a seed did once)
// weighs on every figure, so the run says how many rows were updated.
const reportUpdates = async () => (await sql(`SELECT n_tup_upd::bigint AS n FROM pg_stat_user_tables WHERE relname = 'reports'`)).rows[0].n;
const updatesBefore = await reportUpdates();
const { rows: [facts] } = await sql(`
  SELECT (SELECT count(*) FROM reports)::int AS reports, pg_size_pretty(pg_database_size(current_database())) AS size,
         (SELECT version()) AS version`);
console.log(`bench on ${new URL(dbUrl).pathname.slice(1)}: ${facts.reports.toLocaleString('en')} reports, ${facts.size}`);
if (facts.reports < 100_000) console.warn(`   only ${facts.reports} reports: seed the database first (npm run seed:scale) for city-scale figures`);
if (!values['no-build']) {
  buildApi();
  if (only.includes('transfer')) {
    const r = spawnSync(process.execPath, ['infra/scripts/build-web.mjs'], { cwd: workspaceRoot, stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) throw new Error('build-web.mjs failed');
  }
}
const serveWeb = only.includes('transfer') && existsSync(path.join(workspaceRoot, 'dist/web/index.html'));
const dataDir = await mkdtemp(path.join(tmpdir(), 'plaza-bench-'));
const bootStarted = performance.now();
// Generous: the first boot after an upgrade runs its migrations on the million (the cell table's backfill).
// Mail as in production: confirmation mails go through the outbox worker to an SMTP server (a
// local sink in its own process), not into the database (the kept transport of a laptop install).
const smtpSink = fork(path.join(workspaceRoot, 'infra/bench/lib/smtp-sink.mjs'), [], { env: { ...process.env, SMTP_SINK_MS: '1' }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
const smtpPort = await new Promise((resolve) => smtpSink.on('message', (m) => m.port && resolve(m.port)));
const smtpUrl = `smtp://127.0.0.1:${smtpPort}?pool=true`;
const api = await startApi({
  databaseUrl: dbUrl,
  readyTimeoutMs: 900_000,
  env: {
    DATA_DIR: dataDir,
    ...(serveWeb ? { WEB_ROOT: '' } : {}),
    SMTP_URL: smtpUrl,
    // No mail worker in the API under load (the anchor has none either): the create section starts
    // a worker replica after its run to deliver the mails (deliverRunMails).
    OUTBOX_WORKER: 'false',
    MAIL_FROM: 'Plaza <avisos@plaza.test>',
    // Every bench request comes from 127.0.0.1: the abuse limits are counted on every filing as
    // usual, with thresholds no run reaches (a proof of work per request would measure the client).
    ABUSE_CHALLENGE_AFTER: '1000000',
    ABUSE_REPORTS_PER_IP_HOUR: '1000000',
    ABUSE_REPORTS_PER_EMAIL_HOUR: '1000000',
    ABUSE_PENDING_CONFIRMATIONS_MAX: '1000',
  },
});
console.log(`API ready in ${((performance.now() - bootStarted) / 1000).toFixed(1)} s on ${api.base}`);
const bare = await startBare(`${api.base}/api/v1/media/`);

// Resident memory of the API, sampled every 250 ms; its photo processor processes apart, and the
// two together (the peaks of the sum, not the sum of the peaks).
let section = 'boot';
const peaks = {};
const processorPeaks = {};
const togetherPeaks = {};
let peakAll = 0;
const sampler = setInterval(async () => {
  const [kb, processors] = await Promise.all([api.rssKb(), api.childrenRssKb()]);
  peakAll = Math.max(peakAll, kb);
  peaks[section] = Math.max(peaks[section] ?? 0, kb);
  processorPeaks[section] = Math.max(processorPeaks[section] ?? 0, processors);
  togetherPeaks[section] = Math.max(togetherPeaks[section] ?? 0, kb + processors);
}, 250);
const loadAvg = () => loadavg()[0].toFixed(1);
const mbOf = (kb) => ((kb ?? 0) / 1024).toFixed(0);

async function runSection(name, work) {
  if (!only.includes(name)) return;
  section = name;
  const started = performance.now();
  const deadline = started + SECTION_BUDGET_MS;
  console.log(`\n== ${name} (load average ${loadAvg()})`);
  try {
    await work(() => performance.now() < deadline);
  } catch (error) {
    console.error(`${name} failed: ${error.stack ?? error}`);
    row(name, 'failed', { note: String(error.message ?? error).slice(0, 120) });
  }
  console.log(`   ${name}: ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

// ---------------------------------------------------------------------------------------------
// (a) Street viewport

await runSection('viewport', async (inTime) => {
  // The 200 central places of infra/bench/viewport.mjs (≈ 900 × 700 m each).
  const boxes = Array.from({ length: 200 }, (_, i) => {
    const lon = -3.74 + ((i * 37) % 100) / 1000;
    const lat = 40.39 + ((i * 53) % 70) / 1000;
    return `${lon},${lat},${(lon + 0.011).toFixed(4)},${(lat + 0.0065).toFixed(4)}`;
  });
  const apiReqs = cycle(boxes.map((b) => ({ method: 'GET', path: `/api/v1/reports?bbox=${b}&limit=500` })));
  const bareReqs = cycle(boxes.map((b) => ({ method: 'GET', path: `/viewport?bbox=${b}&limit=500` })));
  // Same bytes? Compared on every 10th place.
  let same = 0;
  let compared = 0;
  let features = 0;
  for (let i = 0; i < boxes.length; i += 10) {
    const [a, b] = await Promise.all([
      fetch(`${api.base}/api/v1/reports?bbox=${boxes[i]}&limit=500`).then((r) => r.text()),
      fetch(`${bare.base}/viewport?bbox=${boxes[i]}&limit=500`).then((r) => r.text()),
    ]);
    compared += 1;
    if (a === b) same += 1;
    else if (same + 1 === compared) console.log(`   differs at ${boxes[i]}: ${a.length} vs ${b.length} bytes`);
    features += JSON.parse(a).features.length;
  }
  console.log(`   byte-identical bodies: ${same}/${compared}; ${(features / compared).toFixed(0)} features per view on average`);
  await load({ url: api.base, requests: apiReqs, duration: 3 });
  await load({ url: bare.base, requests: bareReqs, duration: 3 });
  const modes = [
    ['saturation, 10 connections', {}],
    ['fixed 200 req/s', { overallRate: 200 }],
    ['one connection', { connections: 1 }],
  ];
  // What a request costs each server (CPU per answered request, its Node process and its
  // PostgreSQL backends): unlike req/s, hardly moved by how busy the machine is.
  const measured = async (server, app, requests, opts) => {
    const [cpu, backends] = [await cpuMs(server.pid), await backendsCpu(app)];
    const run = await load({ url: server.base, requests, ...opts });
    return { ...run, nodeMs: ((await cpuMs(server.pid)) - cpu) / run.ok, dbMs: (await backendsCpuSince(app, backends)) / run.ok };
  };
  const cost = (r) => `${r.nodeMs.toFixed(2)} + ${r.dbMs.toFixed(2)} ms`;
  for (const [label, opts] of modes) {
    if (!inTime()) break;
    const a = await measured(api, 'plaza-api', apiReqs, opts);
    const b = await measured(bare, 'plaza-bench-bare', bareReqs, opts);
    console.log(`   ${label}: API ${fmtRate(a.rps)} req/s p95 ${fmtMs(a.p95)} ms · bare ${fmtRate(b.rps)} req/s p95 ${fmtMs(b.p95)} ms ${errors(a)} ${errors(b)}`);
    row('street viewport', label, {
      plaza: `${fmtRate(a.rps)} req/s`, anchor: `${fmtRate(b.rps)} req/s`, ratio: (a.rps / b.rps).toFixed(2),
      p50: pair(a.p50, b.p50), p95: pair(a.p95, b.p95), p99: pair(a.p99, b.p99),
      note: [
        label.startsWith('saturation') ? `${same}/${compared} bodies identical, ${(a.avgBytes / 1024).toFixed(0)} KB` : '',
        `CPU per request, Node + PostgreSQL: API ${cost(a)}, anchor ${cost(b)}`,
        errors(a), errors(b),
      ].filter(Boolean).join('; '),
    });
  }
  // Each plan forced on the bare server, for the record: what the choice from the cell table is worth.
  for (const plan of ['gist', 'newest']) {
    if (!inTime()) break;
    const g = await load({ url: bare.base, connections: 1, requests: cycle(boxes.map((b) => ({ method: 'GET', path: `/viewport?bbox=${b}&limit=500&plan=${plan}` }))) });
    row('street viewport', `one connection, anchor forced to ${plan === 'gist' ? 'GiST + top-N' : 'newest-first walk'}`, {
      anchor: `${fmtRate(g.rps)} req/s`, p50: pair(undefined, g.p50), p95: pair(undefined, g.p95), p99: pair(undefined, g.p99),
      note: `bare server only: /viewport?plan=${plan}`,
    });
  }
});

// ---------------------------------------------------------------------------------------------
// (b) Clusters at zooms 11–16

await runSection('clusters', async (inTime) => {
  const started = performance.now();
  await sql(await readFile(path.join(workspaceRoot, 'infra/bench/cells.sql'), 'utf8'));
  const built = (performance.now() - started) / 1000;
  const { rows: perZoom } = await sql(`SELECT zoom, count(DISTINCT (cx, cy))::int AS cells, count(*)::int AS rows FROM bench_cells.cells GROUP BY zoom ORDER BY zoom`);
  console.log(`   cell table built in ${built.toFixed(1)} s: ${perZoom.map((z) => `z${z.zoom} ${z.cells} cells/${z.rows} rows`).join(', ')}`);
  // What each trigger adds to a write: 300 filed reports inserted with and without it (rolled back).
  const probe = async (off) => {
    const client = await db.connect();
    try {
      await client.query('BEGIN');
      for (const trigger of off) await client.query(`ALTER TABLE reports DISABLE TRIGGER ${trigger}`);
      const t = performance.now();
      await client.query(`
        INSERT INTO reports (ref, title, description, category_id, location, status, reporter_name, reporter_email, consent_at)
        SELECT 'bench-probe-' || id, title, description, category_id, location, status, 'probe', 'probe@example.org', now()
          FROM reports WHERE confirmation_pending_since IS NULL ORDER BY id DESC LIMIT 300`);
      return (performance.now() - t) / 300;
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  };
  const neither = await probe(['bench_cells_track', 'reports_map_cells']);
  const anchorOnly = await probe(['reports_map_cells']);
  const plazaOnly = await probe(['bench_cells_track']);
  const triggerNote = `anchor cell table ${built.toFixed(0)} s to build; per insert: anchor trigger +${(anchorOnly - neither).toFixed(2)} ms, Plaza's reports_map_cells +${(plazaOnly - neither).toFixed(2)} ms (${neither.toFixed(2)} ms without either)`;
  console.log(`   ${triggerNote}`);
  // The anchor's trigger is not Plaza's: off for the rest of the run, so only Plaza's pays on writes.
  await sql('ALTER TABLE reports DISABLE TRIGGER bench_cells_track');
  const { rows: places } = await sql(`SELECT code, ST_X(ST_PointOnSurface(geom)) AS lon, ST_Y(ST_PointOnSurface(geom)) AS lat FROM areas WHERE kind = 'district' ORDER BY code`);
  const seconds = Math.min(SECONDS, 6);
  for (const zoom of [11, 12, 13, 14, 15, 16]) {
    if (!inTime()) break;
    const centres = zoom <= 12 ? [{ lon: -3.7038, lat: 40.4168 }] : places;
    const bboxes = centres.map((p) => screenBbox(p.lon, p.lat, zoom));
    // Timed like the anchor when requests are quick. When one takes seconds (the whole city did
    // before the cell totals), a count of them instead, as many as fit in `seconds`, at least 5: a
    // timed run would end before its first answer. The probe is a second request (the first one
    // may pay for cold caches). A counted run's req/s also holds autocannon's wait for its next
    // one-second tick, so a quick endpoint must not be counted: its rate would read low.
    const clustersPath = (b) => `/api/v1/reports/clusters?bbox=${b}&zoom=${zoom}`;
    const sample = await (await fetch(`${api.base}${clustersPath(bboxes[0])}`)).json();
    const probeStarted = performance.now();
    await (await fetch(`${api.base}${clustersPath(bboxes[bboxes.length - 1])}`)).arrayBuffer();
    const probeMs = performance.now() - probeStarted;
    const pace = probeMs * 20 <= seconds * 1000
      ? { duration: seconds }
      : { amount: Math.max(5, Math.min(2000, Math.floor((seconds * 1000) / probeMs))), duration: undefined, timeout: 60 };
    const a = await load({ url: api.base, connections: 1, ...pace, requests: cycle(bboxes.map((b) => ({ method: 'GET', path: clustersPath(b) }))) });
    const b = await load({ url: bare.base, connections: 1, duration: seconds, requests: cycle(bboxes.map((b2) => ({ method: 'GET', path: `/cells?bbox=${b2}&zoom=${zoom}` }))) });
    console.log(`   zoom ${zoom}: API p50 ${fmtMs(a.p50)} p95 ${fmtMs(a.p95)} ms (${a.ok} req) · cells p50 ${fmtMs(b.p50)} p95 ${fmtMs(b.p95)} ms (${b.ok} req) ${errors(a)} ${errors(b)}`);
    row('clusters', `zoom ${zoom}, ${zoom <= 12 ? 'whole city' : '21 district centres'}, one connection`, {
      plaza: `${fmtRate(a.rps)} req/s`, anchor: `${fmtRate(b.rps)} req/s`, ratio: (a.rps / b.rps).toFixed(3),
      p50: pair(a.p50, b.p50), p95: pair(a.p95, b.p95), p99: pair(a.p99, b.p99),
      note: [`${a.ok} / ${b.ok} requests; ${sample.cells.length} cells, ${sample.total.toLocaleString('en')} reports in view`, zoom === 11 ? triggerNote : '', errors(a), errors(b)].filter(Boolean).join('; '),
    });
  }
  if (!values['keep-cells']) await sql('DROP SCHEMA bench_cells CASCADE');
});

// ---------------------------------------------------------------------------------------------
// (c) Report creation (text)

const CATEGORY_CODES = ['bache', 'acera', 'farola', 'limpieza', 'contenedor', 'enseres', 'arbol', 'semaforo', 'agua', 'mobiliario'];
// One address per filing, as citizens file: each report gets its confirmation mail (an address past
// ABUSE_PENDING_CONFIRMATIONS_MAX would be held and mailed nothing, a cheaper path).
const benchEmail = (tag, i) => `bench-${tag}-${RUN}-${i}@example.org`;
function reportBody(i, tag) {
  return {
    title: `Aviso de prueba ${i}`,
    description: 'Generado por la prueba de carga de la ciudad.',
    category: CATEGORY_CODES[i % CATEGORY_CODES.length],
    lat: 40.40 + ((i * 53) % 400) / 10000,
    lon: -3.72 + ((i * 37) % 400) / 10000,
    reporter: { name: 'Vecina de prueba', email: benchEmail(tag, i), showName: false },
    consent: true,
  };
}
/** The order of the measured runs: anchor, API, API, anchor (see the create section). */
const CREATE_ORDER = ['anchor', 'api', 'api', 'anchor'];
/** Runs of one server as one: requests over seconds, percentiles of all their latencies. */
function merged(runs) {
  const latencies = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const codes = {};
  for (const r of runs) for (const [c, n] of Object.entries(r.codes)) codes[c] = (codes[c] ?? 0) + n;
  const ok = runs.reduce((sum, r) => sum + r.ok, 0);
  const seconds = runs.reduce((sum, r) => sum + r.seconds, 0);
  return { rps: ok / seconds, ok, codes, seconds, latencies, p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95), p99: percentile(latencies, 0.99) };
}
/**
 * The tables a filing writes, by itself or through the triggers on reports, and the photo queue's:
 * vacuumed after the bench's rows are deleted, so the next section or the next run does not walk
 * their dead tuples (after six runs of the create section, 343,000 in reports slowed the viewport).
 */
const WRITTEN_TABLES = [
  'reports', 'report_changes', 'report_map_cells', 'report_map_totals', 'stats_report_facts', 'report_events',
  'report_photos', 'idempotency_keys', 'consent_records', 'outbox_messages', 'mail_messages',
];
async function cleanUp(since) {
  // Their consent records keep no report (ON DELETE SET NULL): deleted first, by the bench's reports.
  await sql(`DELETE FROM consent_records c USING reports r WHERE c.report_id = r.id AND r.reporter_email LIKE 'bench-%@example.org'`);
  await sql(`DELETE FROM reports WHERE reporter_email LIKE 'bench-%@example.org'`);
  await sql(`DELETE FROM idempotency_keys WHERE key LIKE 'bench-%'`);
  await sql(`DELETE FROM outbox_messages WHERE created_at >= $1`, [since]);
  await sql(`DELETE FROM mail_messages WHERE to_address LIKE 'bench-%@example.org'`);
  const { rows: present } = await sql(`SELECT t FROM unnest($1::text[]) t WHERE to_regclass(t) IS NOT NULL`, [WRITTEN_TABLES]);
  const started = performance.now();
  await sql(`VACUUM (SKIP_LOCKED) ${present.map((r) => r.t).join(', ')}`);
  console.log(`   the bench's rows deleted, ${present.length} tables vacuumed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
/** Reports stored by a run, how many distinct references they have, and how many of the accepted refs are among them. */
async function stored(tag, acceptedRefs) {
  const { rows: [r] } = await sql(
    `SELECT count(*)::int AS n, count(DISTINCT ref)::int AS refs, count(*) FILTER (WHERE ref = ANY($2::text[]))::int AS accepted
       FROM reports WHERE reporter_email LIKE $1`,
    [`bench-${tag}-${RUN}-%@example.org`, acceptedRefs],
  );
  return r;
}
/**
 * CPU time a process has used so far, in ms (Linux /proc; clock ticks of 10 ms). Unlike req/s it
 * hardly depends on how busy the machine is: what a request costs the server, not how long it waited.
 */
async function cpuMs(pid) {
  try {
    const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).replace(/^.*\) /, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}
/** CPU ms used so far by each PostgreSQL backend of one application (the API's pool, the bare server's). */
async function backendsCpu(applicationName) {
  const { rows: backends } = await sql(`SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()`, [applicationName]);
  return new Map(await Promise.all(backends.map(async ({ pid }) => [pid, await cpuMs(pid)])));
}
/** CPU ms the backends of `applicationName` used since `before` (backends opened since count from 0). */
async function backendsCpuSince(applicationName, before) {
  let total = 0;
  for (const [pid, ms] of await backendsCpu(applicationName)) total += ms - (before.get(pid) ?? 0);
  return total;
}
/** Mails of the run still waiting in the outbox (the worker delivers them to the SMTP sink). */
const pendingMails = async (since) => (await sql(`SELECT count(*)::int AS n FROM outbox_messages WHERE created_at >= $1 AND status = 'pending'`, [since])).rows[0].n;

/**
 * The API writes each confirmation mail to the outbox in the filing's statement and leaves delivery
 * to a mail worker (OUTBOX_WORKER): the bench's API runs without one, as the anchor has none, and
 * after the run a worker replica (the same build, OUTBOX_WORKER=true, on the same database) delivers
 * the run's mails to the SMTP sink — proving every stored report's mail goes out exactly once, and
 * how fast one replica drains a backlog.
 */
async function deliverRunMails(since, storedReports) {
  const prefix = `bench-api-${RUN}-`;
  const arrived = new Map();
  const onArrival = (m) => m.to?.startsWith(prefix) && arrived.set(m.to, (arrived.get(m.to) ?? 0) + 1);
  smtpSink.on('message', onArrival);
  const queued = await pendingMails(since);
  const started = performance.now();
  const worker = await startApi({
    databaseUrl: dbUrl,
    env: { DATA_DIR: path.join(dataDir, 'mail-worker'), SMTP_URL: smtpUrl, MAIL_FROM: 'Plaza <avisos@plaza.test>', OUTBOX_WORKER: 'true', PHOTO_WORKER: 'false' },
  });
  const booted = performance.now();
  let pending = queued;
  while (pending > 0 && performance.now() - booted < 120_000) {
    await new Promise((r) => setTimeout(r, 250));
    pending = await pendingMails(since);
  }
  const drainS = (performance.now() - booted) / 1000;
  await new Promise((r) => setTimeout(r, 500));
  await worker.stop();
  smtpSink.off('message', onArrival);
  const once = [...arrived.values()].every((n) => n === 1);
  const { rows: statuses } = await sql(`SELECT status, count(*)::int AS n FROM outbox_messages WHERE created_at >= $1 GROUP BY 1`, [since]);
  console.log(`   outbox of the run by status: ${statuses.map((r) => `${r.status} ${r.n}`).join(', ')}`);
  const { rows: failures } = await sql(`SELECT last_error, count(*)::int AS n FROM outbox_messages WHERE created_at >= $1 AND status = 'failed' GROUP BY 1 ORDER BY 2 DESC LIMIT 3`, [since]);
  for (const f of failures) console.log(`   failed ${f.n}: ${String(f.last_error).slice(0, 200)}`);
  const text = pending > 0
    ? `${pending} of ${queued} still queued after 120 s of one worker replica`
    : `${queued} queued for ${storedReports} reports, delivered by one worker replica in ${drainS.toFixed(1)} s (${fmtRate(queued / drainS)} mails/s, boot ${((booted - started) / 1000).toFixed(1)} s apart); ${arrived.size} arrived at the SMTP sink${once ? ', each once' : ', SOME TWICE'}`;
  return { pending, text };
}

await runSection('create', async () => {
  const since = new Date();
  // Every request has its own key and address; each 201 answer's ref is kept to check, after the
  // run, that every accepted report is stored exactly once. Requests still in flight when the run
  // ends are answered to nobody: stored − accepted must be between 0 and their number.
  const creation = (tag, pathName, tally) => {
    let i = 0;
    return [{
      setupRequest: (req) => {
        i += 1;
        tally.sent = i;
        return { ...req, method: 'POST', path: pathName, headers: { 'content-type': 'application/json', 'idempotency-key': `bench-${tag}-${RUN}-${i}` }, body: JSON.stringify(reportBody(i, tag)) };
      },
      onResponse: (status, body) => {
        tally.answered += 1;
        if (status === 201) tally.refs.push(JSON.parse(body).properties.ref);
      },
    }];
  };
  const check = (name, run, tally, s) => {
    const cut = tally.sent - tally.answered;
    const exact = s.accepted === run.ok && new Set(tally.refs).size === run.ok && s.refs === s.n && s.n >= run.ok && s.n - run.ok <= cut;
    console.log(`   ${name}: accepted ${run.ok}, stored ${s.n} (${s.accepted} of the accepted refs, each once), cut at the end ${cut} → ${exact ? 'every accepted report stored exactly once' : 'MISMATCH'}`);
    return { exact, cut, stored: s.n, text: `accepted ${run.ok} / stored ${s.n}, ${cut} cut at the end${exact ? ', every accepted stored once' : ', MISMATCH'}` };
  };
  // Both servers warm up first (--warm-up seconds each, rows deleted with the rest): the API has far
  // more code for V8's optimising compiler, which still took a quarter of its CPU 3 s into a run
  // (a CPU profile); its first requests would otherwise count against it.
  const warmUp = async (base, pathName) => {
    await load({ url: base, duration: WARM_UP_SECONDS, requests: creation(`warm${pathName.length}`, pathName, { sent: 0, answered: 0, refs: [] }) });
  };
  try {
    await warmUp(bare.base, '/reports');
    await warmUp(api.base, '/api/v1/reports');
    await sql(`DELETE FROM outbox_messages WHERE created_at >= $1`, [since]);
    // Interleaved, anchor–API–API–anchor: whatever drifts during the minute (the tables and their
    // indexes growing, autovacuum, the WAL) weighs on both alike, where one run each measured that
    // drift as much as the servers (ratios 0.53–0.77 for the same build within an hour).
    const servers = {
      anchor: { name: 'anchor', base: bare.base, path: '/reports', app: 'plaza-bench-bare', pid: bare.pid, tally: { sent: 0, answered: 0, refs: [] }, runs: [], cpu: 0, db: 0 },
      api: { name: 'API', base: api.base, path: '/api/v1/reports', app: 'plaza-api', pid: api.pid, tally: { sent: 0, answered: 0, refs: [] }, runs: [], cpu: 0, db: 0 },
    };
    // One request stream per server across its runs: keys and addresses never repeat.
    for (const [tag, s] of Object.entries(servers)) s.requests = creation(tag, s.path, s.tally);
    for (const tag of CREATE_ORDER) {
      const s = servers[tag];
      // Each run starts right after a checkpoint: the first change to a page after one writes the
      // whole page to the WAL, so a checkpoint that the earlier runs' writes happened to start
      // during one server's run (seen: 2.6 against 0.6 ms of PostgreSQL per filing) would weigh on
      // that server alone. After a CHECKPOINT both pay the same for the pages they touch.
      await sql('CHECKPOINT');
      const [cpu, backends] = [await cpuMs(s.pid), await backendsCpu(s.app)];
      const run = await load({ url: s.base, requests: s.requests });
      s.cpu += (await cpuMs(s.pid)) - cpu;
      s.db += await backendsCpuSince(s.app, backends);
      s.runs.push(run);
      console.log(`   ${s.name} run ${s.runs.length}: ${fmtRate(run.rps)}/s p50 ${fmtMs(run.p50)} p99 ${fmtMs(run.p99)} ms ${errors(run)}`);
      // The anchor's outbox rows are not mails (no subject, no text): the mail worker would only
      // fail them. The API's wait for the worker replica after the runs.
      if (tag === 'anchor') {
        await sql(
          `DELETE FROM outbox_messages o USING reports r
            WHERE r.reporter_email LIKE $1 AND o.dedupe_key = 'report-confirmation:' || r.id`,
          [`bench-anchor-${RUN}-%@example.org`],
        );
      }
    }
    await new Promise((r) => setTimeout(r, 2000));
    const [a, b] = [merged(servers.api.runs), merged(servers.anchor.runs)];
    const bCheck = check('anchor', b, servers.anchor.tally, await stored('anchor', servers.anchor.tally.refs));
    const aCheck = check('API', a, servers.api.tally, await stored('api', servers.api.tally.refs));
    const [aCpuPer, aDbPer] = [servers.api.cpu / servers.api.tally.answered, servers.api.db / servers.api.tally.answered];
    const [bCpuPer, bDbPer] = [servers.anchor.cpu / servers.anchor.tally.answered, servers.anchor.db / servers.anchor.tally.answered];
    const mail = await deliverRunMails(since, aCheck.stored);
    console.log(`   confirmation mails: ${mail.text}`);
    console.log(`   CPU per answered request, Node / PostgreSQL backends: API ${aCpuPer.toFixed(2)} / ${aDbPer.toFixed(2)} ms, anchor ${bCpuPer.toFixed(2)} / ${bDbPer.toFixed(2)} ms`);
    console.log(`   API ${fmtRate(a.rps)}/s p50 ${fmtMs(a.p50)} p99 ${fmtMs(a.p99)} ms · anchor ${fmtRate(b.rps)}/s p50 ${fmtMs(b.p50)} p99 ${fmtMs(b.p99)} ms · ratio ${(a.rps / b.rps).toFixed(2)} ${errors(a)} ${errors(b)}`);
    row('creation (text)', `${CONNECTIONS} connections, ${CREATE_ORDER.length / 2} × ${SECONDS} s each, interleaved`, {
      plaza: `${fmtRate(a.rps)} /s`, anchor: `${fmtRate(b.rps)} /s`, ratio: (a.rps / b.rps).toFixed(2),
      p50: pair(a.p50, b.p50), p95: pair(a.p95, b.p95), p99: pair(a.p99, b.p99),
      note: [`runs ${CREATE_ORDER.map((tag) => tag === 'api' ? 'API' : tag).join(', ')}: API ${servers.api.runs.map((r) => fmtRate(r.rps)).join(' and ')}/s, anchor ${servers.anchor.runs.map((r) => fmtRate(r.rps)).join(' and ')}/s`, `API ${aCheck.text}; anchor ${bCheck.text}; CPU per request, Node + PostgreSQL: API ${aCpuPer.toFixed(2)} + ${aDbPer.toFixed(2)} ms, anchor ${bCpuPer.toFixed(2)} + ${bDbPer.toFixed(2)} ms; confirmation mails (outbox → mail worker → SMTP sink): ${mail.text}`, errors(a), errors(b)].filter(Boolean).join('; '),
    });
  } finally {
    await cleanUp(since);
  }
});

// ---------------------------------------------------------------------------------------------
// (d) Photos

async function twelveMegapixelJpeg() {
  const file = path.join(tmpdir(), 'plaza-bench-12mp.jpg');
  if (existsSync(file)) return readFile(file);
  const sharp = (await import('sharp')).default;
  // A photo-like 4000 × 3000 picture: smooth gradients with grain, so it compresses like a phone photo.
  const width = 4000;
  const height = 3000;
  const raw = Buffer.alloc(width * height * 3);
  let seed = 7;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const grain = (seed >> 16) % 24;
      const o = (y * width + x) * 3;
      raw[o] = (x * 255) / width / 1.3 + grain + 30 * Math.sin(y / 90);
      raw[o + 1] = (y * 255) / height / 1.4 + grain + 25 * Math.sin(x / 130);
      raw[o + 2] = 120 + grain + 60 * Math.sin((x + y) / 300);
    }
  }
  const jpeg = await sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality: 90 }).withExif({ IFD0: { Make: 'Bench', Model: 'Plaza' } }).toBuffer();
  await writeFile(file, jpeg);
  return jpeg;
}

function multipart(fields, photos) {
  const boundary = `----plaza-bench-${randomUUID()}`;
  const parts = Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const [i, photo] of photos.entries()) {
    parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="photos"; filename="photo-${i}.jpg"\r\ncontent-type: image/jpeg\r\n\r\n`));
    parts.push(photo, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Where the bench's photos stand: processed (ready or failed), and the span from first upload to last processed. */
async function photoProgress(email) {
  const { rows: [r] } = await sql(
    `SELECT count(*)::int AS total, count(*) FILTER (WHERE p.state = 'ready')::int AS ready,
            count(*) FILTER (WHERE p.state = 'failed')::int AS failed,
            COALESCE(extract(epoch FROM max(p.processed_at) - min(p.created_at)), 0)::float8 AS span
       FROM report_photos p JOIN reports r ON r.id = p.report_id WHERE r.reporter_email = $1`,
    [email],
  );
  return r;
}

await runSection('photos', async () => {
  const since = new Date();
  const email = `bench-photo-${RUN}@example.org`;
  try {
    const photo = await twelveMegapixelJpeg();
    const fields = {
      title: 'Aviso con foto de prueba', description: 'Generado por la prueba de carga de la ciudad.', category: 'bache',
      lat: '40.4168', lon: '-3.7038', 'reporter[name]': 'Vecina de prueba', 'reporter[email]': email,
      'reporter[showName]': 'false', consent: 'true',
    };
    const mb = (photo.length / 1e6).toFixed(1);
    // (1) Accepted latency: the request streams the original to storage and answers; the worker
    // (PHOTO_WORKERS, default = cores) processes meanwhile, on the same cores as the load.
    const one = multipart(fields, [photo]);
    const a = await load({ url: `${api.base}/api/v1/reports`, method: 'POST', body: one.body, headers: { 'content-type': one.contentType }, connections: 2, duration: Math.max(SECONDS, 15), timeout: 120 });
    console.log(`   ${mb} MB JPEG, 2 connections: ${a.ok} accepted, p50 ${fmtMs(a.p50)} p95 ${fmtMs(a.p95)} p99 ${fmtMs(a.p99)} ms ${errors(a)}`);
    // (2) Many large photos in parallel: 16 connections, four 12 MP photos per report. Memory must
    // stay bounded (uploads are spooled a chunk at a time, at most PHOTO_WORKERS images decoded).
    const four = multipart(fields, [photo, photo, photo, photo]);
    const rssBefore = peaks.photos ?? 0;
    const b = await load({ url: `${api.base}/api/v1/reports`, method: 'POST', body: four.body, headers: { 'content-type': four.contentType }, connections: 16, amount: 48, duration: undefined, timeout: 300 });
    console.log(`   burst: 16 parallel uploads of 4 × ${mb} MB, ${b.ok} accepted, p50 ${fmtMs(b.p50)} p95 ${fmtMs(b.p95)} ms ${errors(b)}; peak API RSS ${(((peaks.photos ?? 0)) / 1024).toFixed(0)} MB (before the burst ${(rssBefore / 1024).toFixed(0)} MB), photo processors ${mbOf(processorPeaks.photos)} MB, together ${mbOf(togetherPeaks.photos)} MB`);
    // (3) Until the queue has processed every accepted photo.
    const expected = a.ok + 4 * b.ok;
    const waitStarted = performance.now();
    let progress = await photoProgress(email);
    while (progress.ready + progress.failed < expected && performance.now() - waitStarted < SECTION_BUDGET_MS / 2) {
      await new Promise((r) => setTimeout(r, 1000));
      progress = await photoProgress(email);
    }
    const throughput = progress.span > 0 ? (progress.ready + progress.failed) / progress.span : 0;
    console.log(`   processed ${progress.ready} ready + ${progress.failed} failed of ${expected} in ${progress.span.toFixed(0)} s: ${fmtRate(throughput)} photos/s`);
    row('photos', `one 12 MP JPEG (${mb} MB) per report, 2 connections: accepted`, {
      plaza: `${fmtRate(a.rps)} uploads/s`, p50: pair(a.p50), p95: pair(a.p95), p99: pair(a.p99),
      note: [`${a.ok} accepted`, errors(a)].filter(Boolean).join('; '),
    });
    row('photos', `16 parallel uploads of 4 × 12 MP: accepted`, {
      plaza: `${b.ok} of 48 accepted`, p50: pair(b.p50), p95: pair(b.p95), p99: pair(b.p99),
      note: [`peak RSS in section: API ${mbOf(peaks.photos)} MB, photo processors ${mbOf(processorPeaks.photos)} MB, together ${mbOf(togetherPeaks.photos)} MB`, errors(b)].filter(Boolean).join('; '),
    });
    row('photos', 'processing through the queue (PHOTO_WORKERS default)', {
      plaza: `${fmtRate(throughput)} photos/s processed`,
      note: `${progress.ready} ready, ${progress.failed} failed of ${expected}, first upload to last processed ${progress.span.toFixed(0)} s`,
    });
  } finally {
    await cleanUp(since);
  }
});

// ---------------------------------------------------------------------------------------------
// (e) First-visit transfer

await runSection('transfer', async () => {
  if (!serveWeb) throw new Error('dist/web is missing (build it, or run without --no-build)');
  const result = await measureFirstVisit(api.base);
  console.log(`   first visit: ${describeFirstVisit(result)}`);
  row('first visit', 'map page, Chromium, cold cache, until plaza:map-ready + network idle', {
    plaza: `${(result.total / 1024).toFixed(0)} KB`,
    note: `${result.parts.slice(0, 6).map((p) => `${p.kind} ${(p.bytes / 1024).toFixed(1)} KB ${p.encodings}`).join(', ')}; map tiles (other origins) blocked; target ≤ 300 KB`,
  });
});

// ---------------------------------------------------------------------------------------------
clearInterval(sampler);
row('API memory', 'peak resident set size (sampled every 250 ms)', {
  plaza: `${(peakAll / 1024).toFixed(0)} MB`,
  note: Object.entries(peaks).map(([k, v]) => `${k} ${(v / 1024).toFixed(0)} MB`).join(', '),
});
await bare.stop();
await api.stop();
smtpSink.disconnect();
await rm(dataDir, { recursive: true, force: true });
const updatedDuringRun = Number(await reportUpdates()) - Number(updatesBefore);
await db.end();

const lines = [
  '| Section | Scenario | Plaza | Anchor | Plaza / anchor | p50 (Plaza / anchor) | p95 | p99 | Notes |',
  '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ...rows.map((r) => `| ${r.section} | ${r.scenario} | ${r.plaza} | ${r.anchor} | ${r.ratio} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.note} |`),
];
console.log(`\n${facts.reports.toLocaleString('en')} reports (${facts.size}); ${CONNECTIONS} connections and ${SECONDS} s per run unless said; ` +
  `load average at the end ${loadAvg()}; total ${((performance.now() - t0) / 1000).toFixed(0)} s; ` +
  `rows of reports updated during the run: ${updatedDuringRun.toLocaleString('en')}\n`);
console.log(lines.join('\n'));
