// The anchors of `npm run bench`: a bare Fastify + pg server running one SQL statement per request,
// on the same database as the API. What Plaza's endpoints are measured against.
//
//   GET  /viewport?bbox=…&limit=…   the API's GET /api/v1/reports body, byte for byte: the API's
//                                   statements as named prepared statements, the plan chosen as the
//                                   API chooses it (`&plan=grid|gist|newest` forces one)
//   GET  /cells?bbox=…&zoom=…       the clusters body from the cell table of cells.sql (whole cells
//                                   overlapping the bbox, summed over public statuses at read time)
//   POST /reports                   one statement: the report (placed, routed, awaiting its
//                                   reporter's confirmation) + its idempotency key + its outbox row
//
//   DATABASE_URL=… PORT=… MEDIA_BASE=http://host/api/v1/media/ node infra/bench/bare-server.mjs
import { createHash, randomBytes } from 'node:crypto';
import Fastify from 'fastify';
import pg from 'pg';

const PUBLIC_STATUSES = ['confirmed', 'investigating', 'action_scheduled', 'in_progress', 'fixed', 'closed', 'duplicate',
  'not_responsible', 'unable_to_fix', 'internal_referral'];
const CELL_PIXELS = 60;
const mediaBase = process.env.MEDIA_BASE ?? 'http://127.0.0.1/api/v1/media/';
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_SIZE ?? 10), application_name: 'plaza-bench-bare' });

// The public feature exactly as libs/api/reports builds it (public-feature.sql.ts, $1 locale, $2
// media base): the report's stored fragment (reports.public_fragment, kept by a trigger) closed
// with the page's category, area and department rendered once each, and its photos.
const FEATURE_SQL = `('{' || r.public_fragment || ',"category":' || c.code || ',"area":' || coalesce(a.name, 'null')
   || ',"department":' || coalesce(d.name, 'null') || ',"photos":' || coalesce(ph.photos, '[]') || '}}')`;

// The API's statement (libs/api/reports listFeatures): the page's ids first, then the features for
// those rows only. `grid` merges the newest of each cell of the 1/400° viewport grid under the box
// (index reports_viewport_cells_idx, padded shapes as libs/api/reports/src/viewport-grid.ts);
// `newest` walks the primary key backwards and stops at `limit` hits; `box` takes the box's hits
// from the GiST index and keeps the newest (`r.id + 0` keeps the planner off the primary key).
// All give the same rows.
const MATCH = `r.confirmation_pending_since IS NULL AND r.status = ANY($7::text[])
                     AND r.location && ST_MakeEnvelope($3, $4, $5, $6, 4326)`;
const viewportSql = (page) => `
  WITH page AS MATERIALIZED (${page} LIMIT $8)
  SELECT '[' || coalesce(string_agg(${FEATURE_SQL}, ',' ORDER BY r.id DESC), '') || ']' AS features,
         min(r.id)::text AS "lastId", count(*)::int AS count
    FROM page
    JOIN reports r ON r.id = page.id
    JOIN (SELECT id, to_json(code)::text AS code FROM categories OFFSET 0) c ON c.id = r.category_id
    LEFT JOIN (SELECT id, to_json(name)::text AS name FROM areas OFFSET 0) a ON a.id = r.area_id
    LEFT JOIN (SELECT id, coalesce(to_json(coalesce(name ->> $1::text, name ->> 'es'))::text, 'null') AS name FROM departments OFFSET 0) d
           ON d.id = r.department_id
    LEFT JOIN (SELECT p.report_id,
                      '[' || string_agg('{"url":' || to_json($2::text || p.storage_key) || ',"thumbnailUrl":' || to_json($2::text || p.thumbnail_key) || '}',
                                        ',' ORDER BY p.position) || ']' AS photos
                 FROM report_photos p
                WHERE p.report_id IN (SELECT id FROM page) AND p.state = 'ready' AND NOT p.hidden
                GROUP BY p.report_id) ph ON ph.report_id = r.id`;
const scanPage = (order) => `SELECT r.id FROM reports r WHERE ${MATCH} ORDER BY ${order} DESC`;
const VIEWPORT_NEWEST_SQL = viewportSql(scanPage('r.id'));
const VIEWPORT_GIST_SQL = viewportSql(scanPage('r.id + 0'));
// The cells read from the grid index, then the four edge strips read from the GiST index (the
// API's gridPage and viewportCells: an edge the view covers less than a quarter of is a strip).
const cellX = 'floor(ST_X(r.location) * 400)::int';
const cellY = 'floor(ST_Y(r.location) * 400)::int';
const gridSql = (columns, rows) => {
  const branches = [];
  for (let i = 1; i <= columns; i += 1) {
    for (let j = 1; j <= rows; j += 1) {
      branches.push(`(SELECT r.id FROM reports r
         WHERE ${cellX} = ($9::int[])[${i}] AND ${cellY} = ($10::int[])[${j}]
           AND ${MATCH} ORDER BY r.id DESC)`);
    }
  }
  const notInStripColumns = `${cellX} + 0 IS DISTINCT FROM $11::int AND ${cellX} + 0 IS DISTINCT FROM $12::int`;
  const strip = (envelope, condition) => `(SELECT r.id FROM reports r
         WHERE r.location && ST_MakeEnvelope(${envelope}, 4326) AND ${condition}
           AND ${MATCH} ORDER BY r.id DESC)`;
  branches.push(
    strip(`$3, $4, ($11::int + 1) / 400.0 + 1e-9, $6`, `${cellX} + 0 = $11::int`),
    strip(`$12::int / 400.0 - 1e-9, $4, $5, $6`, `${cellX} + 0 = $12::int`),
    strip(`$3, $4, $5, ($13::int + 1) / 400.0 + 1e-9`, `${cellY} + 0 = $13::int AND ${notInStripColumns}`),
    strip(`$3, $14::int / 400.0 - 1e-9, $5, $6`, `${cellY} + 0 = $14::int AND ${notInStripColumns}`),
  );
  return viewportSql(`SELECT id FROM (${branches.join(' UNION ALL ')}) cells ORDER BY id DESC`);
};
const SPANS = [1, 2, 3, 4, 6, 8, 12];
const STRIP_SHARE = 0.25;
// PostGIS's && matches points up to two float4 steps outside a box: the cells cover that too.
const slack = (v) => Math.abs(v) * 2 ** -21;
const cellRange = (min, max) => {
  const from = (min - slack(min)) * 400;
  const to = (max + slack(max)) * 400;
  const first = Math.floor(from);
  const last = Math.floor(to);
  const low = last > first && first + 1 - from < STRIP_SHARE ? first : null;
  const high = last > first && to - last < STRIP_SHARE ? last : null;
  const inner = [];
  for (let cell = low === null ? first : first + 1; cell <= (high === null ? last : last - 1); cell += 1) inner.push(cell);
  const span = SPANS.find((s) => s >= Math.max(inner.length, 1));
  return span === undefined ? null : { cells: Array.from({ length: span }, (_, i) => inner[i] ?? null), low, high };
};
/** The grid cells and strips under a box, or null past 96 cells (the API's viewportCells). */
function gridCells([minLon, minLat, maxLon, maxLat]) {
  const x = cellRange(minLon, maxLon);
  const y = cellRange(minLat, maxLat);
  if (!x || !y || x.cells.length * y.cells.length > 96) return null;
  return { columns: x.cells, rows: y.cells, strips: [x.low, x.high, y.low, y.high] };
}
// How many public reports lie around the box (the app's report_map_totals, migration
// ReportMapTotals): past the grid, the same choice as the API's ReportsService.listPlan, at most
// 10 reports per row asked for → GiST.
const AROUND_SQL = `
  SELECT coalesce(sum(n), 0)::int AS n FROM report_map_totals
   WHERE zoom = $1 AND cx BETWEEN $2 AND $3 AND cy BETWEEN $4 AND $5`;
const cellSide = (zoom) => (CELL_PIXELS * 360) / (256 * 2 ** zoom);
function aroundParams([minLon, minLat, maxLon, maxLat]) {
  const extent = Math.max(maxLon - minLon, maxLat - minLat, 1e-9);
  const zoom = Math.min(16, Math.max(11, 11 + Math.floor(Math.log2((16 * cellSide(11)) / extent))));
  const side = cellSide(zoom);
  return [zoom, Math.floor(minLon / side), Math.floor(maxLon / side), Math.floor(minLat / side), Math.floor(maxLat / side)];
}

// One index range per column of cells in the view (primary key zoom, cx, cy, …), so a request reads
// only the cells it returns, whatever the zoom.
const CELLS_SQL = `
  SELECT sum(c.n)::int AS count, (sum(c.sx) / sum(c.n))::float8 AS lon, (sum(c.sy) / sum(c.n))::float8 AS lat,
         min(c.min_x)::float8 AS "minLon", min(c.min_y)::float8 AS "minLat", max(c.max_x)::float8 AS "maxLon", max(c.max_y)::float8 AS "maxLat"
    FROM generate_series(floor($2 / $6::float8)::int, floor($4 / $6::float8)::int) gx
    CROSS JOIN LATERAL (
      SELECT * FROM bench_cells.cells
       WHERE zoom = $1 AND cx = gx AND cy BETWEEN floor($3 / $6::float8)::int AND floor($5 / $6::float8)::int
         AND status = ANY($7::text[])) c
   GROUP BY c.cx, c.cy
  HAVING sum(c.n) > 0
   ORDER BY count DESC`;

const CREATE_SQL = `
  WITH place AS (
    SELECT c.id AS category_id, c.code, c.requires_moderation, a.id AS area_id, a.name AS area_name,
           coalesce(rr.department_id, c.default_department_id) AS department_id
      FROM categories c
      JOIN areas a ON ST_Covers(a.geom, ST_SetSRID(ST_MakePoint($4, $5), 4326))
      LEFT JOIN routing_rules rr ON rr.area_id = a.id AND rr.category_id = c.id
     WHERE c.code = $3 AND c.active
     ORDER BY a.code LIMIT 1
  ), rep AS (
    INSERT INTO reports (title, description, category_id, location, address, area_id, department_id, status,
                         reporter_name, reporter_email, reporter_show_name, consent_at, source, reporter_locale,
                         confirmation_pending_since, confirmation_token_hash, confirmation_expires_at)
    SELECT $1, $2, p.category_id, ST_SetSRID(ST_MakePoint($4, $5), 4326), $6, p.area_id, p.department_id,
           CASE WHEN p.requires_moderation THEN 'unconfirmed' ELSE 'confirmed' END,
           $7, $8, $9, now(), 'web', 'es', now(), $10, now() + interval '72 hours'
      FROM place p
    RETURNING id, ref, title, status, department_id, public_fragment
  ), k AS (
    INSERT INTO idempotency_keys (scope, key, request_hash, resource_id)
    SELECT 'reports.create', $11, $12, id FROM rep
  ), o AS (
    INSERT INTO outbox_messages (channel, dedupe_key, payload)
    SELECT 'email', 'report-confirmation:' || rep.id,
           jsonb_build_object('to', $8::text, 'ref', rep.ref, 'title', rep.title, 'url', $13::text)
      FROM rep
  )
  SELECT '{' || rep.public_fragment || ',"category":' || to_json(p.code) || ',"area":' || coalesce(to_json(p.area_name)::text, 'null')
         || ',"department":' || coalesce(to_json(d.name ->> 'es')::text, 'null') || ',"photos":[]},"awaitingConfirmation":true}' AS feature
    FROM rep CROSS JOIN place p LEFT JOIN departments d ON d.id = rep.department_id`;

function parseBbox(raw) {
  const parts = String(raw ?? '').split(',').map(Number);
  return parts.length === 4 && parts.every(Number.isFinite) ? parts : null;
}
const round6 = (v) => Math.round(v * 1e6) / 1e6;

const app = Fastify({ logger: false });

app.get('/viewport', async (request, reply) => {
  const bbox = parseBbox(request.query.bbox);
  if (!bbox) return reply.code(400).send({ error: 'bbox' });
  const limit = Math.min(500, Number(request.query.limit ?? 200));
  // ?plan=grid, ?plan=gist or ?plan=newest forces one; by default the API's choice.
  let plan = request.query.plan;
  const cells = gridCells(bbox);
  if (plan === 'grid' && !cells) return reply.code(400).send({ error: 'too many cells for the grid' });
  if (plan !== 'grid' && plan !== 'gist' && plan !== 'newest') {
    if (cells) plan = 'grid';
    else {
      const { rows: [around] } = await pool.query({ name: 'around', text: AROUND_SQL, values: aroundParams(bbox) });
      plan = around.n <= 10 * limit ? 'gist' : 'newest';
    }
  }
  const values = [request.query.lang === 'en' ? 'en' : 'es', mediaBase, ...bbox, PUBLIC_STATUSES, limit];
  const statement =
    plan === 'grid'
      ? { name: `viewport-grid-${cells.columns.length}x${cells.rows.length}`, text: gridSql(cells.columns.length, cells.rows.length), values: [...values, cells.columns, cells.rows, ...cells.strips] }
      : { name: `viewport-${plan}`, text: plan === 'gist' ? VIEWPORT_GIST_SQL : VIEWPORT_NEWEST_SQL, values };
  const { rows: [page] } = await pool.query(statement);
  const nextCursor = page.count === limit && page.lastId ? Buffer.from(`r:${page.lastId}`).toString('base64url') : null;
  reply.header('content-type', 'application/geo+json; charset=utf-8');
  return `{"type":"FeatureCollection","features":${page.features},"nextCursor":${JSON.stringify(nextCursor)}}`;
});

app.get('/cells', async (request, reply) => {
  const bbox = parseBbox(request.query.bbox);
  const zoom = Number(request.query.zoom);
  if (!bbox || !Number.isInteger(zoom)) return reply.code(400).send({ error: 'bbox, zoom' });
  const size = (CELL_PIXELS * 360) / (256 * 2 ** zoom);
  const { rows } = await pool.query({ name: 'cells', text: CELLS_SQL, values: [zoom, ...bbox, size, PUBLIC_STATUSES] });
  const cells = rows.map((r) => ({
    lon: round6(r.lon), lat: round6(r.lat), count: r.count,
    bbox: [round6(r.minLon), round6(r.minLat), round6(r.maxLon), round6(r.maxLat)],
  }));
  return { total: cells.reduce((s, c) => s + c.count, 0), zoom, cellDegrees: size, cells };
});

app.post('/reports', async (request, reply) => {
  const body = request.body ?? {};
  const key = request.headers['idempotency-key'];
  const token = randomBytes(32).toString('base64url');
  const email = String(body.reporter?.email ?? '').trim().toLowerCase();
  try {
    const { rows } = await pool.query({
      name: 'create',
      text: CREATE_SQL,
      values: [
        String(body.title ?? '').trim(), String(body.description ?? '').trim(), String(body.category ?? ''),
        Number(body.lon), Number(body.lat), body.address ?? null,
        String(body.reporter?.name ?? '').trim(), email, body.reporter?.showName === true,
        createHash('sha256').update(token).digest('hex'),
        typeof key === 'string' ? key : randomBytes(16).toString('hex'),
        createHash('sha256').update(JSON.stringify(body)).digest('hex'),
        `${mediaBase.replace(/\/api\/v1\/media\/$/, '')}/confirm/${token}`,
      ],
    });
    if (!rows[0]) return reply.code(422).send({ error: 'outside the city or unknown category' });
    reply.code(201).header('content-type', 'application/json; charset=utf-8');
    return rows[0].feature;
  } catch (error) {
    if (error.code === '23505') return reply.code(409).send({ error: 'idempotency key reused' });
    throw error;
  }
});

app.get('/health', async () => ({ ok: true }));

await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
process.send?.({ ready: true, port: app.server.address().port });
const stop = async () => {
  await app.close();
  await pool.end();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
