// Public map benchmark: how fast the map page becomes usable on localhost with the seeded city,
// and how heavy it is. Prints figures; asserts nothing (the budget check lives in build-web.mjs).
//
//   npm run bench:map                                   # embedded database (slow first start)
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:map -- --reports 50000
//   npm run bench:map -- --database-url postgres://postgres@127.0.0.1:5432/test_scale   # as it is
//
// --zoom-only measures the zoom from city to street alone.
// --database-url runs on an existing database as it is (e.g. the million of `npm run seed:scale`):
// nothing created, dropped or inserted; the API applies pending migrations and finds the demo city
// there, as on any start. Otherwise a scratch database `bench_map` on DATABASE_URL's server.
//
// "Interactive" is the app's own `plaza:map-ready` mark: the districts, the first reports on the
// map and their list are rendered (ExplorePage.tsx). Long tasks over 50 ms after first paint add
// up to a total blocking time. Other origins (map tiles) are blocked, as in the browser tests.
// "Zoom city → street": from zoom 11 to 17 on the city centre, one `+` at a time, each step timed
// from the key press until the map names the new zoom in `data-settled-view` (its reports loaded
// and drawn), as apps/map-e2e/src/map-zoom.e2e-spec.ts waits for it.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { chromium } from 'playwright-core';
import { workspaceRoot } from '../scripts/swc-options.mjs';
import { measureMapBundle } from '../scripts/web-bundle-size.mjs';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    reports: { type: 'string', default: '0' },
    'database-url': { type: 'string' },
    'zoom-only': { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
const extraReports = Number(values.reports);
const TARGET_MS = 2000;

function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function sql(url, text, params) {
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await client.query(text, params);
  } finally {
    await client.end();
  }
}

async function waitReady(base, child) {
  for (let i = 0; i < 240; i += 1) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/health/ready`)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the API did not become ready');
}

const stats = (numbers) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p90: at(0.9), max: sorted[sorted.length - 1] };
};
const ms = (n) => `${Math.round(n)} ms`.padStart(8);

if (!values['no-build']) {
  for (const script of ['build-api.mjs', 'build-web.mjs']) {
    const result = spawnSync(process.execPath, [`infra/scripts/${script}`], { cwd: workspaceRoot, stdio: ['ignore', 'ignore', 'inherit'] });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
}

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const dataDir = await mkdtemp(path.join(tmpdir(), 'plaza-bench-map-'));
const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: base, DEMO_DATA: 'true', LOG_LEVEL: 'warn', DATA_DIR: dataDir, NODE_ENV: 'test' };
let benchUrl = null;
const existingUrl = values['database-url'];
if (existingUrl) {
  const name = decodeURIComponent(new URL(existingUrl).pathname.slice(1));
  if (!name.includes('test')) {
    console.error(`bench:map: refusing "${name}": its name has no "test" in it`);
    process.exit(2);
  }
  if (extraReports > 0) console.warn('--reports is ignored with --database-url: the database is used as it is');
  env.DATABASE_URL = existingUrl;
} else if (process.env.DATABASE_URL) {
  benchUrl = new URL(process.env.DATABASE_URL);
  benchUrl.pathname = '/bench_map';
  await sql(process.env.DATABASE_URL, 'DROP DATABASE IF EXISTS bench_map WITH (FORCE)');
  await sql(process.env.DATABASE_URL, 'CREATE DATABASE bench_map');
  env.DATABASE_URL = benchUrl.toString();
} else {
  delete env.DATABASE_URL;
  if (extraReports > 0) console.warn('--reports needs DATABASE_URL (a real PostgreSQL); ignored on the embedded database');
}
const started = Date.now();
const api = spawn(process.execPath, ['dist/api/apps/api/src/main.js'], { cwd: workspaceRoot, env, stdio: ['ignore', 'ignore', 'inherit'] });
let browser;
try {
  await waitReady(base, api);
  console.log(`Plaza on ${base} (${existingUrl ? 'existing PostgreSQL' : benchUrl ? 'PostgreSQL' : 'embedded'} database) ready in ${Date.now() - started} ms`);
  if (benchUrl && extraReports > 0) {
    // Synthetic reports over the whole city, as infra/bench/viewport.mjs adds them.
    await sql(
      benchUrl,
      `INSERT INTO reports (title, description, category_id, location, area_id, department_id, status,
                            reporter_name, reporter_email, consent_at, created_at)
       SELECT 'Aviso ' || n, 'Generado para la prueba', c.id, p.geom, a.id, c.default_department_id,
              (ARRAY['confirmed','investigating','in_progress','fixed','closed'])[1 + n % 5],
              'Bench', 'bench@example.org', now(), now() - make_interval(mins => n::int)
         FROM (SELECT row_number() OVER () AS n, geom
                 FROM (SELECT (ST_Dump(ST_GeneratePoints(ST_Union(geom), $1, 7))).geom FROM areas) g) p
         JOIN LATERAL (SELECT id FROM areas WHERE ST_Covers(areas.geom, p.geom) LIMIT 1) a ON true
         JOIN LATERAL (SELECT id, default_department_id FROM categories ORDER BY (id::text || p.n) LIMIT 1) c ON true`,
      [extraReports],
    );
    await sql(benchUrl, 'ANALYZE reports');
  }
  const total = (await (await fetch(`${base}/api/v1/reports/clusters?bbox=-3.89,40.31,-3.52,40.64&zoom=10`)).json()).total;
  console.log(`${total} public reports in the city\n`);

  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });

  const bundle = measureMapBundle();
  console.log(`map page JavaScript: ${(bundle.jsGzip / 1024).toFixed(1)} KB gzip (${bundle.initial.length} files), CSS ${(bundle.cssGzip / 1024).toFixed(1)} KB gzip\n`);

  const measure = async (label, { cpu = 1, viewport = { width: 1280, height: 800 }, warm = false }) => {
    const samples = { dcl: [], ready: [], tbt: [], zoomOut: [] };
    const context = await browser.newContext({ viewport, locale: 'es-ES' });
    await context.route((url) => url.origin !== base, (route) => route.abort());
    await context.addInitScript(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask', buffered: true });
    });
    if (warm) {
      const page = await context.newPage();
      await page.goto(`${base}/`);
      await page.waitForFunction(() => performance.getEntriesByName('plaza:map-ready').length > 0, null, { timeout: 30_000 });
      await page.close();
    }
    for (let i = 0; i < runs; i += 1) {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      if (!warm) await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      if (cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
      await page.goto(`${base}/`);
      await page.waitForFunction(() => performance.getEntriesByName('plaza:map-ready').length > 0, null, { timeout: 60_000 });
      const timing = await page.evaluate(() => ({
        dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
        ready: performance.getEntriesByName('plaza:map-ready')[0].startTime,
        tbt: window.__longTasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0),
      }));
      samples.dcl.push(timing.dcl);
      samples.ready.push(timing.ready);
      samples.tbt.push(timing.tbt);
      // City-wide view: zoom out twice and wait until the list has settled on the new view.
      const t0 = Date.now();
      for (const zoom of [11, 10]) {
        await page.getByRole('button', { name: 'Alejar', exact: true }).click();
        await page.waitForFunction((z) => new URL(location.href).searchParams.get('map')?.startsWith(`${z}/`), zoom);
      }
      await page.locator('.reports-panel__status:not([aria-busy])').waitFor();
      samples.zoomOut.push(Date.now() - t0);
      await page.close();
    }
    await context.close();
    const row = (name, values) => {
      const s = stats(values);
      return `  ${name.padEnd(34)} median ${ms(s.median)}   p90 ${ms(s.p90)}   max ${ms(s.max)}`;
    };
    console.log(`${label} (${runs} loads)`);
    console.log(row('DOMContentLoaded', samples.dcl));
    console.log(row('interactive (plaza:map-ready)', samples.ready));
    console.log(row('total blocking time', samples.tbt));
    console.log(row('zoom out to the whole city', samples.zoomOut));
    const verdict = stats(samples.ready).p90 <= TARGET_MS ? 'within' : 'OVER';
    console.log(`  → p90 interactive ${verdict} the ${TARGET_MS} ms target\n`);
  };

  const measureZoom = async (label) => {
    const settings = await (await fetch(`${base}/api/v1/map/settings`)).json();
    const [lat, lon] = settings.city.centre;
    const perZoom = new Map();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'es-ES' });
    await context.route((url) => url.origin !== base, (route) => route.abort());
    const settled = (page, zoom) => page.locator(`.map[data-settled-view^="${zoom}/"]`).waitFor({ timeout: 60_000 });
    for (let i = 0; i < runs; i += 1) {
      const page = await context.newPage();
      const t0 = Date.now();
      await page.goto(`${base}/?map=11/${lat}/${lon}`);
      await settled(page, 11);
      (perZoom.get(11) ?? perZoom.set(11, []).get(11)).push(Date.now() - t0);
      await page.locator('.map').focus();
      for (let zoom = 12; zoom <= 17; zoom += 1) {
        const pressed = Date.now();
        await page.keyboard.press('+');
        await settled(page, zoom);
        (perZoom.get(zoom) ?? perZoom.set(zoom, []).get(zoom)).push(Date.now() - pressed);
      }
      await page.close();
    }
    await context.close();
    console.log(`${label} (${runs} runs; zoom 11 is the page load)`);
    for (const [zoom, samples] of perZoom) {
      const s = stats(samples);
      console.log(`  zoom ${String(zoom).padStart(2)} settled${''.padEnd(20)} median ${ms(s.median)}   p90 ${ms(s.p90)}   max ${ms(s.max)}`);
    }
    console.log('');
  };

  if (!values['zoom-only']) {
    await measure('desktop, cold cache', {});
    await measure('desktop, warm cache', { warm: true });
    await measure('phone 360×740, cold cache, CPU slowed 4×', { cpu: 4, viewport: { width: 360, height: 740 } });
  }
  await measureZoom('zoom city → street on the city centre, desktop, warm cache');
} finally {
  await browser?.close();
  api.kill('SIGTERM');
  await new Promise((r) => (api.exitCode !== null ? r() : api.once('exit', r)));
  await rm(dataDir, { recursive: true, force: true });
  if (benchUrl) await sql(process.env.DATABASE_URL, 'DROP DATABASE IF EXISTS bench_map WITH (FORCE)');
}
