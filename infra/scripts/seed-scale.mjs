// Fills a PostgreSQL + PostGIS database with a city-sized history of reports, in bulk SQL
// (INSERT … SELECT over generated rows, never the HTTP API), for the city-scale benchmarks.
//
//   npm run seed:scale -- --reports 1000000 --database-url postgres://postgres@127.0.0.1:5432/test_scale
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test_scale npm run seed:scale -- --reports 100000
//
// Options: --reports N (default 1,000,000) · --years Y of history (default 4) · --database NAME (a
// scratch database on the same server instead of the URL's) · --fresh (drop and recreate it first)
// · --yes (allow a database whose name has no "test" in it) · --no-build · --seed S (0..1, default 0.42)
// · --with-due-trigger (keep reports_due_at on during the bulk insert: correct too, several times slower)
// · --no-cluster (leave the heap in creation order instead of CLUSTERing it on the GiST index)
// · --contact-days D (the API's RETENTION_CONTACT_DAYS, default that variable or 365).
//
// 1. schema and reference data: boots the built API once on the database with DEMO_DATA=true, so
//    the app's own migrations and seed (departments, categories, Madrid's 21 districts, the demo
//    city, its accounts and holidays) run exactly as on any start;
// 2. reports: a mixture of Gaussians over the districts (one per district weighted by population,
//    more in the central ones, plus one on Puerta del Sol), rejection-sampled to points inside the city; the demo
//    city's status mix for the last 120 days and a mostly-resolved mix before; dates over the years
//    with a growing rate; inserted in creation order (so the heap has no spatial order, as in
//    production) with every constraint, foreign key and index of the schema active. One exception,
//    measured and printed on each run: the due-date trigger `reports_due_at` costs ≈ 2 ms a row
//    (plaza_business_due() is planned again on every call), so it is switched off inside the
//    insert's own transaction and the same due dates are computed set-based, then checked against
//    the function on a sample (`--with-due-trigger` keeps it on);
// 3. per report, consistent with its status: the timeline (report_events), the dispatch to its
//    department (report_dispatches), the first publication (alert_published_reports), some photo
//    rows (report_photos; the files themselves do not exist) and anonymous supports
//    (report_supports, with reports.support_count equal to their number); a few reports of the
//    last 72 hours still wait for their reporter's confirmation and have none of these;
// 4. references numbered per year of creation (`YYYY-nnnnnn`, growing a digit past 999,999 like
//    plaza_next_report_ref()), continuing after the existing ones; report_ref_seq is moved past the
//    current year's highest, so reports filed through the API afterwards get fresh references; then ANALYZE;
// 5. the contact retention a city running Plaza for those years would have applied day by day: a
//    report whose case closed more than RETENTION_CONTACT_DAYS before the seed's "now" is inserted
//    with its reporter's contact already erased, exactly as the daily sweep writes it
//    (PersonalDataRepository.eraseClosedCaseContacts), erased at closing time + the retention
//    period; at the end the sweep's own condition must find no report due at that "now".
// Not seeded: the outbox history of the mails these reports would have sent, idempotency keys,
// follows and internal notes.
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { buildApi, startApi } from '../bench/lib/api-process.mjs';

const { values } = parseArgs({
  options: {
    reports: { type: 'string', default: '1000000' },
    years: { type: 'string', default: '4' },
    'database-url': { type: 'string' },
    database: { type: 'string' },
    fresh: { type: 'boolean', default: false },
    yes: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    'with-due-trigger': { type: 'boolean', default: false },
    'no-cluster': { type: 'boolean', default: false },
    seed: { type: 'string', default: '0.42' },
    'contact-days': { type: 'string', default: process.env.RETENTION_CONTACT_DAYS ?? '365' },
  },
});
const N = Number(values.reports);
const YEARS = Number(values.years);
if (!Number.isInteger(N) || N < 1) fail('--reports must be a positive integer');
if (!(YEARS > 0 && YEARS <= 20)) fail('--years must be between 0 and 20');
const CONTACT_DAYS = Number(values['contact-days']);
// The API's own bounds for RETENTION_CONTACT_DAYS (libs/api/config).
if (!Number.isInteger(CONTACT_DAYS) || CONTACT_DAYS < 30 || CONTACT_DAYS > 3650) fail('--contact-days must be a whole number from 30 to 3650');

const rawUrl = values['database-url'] ?? process.env.DATABASE_URL;
if (!rawUrl) fail('Give --database-url (or DATABASE_URL): a PostgreSQL server with PostGIS, e.g. postgres://postgres@127.0.0.1:5432/test_scale');
const target = new URL(rawUrl);
if (values.database) target.pathname = `/${values.database}`;
const dbName = decodeURIComponent(target.pathname.slice(1));
if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(dbName)) fail(`unusual database name "${dbName}": use letters, digits and _`);
if (!dbName.toLowerCase().includes('test') && !values.yes) {
  fail(`refusing to fill "${dbName}": its name has no "test" in it. Pass --yes if you mean it.`);
}
const adminUrl = new URL(target);
adminUrl.pathname = '/postgres';

function fail(message) {
  console.error(`seed:scale: ${message}`);
  process.exit(2);
}

const t0 = performance.now();
const timings = [];
async function phase(name, work) {
  const started = performance.now();
  process.stdout.write(`${name} … `);
  const detail = await work();
  const seconds = (performance.now() - started) / 1000;
  timings.push([name, seconds]);
  console.log(`${seconds.toFixed(1)} s${detail ? `  (${detail})` : ''}`);
}

async function withClient(url, work) {
  const client = new pg.Client({ connectionString: url.toString(), application_name: 'plaza-seed-scale' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------
// The mixes. STATUS_RECENT is the demo city's (libs/api/seed/src/demo-seed.ts, last 120 days);
// older reports are mostly resolved. Categories are drawn uniformly, as the demo city draws them.
const STATUS_RECENT = {
  confirmed: 30, investigating: 12, action_scheduled: 8, in_progress: 10, fixed: 20, closed: 6,
  duplicate: 3, not_responsible: 3, unable_to_fix: 2, internal_referral: 2, unconfirmed: 2, hidden: 2,
};
const STATUS_OLD = {
  confirmed: 4, investigating: 2, action_scheduled: 1, in_progress: 1, fixed: 52, closed: 20,
  duplicate: 6, not_responsible: 5, unable_to_fix: 4, internal_referral: 3, unconfirmed: 0.5, hidden: 1.5,
};
// Staff steps after `confirmed` that lead to each status (every move allowed by report-status.ts).
const PATHS = {
  confirmed: [],
  investigating: ['investigating'],
  action_scheduled: ['investigating', 'action_scheduled'],
  in_progress: ['investigating', 'in_progress'],
  fixed: ['in_progress', 'fixed'],
  closed: ['closed'],
  duplicate: ['duplicate'],
  not_responsible: ['not_responsible'],
  unable_to_fix: ['investigating', 'unable_to_fix'],
  internal_referral: ['internal_referral'],
  hidden: ['hidden'],
};
const MESSAGES = {
  investigating: 'Gracias por su aviso. Un equipo técnico va a revisar la incidencia.',
  action_scheduled: 'La reparación está programada para los próximos días.',
  in_progress: 'Los trabajos están en curso.',
  fixed: 'La incidencia ha sido resuelta. Gracias por su colaboración.',
  closed: 'Cerramos el aviso tras la revisión del servicio.',
  duplicate: 'Este aviso ya estaba registrado; seguimos el original.',
  not_responsible: 'Este asunto no es competencia municipal; lo hemos trasladado al organismo responsable.',
  unable_to_fix: 'No es posible actuar por ahora; lo tendremos en cuenta en la planificación.',
  internal_referral: 'Hemos trasladado el aviso a otro servicio municipal.',
};
const STREETS = ['Calle de Alcalá', 'Gran Vía', 'Calle Mayor', 'Paseo de la Castellana', 'Calle de Bravo Murillo',
  'Calle de Atocha', 'Avenida de la Albufera', 'Calle de Embajadores', 'Calle de Toledo', 'Calle de Serrano',
  'Avenida de América', 'Calle de Arturo Soria', 'Paseo de Extremadura', 'Calle del General Ricardos',
  'Calle de Fuencarral', 'Calle de Princesa', 'Calle de López de Hoyos', 'Avenida de la Ciudad de Barcelona'];
const DESCRIPTIONS = [
  'Lleva así más de una semana y es peligroso, sobre todo de noche.',
  'Varios vecinos lo hemos comentado. Por favor, revisadlo cuanto antes.',
  'Justo delante del colegio, pasan muchos niños a diario.',
  'Ya lo avisé por teléfono pero sigue igual.',
  'Afecta a personas mayores y a quien va con carrito.',
  'Está en la esquina, junto a la parada del autobús.',
];
// Where reports come from: each district's population (thousands, Padrón municipal, rounded) times
// a factor for the centre's visitors and commerce. Fuencarral-El Pardo and Moncloa-Aravaca are
// centred on their neighbourhoods rather than on the Monte de El Pardo / Casa de Campo.
const DISTRICTS = {
  '01': [140, 2.5], '02': [155, 1.3], '03': [120, 1.3], '04': [147, 1.5], '05': [147, 1.2], '06': [160, 1.2],
  '07': [140, 1.5], '08': [250, 1, -3.705, 40.485], '09': [120, 1, -3.735, 40.44], '10': [240, 1], '11': [260, 1],
  '12': [140, 1], '13': [240, 1], '14': [95, 1], '15': [220, 1], '16': [195, 1], '17': [155, 1], '18': [115, 1],
  '19': [75, 1], '20': [160, 1], '21': [50, 1],
};

// The same mix as a CASE over a uniform draw u.
const caseSql = (u, mix) => {
  const total = Object.values(mix).reduce((a, b) => a + b, 0);
  let cum = 0;
  const entries = Object.entries(mix);
  const whens = entries.slice(0, -1).map(([status, w]) => {
    cum += w / total;
    return `WHEN ${u} < ${cum.toFixed(6)} THEN '${status}'`;
  });
  return `CASE ${whens.join(' ')} ELSE '${entries[entries.length - 1][0]}' END`;
};
const lit = (s) => `'${s.replaceAll("'", "''")}'`;
// What the contact retention sweep treats as a finished case and writes in place of the name
// (CLOSED_STATUSES and ERASED_NAME in libs/api/privacy/src/personal-data.repository.ts).
const CLOSED_STATUSES = `('fixed', 'closed', 'duplicate', 'not_responsible', 'unable_to_fix')`;
const ERASED_NAME = 'Vecino/a';

// ---------------------------------------------------------------------------------------------
console.log(`seed:scale → ${dbName} on ${target.host}: ${N.toLocaleString('en')} reports over ${YEARS} years\n`);

await phase('database', () =>
  withClient(adminUrl, async (c) => {
    if (values.fresh) await c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    const { rowCount } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [dbName]);
    if (rowCount === 0) {
      await c.query(`CREATE DATABASE "${dbName}"`);
      return 'created';
    }
    return values.fresh ? 'recreated' : 'exists, adding to it';
  }),
);

if (!values['no-build']) await phase('build the API', async () => buildApi());

await phase('migrations, reference data and demo city (the API boots once)', async () => {
  const api = await startApi({ databaseUrl: target.toString(), demoData: true, env: { OUTBOX_WORKER: 'false' } });
  await api.stop();
});

const db = new pg.Client({ connectionString: target.toString(), application_name: 'plaza-seed-scale' });
await db.connect();
await db.query(`SET synchronous_commit = off; SET work_mem = '128MB'; SET maintenance_work_mem = '256MB'; SET jit = off`);
await db.query('SELECT setseed($1)', [Number(values.seed)]);
const q = (text, params) => db.query(text, params);
const before = (await q(`SELECT count(*)::int AS n FROM reports`)).rows[0].n;

try {
  await phase('sampling model (districts, components)', async () => {
    await q(`DROP SCHEMA IF EXISTS seed_scale CASCADE; CREATE SCHEMA seed_scale`);
    // Small polygons make point-in-polygon tests cheap.
    await q(`CREATE TABLE seed_scale.parts AS
               SELECT a.id AS area_id, a.code, ST_Subdivide(a.geom, 40) AS geom FROM areas a WHERE a.kind = 'district'`);
    await q(`CREATE INDEX ON seed_scale.parts USING gist (geom)`);
    const weights = Object.entries(DISTRICTS)
      .map(([code, [pop, factor, lon, lat]]) => `(${lit(code)}, ${pop * factor}, ${lon ?? 'NULL'}::float8, ${lat ?? 'NULL'}::float8)`)
      .join(', ');
    // One Gaussian per district (σ a quarter of the district's size, at most 2 km), weighted as
    // above, plus one on Puerta del Sol (σ 1.2 km) with a sixth of the mass.
    await q(`
      CREATE TABLE seed_scale.components AS
      WITH d AS (
        SELECT a.code, coalesce(w.lon, ST_X(ST_PointOnSurface(a.geom))) AS lon, coalesce(w.lat, ST_Y(ST_PointOnSurface(a.geom))) AS lat,
               sqrt(ST_Area(a.geom::geography)) AS side_m, coalesce(w.weight, 100) AS weight
          FROM areas a LEFT JOIN (VALUES ${weights}) w(code, weight, lon, lat) ON w.code = a.code
         WHERE a.kind = 'district'
      ), c AS (
        SELECT code, lon, lat, least(side_m / 4, 2000) AS sigma_m, weight FROM d
        UNION ALL
        SELECT 'sol', -3.7038, 40.4168, 1200, (SELECT sum(weight) / 5 FROM d)
      )
      SELECT code, lon, lat, sigma_m / 111320.0 AS sigma_lat, sigma_m / (111320.0 * cos(radians(lat))) AS sigma_lon,
             sum(weight) OVER (ORDER BY code) / sum(weight) OVER () AS cum
        FROM c`);
    const { rows } = await q(`SELECT count(*)::int AS n FROM seed_scale.components`);
    return `${rows[0].n} components`;
  });

  await phase('points inside the city', async () => {
    await q(`CREATE UNLOGGED TABLE seed_scale.points (g bigserial, geom geometry(Point, 4326), area_id uuid)`);
    let have = 0;
    let drawn = 0;
    while (have < N) {
      const batch = Math.ceil((N - have) * 1.05) + 100; // about 2% fall outside the city
      drawn += batch;
      await q(
        `INSERT INTO seed_scale.points (geom, area_id)
         SELECT p.geom, (SELECT pa.area_id FROM seed_scale.parts pa WHERE ST_Covers(pa.geom, p.geom) ORDER BY pa.code LIMIT 1)
           FROM (SELECT ST_SetSRID(ST_MakePoint(
                          c.lon + c.sigma_lon * sqrt(-2 * ln(1 - r.u1)) * cos(2 * pi() * r.u2),
                          c.lat + c.sigma_lat * sqrt(-2 * ln(1 - r.u1)) * sin(2 * pi() * r.u2)), 4326) AS geom
                   FROM (SELECT random() AS u, random() AS u1, random() AS u2 FROM generate_series(1, $1)) r
                   CROSS JOIN LATERAL (SELECT * FROM seed_scale.components c WHERE c.cum >= r.u ORDER BY c.cum LIMIT 1) c) p`,
        [batch],
      );
      await q(`DELETE FROM seed_scale.points WHERE area_id IS NULL`);
      have = (await q(`SELECT count(*)::int AS n FROM seed_scale.points`)).rows[0].n;
    }
    return `${drawn.toLocaleString('en')} drawn, ${(100 * (1 - have / drawn)).toFixed(1)}% outside the city rejected`;
  });

  await phase('report attributes (dates, categories, statuses, refs, due dates)', async () => {
    const streets = `ARRAY[${STREETS.map(lit).join(', ')}]`;
    const descriptions = `ARRAY[${DESCRIPTIONS.map(lit).join(', ')}]`;
    await q(`
      CREATE TABLE seed_scale.cats AS
      SELECT row_number() OVER (ORDER BY c.sort_order, c.code)::int AS k, c.id, c.name ->> 'es' AS label,
             c.default_department_id, c.requires_moderation, c.target_days
        FROM categories c WHERE c.active`);
    const cats = (await q(`SELECT count(*)::int AS n FROM seed_scale.cats`)).rows[0].n;
    // Dates: density growing linearly towards today (created = now − years·(1 − √u)).
    await q(`
      CREATE UNLOGGED TABLE seed_scale.drawn AS
      SELECT p.g, p.geom, p.area_id,
             now() - make_interval(secs => ${YEARS} * 365.25 * 86400 * (1 - sqrt(random()))) AS created_at,
             random() AS u_cat, random() AS u_status, random() AS u_delay, random() AS u_misc,
             random() AS u_photo, random() AS u_support
        FROM seed_scale.points p ORDER BY p.g LIMIT ${N}`);
    await q(`
      CREATE UNLOGGED TABLE seed_scale.typed AS
      SELECT d.*, c.id AS category_id, c.label, c.requires_moderation, c.target_days,
             coalesce(rr.department_id, c.default_department_id) AS department_id,
             -- The last 72 hours: one anonymous reporter in ten has not followed the link yet.
             (d.created_at > now() - interval '72 hours' AND d.u_misc < 0.1) AS pending,
             CASE WHEN d.created_at > now() - interval '120 days' THEN ${caseSql('d.u_status', STATUS_RECENT)}
                  ELSE ${caseSql('d.u_status', STATUS_OLD)} END AS drawn_status,
             extract(year FROM d.created_at AT TIME ZONE 'UTC')::int AS year
        FROM seed_scale.drawn d
        JOIN seed_scale.cats c ON c.k = 1 + least(${cats - 1}, floor(d.u_cat * ${cats})::int)
        LEFT JOIN routing_rules rr ON rr.area_id = d.area_id AND rr.category_id = c.id`);
    // References: per year, after the highest existing one (and after the sequence for this year).
    await q(`
      CREATE TABLE seed_scale.ref_offsets AS
      SELECT y.year, greatest(
               coalesce((SELECT max(split_part(ref, '-', 2)::int) FROM reports
                          WHERE ref ~ '^[0-9]{4}-[0-9]+$' AND split_part(ref, '-', 1)::int = y.year), 0),
               CASE WHEN y.year = extract(year FROM now() AT TIME ZONE 'UTC')::int
                    THEN (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM report_ref_seq) ELSE 0 END) AS base
        FROM (SELECT DISTINCT year FROM seed_scale.typed) y`);
    // plaza_business_due() set-based: business days (Monday–Friday, Europe/Madrid, minus holidays)
    // numbered k, and for every day how many business days there were up to it.
    await q(`
      CREATE TABLE seed_scale.cal AS
      SELECT g::date AS day,
             (extract(isodow FROM g) < 6 AND NOT EXISTS (SELECT 1 FROM holidays h WHERE h.date = g::date)) AS business
        FROM generate_series((now() - interval '${Math.ceil(YEARS * 366) + 3} days')::date, (now() + interval '400 days')::date, interval '1 day') g`);
    await q(`
      CREATE TABLE seed_scale.cal_cum AS
      SELECT day, business, count(*) FILTER (WHERE business) OVER (ORDER BY day)::int AS cum FROM seed_scale.cal`);
    await q(`CREATE TABLE seed_scale.bdays AS SELECT cum AS k, day FROM seed_scale.cal_cum WHERE business`);
    await q(`
      CREATE UNLOGGED TABLE seed_scale.rows AS
      WITH s AS (
        SELECT t.*,
               CASE WHEN t.pending THEN CASE WHEN t.requires_moderation THEN 'unconfirmed' ELSE 'confirmed' END
                    -- Only a category under moderation starts (and may stay) unconfirmed.
                    WHEN t.drawn_status = 'unconfirmed' AND NOT t.requires_moderation THEN 'confirmed'
                    ELSE t.drawn_status END AS status
          FROM seed_scale.typed t
      )
      SELECT row_number() OVER (ORDER BY s.created_at, s.g) AS n, s.*,
             s.year || '-' || lpad((o.base + row_number() OVER (PARTITION BY s.year ORDER BY s.created_at, s.g))::text,
                                    greatest(6, length((o.base + row_number() OVER (PARTITION BY s.year ORDER BY s.created_at, s.g))::text)), '0') AS ref,
             ((b.day + 1)::timestamp AT TIME ZONE 'Europe/Madrid') - interval '1 millisecond' AS due_at,
             CASE WHEN s.status IN ('confirmed', 'unconfirmed') THEN s.created_at
                  ELSE least(now(), s.created_at + make_interval(secs => 3600 + 86400 * s.target_days * 1.5 * (-ln(1 - s.u_delay))))
             END AS updated_at,
             s.label || ' en ' || (${streets})[1 + floor(s.u_misc * 1000)::int % ${STREETS.length}] AS title,
             (${descriptions})[1 + floor(s.u_misc * 7919)::int % ${DESCRIPTIONS.length}] AS description,
             (${streets})[1 + floor(s.u_misc * 1000)::int % ${STREETS.length}] || ', ' || (1 + floor(s.u_delay * 180)::int) AS address,
             CASE WHEN s.pending OR s.status IN ('unconfirmed', 'hidden') OR s.u_support >= 0.2 THEN 0
                  ELSE least(60, 1 + floor(-ln(1 - s.u_support * 5) * 4))::int END AS supports,
             CASE WHEN s.pending OR s.u_photo >= 0.3 THEN 0 ELSE 1 + floor(s.u_photo * 10)::int % 3 END AS photos
        FROM s
        JOIN seed_scale.ref_offsets o ON o.year = s.year
        JOIN seed_scale.cal_cum c ON c.day = (s.created_at AT TIME ZONE 'Europe/Madrid')::date
        JOIN seed_scale.bdays b ON b.k = c.cum + greatest(s.target_days, 1)`);
    await q(`CREATE UNIQUE INDEX ON seed_scale.rows (n)`);
    const { rows } = await q(`SELECT count(*)::int AS n, max(length(split_part(ref, '-', 2))) AS w, count(*) FILTER (WHERE pending)::int AS pending FROM seed_scale.rows`);
    if (rows[0].n !== N) throw new Error(`expected ${N} rows, built ${rows[0].n} (calendar too short?)`);
    // Past 999,999 in a year the number simply grows a digit, as plaza_next_report_ref() does (decision 0010).
    if (rows[0].w > 6) console.log(`  some references have ${rows[0].w} digits (more than 999,999 in one year)`);
    return `${rows[0].pending} awaiting confirmation`;
  });

  // The due-date trigger (reports_due_at, 1795400000000-Cases) re-plans plaza_business_due() on
  // every row: measured here on a sample, it would dominate the insert. By default it is switched
  // off for the bulk insert only — in the same transaction, so it cannot stay off — and the same
  // dates are computed set-based above, then checked against the function on a sample.
  const withTrigger = values['with-due-trigger'];
  const sample = Math.min(N, 2000);
  const dueStarted = performance.now();
  await q(`BEGIN`);
  await q(`
    INSERT INTO reports (ref, title, description, category_id, location, status, reporter_name, reporter_email, consent_at, created_at)
    SELECT 'seed-probe-' || s.n, s.title, s.description, s.category_id, s.geom, s.status, 'probe', 'probe@example.org', now(), s.created_at
      FROM seed_scale.rows s WHERE s.n <= $1`, [sample]);
  const withMs = (performance.now() - dueStarted) / sample;
  await q(`ROLLBACK`);
  await q(`BEGIN`);
  await q(`ALTER TABLE reports DISABLE TRIGGER reports_due_at`);
  const noStarted = performance.now();
  await q(`
    INSERT INTO reports (ref, title, description, category_id, location, status, reporter_name, reporter_email, consent_at, created_at)
    SELECT 'seed-probe-' || s.n, s.title, s.description, s.category_id, s.geom, s.status, 'probe', 'probe@example.org', now(), s.created_at
      FROM seed_scale.rows s WHERE s.n <= $1`, [sample]);
  const withoutMs = (performance.now() - noStarted) / sample;
  await q(`ROLLBACK`);
  const triggerNote =
    `insert of ${sample} rows: ${withMs.toFixed(2)} ms/row with the due-date trigger, ${withoutMs.toFixed(2)} without ` +
    `(≈ ${((withMs * N) / 60000).toFixed(1)} vs ${((withoutMs * N) / 60000).toFixed(1)} min for ${N.toLocaleString('en')})`;
  console.log(`  ${triggerNote}`);

  // Row-by-row bookkeeping triggers (statistics facts and roll-ups, decision 0004; the console's
  // change log) would update the same roll-up rows hundreds of thousands of times in one
  // transaction, each update a new row version: the second chunk of 100,000 then takes many
  // minutes. They are off for the bulk phases and the statistics are rebuilt set-wise after; the
  // change log feeds live consoles only, and a seeded history has no one watching it.
  const bookkeeping = [
    ['reports', 'reports_stats'],
    ['reports', 'reports_log_change'],
    ['report_events', 'report_events_stats'],
  ];
  for (const [table, trigger] of bookkeeping) await q(`ALTER TABLE ${table} DISABLE TRIGGER ${trigger}`);

  // Contact retention (docs/privacy.md, "Retention"): a city that ran Plaza through these years had
  // its daily sweep erase each reporter's contact RETENTION_CONTACT_DAYS after the case closed. The
  // close time is the sweep's: the last move into the final status, which the timelines below put
  // at created_at + (updated_at − created_at)·k/k for a path of k staff steps — the same expression,
  // so the same instant to the microsecond. Written while inserting, with the public-fragment
  // trigger on (it renders the name only when shown, and an erased contact is never shown).
  const seedNow = (await q(`SELECT now()::text AS t`)).rows[0].t;
  const retention = `make_interval(secs => ${CONTACT_DAYS * 86400})`;
  const staffSteps = `(CASE s.status ${Object.entries(PATHS).map(([status, steps]) => `WHEN ${lit(status)} THEN ${steps.length}`).join(' ')} ELSE 0 END
                       + CASE WHEN s.requires_moderation THEN 1 ELSE 0 END)`;
  const erasedAt = `CASE WHEN NOT s.pending AND s.status IN ${CLOSED_STATUSES}
                          AND s.created_at + (s.updated_at - s.created_at) * ${staffSteps} / ${staffSteps} < ${lit(seedNow)}::timestamptz - ${retention}
                         THEN s.created_at + (s.updated_at - s.created_at) * ${staffSteps} / ${staffSteps} + ${retention} END`;

  await phase(`reports (${withTrigger ? 'every trigger on' : 'due-date trigger off, due_at computed set-based; constraints, FKs and indexes on'})`, async () => {
    await q(`CREATE UNLOGGED TABLE seed_scale.ids (ref text PRIMARY KEY, id bigint NOT NULL)`);
    const chunk = 100_000;
    await q(`BEGIN`);
    try {
      if (!withTrigger) await q(`ALTER TABLE reports DISABLE TRIGGER reports_due_at`);
      // The map's cell table and its totals (decision 0009) are rebuilt set-wise below rather than row by row.
      await q(`ALTER TABLE reports DISABLE TRIGGER reports_map_cells`);
      for (let from = 1; from <= N; from += chunk) {
        const started = performance.now();
        await q(
          `WITH ins AS (
             INSERT INTO reports (ref, title, description, category_id, location, address, area_id, department_id, status,
                                  reporter_name, reporter_email, reporter_show_name, consent_at, source, created_at, updated_at,
                                  support_count, reporter_locale, due_at,
                                  confirmation_pending_since, confirmation_token_hash, confirmation_expires_at,
                                  reporter_updates_opt_out, contact_erased_at)
             SELECT s.ref, s.title, s.description, s.category_id, s.geom, s.address, s.area_id, s.department_id, s.status,
                    -- Erased as the sweep erases: ERASED_NAME, no email, not shown, no update mails
                    -- (phone, channel details and account link are never seeded).
                    CASE WHEN e.at IS NULL THEN 'Vecino ' || s.n ELSE ${lit(ERASED_NAME)} END,
                    CASE WHEN e.at IS NULL THEN 'vecino' || s.n || '@example.org' ELSE '' END,
                    e.at IS NULL AND s.u_misc < 0.3, s.created_at, 'web', s.created_at, s.updated_at,
                    s.supports, CASE WHEN s.u_delay < 0.1 THEN 'en' ELSE 'es' END, s.due_at,
                    CASE WHEN s.pending THEN s.created_at END,
                    CASE WHEN s.pending THEN md5('seed-confirm-' || s.ref) || md5('plaza-' || s.ref) END,
                    CASE WHEN s.pending THEN s.created_at + interval '72 hours' END,
                    e.at IS NOT NULL, e.at
               FROM seed_scale.rows s CROSS JOIN LATERAL (SELECT ${erasedAt} AS at) e
              WHERE s.n BETWEEN $1 AND $2 ORDER BY s.n
             RETURNING ref, id)
           INSERT INTO seed_scale.ids SELECT ref, id FROM ins`,
          [from, Math.min(N, from + chunk - 1)],
        );
        if (N > chunk) process.stdout.write(`${Math.min(N, from + chunk - 1) / 1000}k (${((performance.now() - started) / 1000).toFixed(1)} s) `);
      }
      if (!withTrigger) await q(`ALTER TABLE reports ENABLE TRIGGER reports_due_at`);
      await q(`ALTER TABLE reports ENABLE TRIGGER reports_map_cells`);
      await q(`SELECT plaza_map_cells_rebuild()`);
      await q(`COMMIT`);
    } catch (error) {
      await q(`ROLLBACK`);
      throw error;
    }
    const { rows } = await q(`
      SELECT count(*)::int AS checked,
             count(*) FILTER (WHERE r.due_at IS DISTINCT FROM plaza_business_due(r.created_at, c.target_days))::int AS wrong
        FROM (SELECT id FROM seed_scale.ids ORDER BY md5(ref) LIMIT 2000) i
        JOIN reports r ON r.id = i.id JOIN categories c ON c.id = r.category_id`);
    if (rows[0].wrong) throw new Error(`${rows[0].wrong} of ${rows[0].checked} due dates differ from plaza_business_due()`);
    return `due_at equal to plaza_business_due() on ${rows[0].checked} sampled reports`;
  });

  // The moves of each report: null → confirmed (or unconfirmed, then confirmed by moderation for a
  // moderated category), then the staff steps of its path, spread between creation and last update.
  const pathRows = Object.entries(PATHS)
    .flatMap(([status, steps]) => steps.map((to, i) => `(${lit(status)}, ${i + 1}, ${lit(to)}, ${MESSAGES[to] ? lit(MESSAGES[to]) : 'NULL'})`))
    .join(', ');
  await phase('timelines (report_events)', async () => {
    await q(`CREATE TABLE seed_scale.paths (final text, step int, to_status text, message text)`);
    await q(`INSERT INTO seed_scale.paths VALUES ${pathRows}`);
    await q(`
      CREATE UNLOGGED TABLE seed_scale.moves AS
      WITH base AS (
        SELECT i.id, s.n, s.status, s.created_at, s.updated_at, s.requires_moderation,
               (SELECT count(*) FROM seed_scale.paths p WHERE p.final = s.status)::int
                 + CASE WHEN s.requires_moderation AND s.status <> 'unconfirmed' THEN 1 ELSE 0 END AS staff_steps
          FROM seed_scale.rows s JOIN seed_scale.ids i ON i.ref = s.ref
         WHERE NOT s.pending
      )
      SELECT b.id, 0 AS k, b.created_at AS at, 'citizen' AS actor, NULL::text AS from_status,
             CASE WHEN b.requires_moderation THEN 'unconfirmed' ELSE 'confirmed' END AS to_status, NULL::text AS message, true AS is_public
        FROM base b
      UNION ALL
      SELECT b.id, 1, b.created_at + (b.updated_at - b.created_at) / b.staff_steps, 'staff', 'unconfirmed', 'confirmed', NULL, true
        FROM base b WHERE b.requires_moderation AND b.status <> 'unconfirmed'
      UNION ALL
      SELECT b.id, 1 + p.step, b.created_at + (b.updated_at - b.created_at) * (p.step + m.o) / b.staff_steps, 'staff',
             coalesce((SELECT p2.to_status FROM seed_scale.paths p2 WHERE p2.final = p.final AND p2.step = p.step - 1), 'confirmed'),
             p.to_status, p.message, p.to_status <> 'hidden'
        FROM base b JOIN seed_scale.paths p ON p.final = b.status
        CROSS JOIN LATERAL (SELECT CASE WHEN b.requires_moderation THEN 1 ELSE 0 END AS o) m`);
    const { rowCount } = await q(`
      INSERT INTO report_events (report_id, at, actor_kind, from_status, to_status, message, is_public)
      SELECT id, at, actor, from_status, to_status, message, is_public FROM seed_scale.moves ORDER BY at, id, k`);
    return `${rowCount.toLocaleString('en')} events`;
  });

  await phase('dispatches and first publications', async () => {
    // A case reaches its department (and the public map) when it first becomes confirmed.
    await q(`
      CREATE UNLOGGED TABLE seed_scale.published AS
      SELECT m.id, min(m.at) AS at FROM seed_scale.moves m WHERE m.to_status = 'confirmed' GROUP BY m.id`);
    const dispatched = await q(`
      INSERT INTO report_dispatches (report_id, department_id, method, created_at, sent_at)
      SELECT p.id, r.department_id, d.send_method, p.at, CASE WHEN d.send_method = 'none' THEN NULL ELSE p.at END
        FROM seed_scale.published p JOIN reports r ON r.id = p.id JOIN departments d ON d.id = r.department_id
       ORDER BY p.at`);
    const published = await q(`
      INSERT INTO alert_published_reports (report_id, published_at) SELECT id, at FROM seed_scale.published ORDER BY at`);
    return `${dispatched.rowCount.toLocaleString('en')} dispatches, ${published.rowCount.toLocaleString('en')} publications`;
  });

  await phase('photos (rows only)', async () => {
    const { rowCount } = await q(`
      INSERT INTO report_photos (report_id, position, storage_key, thumbnail_key, width, height, bytes, hidden, created_at)
      SELECT i.id, k - 1, 'seed/' || i.id || '-' || k || '.jpg', 'seed/' || i.id || '-' || k || '-thumb.jpg',
             2048, 1536, 250000 + floor(s.u_delay * 400000)::int, s.status = 'hidden', s.created_at
        FROM seed_scale.rows s JOIN seed_scale.ids i ON i.ref = s.ref
        CROSS JOIN LATERAL generate_series(1, s.photos) k
       WHERE s.photos > 0
       ORDER BY s.n, k`);
    return `${rowCount.toLocaleString('en')} photos`;
  });

  await phase('supports', async () => {
    const { rowCount } = await q(`
      INSERT INTO report_supports (report_id, token_hash, created_at)
      SELECT i.id, md5(i.id || ':' || k) || md5(k || ':' || i.id),
             s.created_at + (least(now(), s.created_at + interval '30 days') - s.created_at) * k / (s.supports + 1)
        FROM seed_scale.rows s JOIN seed_scale.ids i ON i.ref = s.ref
        CROSS JOIN LATERAL generate_series(1, s.supports) k
       WHERE s.supports > 0`);
    const { rows } = await q(`
      SELECT count(*)::int AS wrong FROM seed_scale.ids i JOIN reports r ON r.id = i.id
       WHERE r.support_count <> (SELECT count(*) FROM report_supports x WHERE x.report_id = r.id)`);
    if (rows[0].wrong) throw new Error(`${rows[0].wrong} reports whose support_count differs from their supports`);
    return `${rowCount.toLocaleString('en')} supports`;
  });

  await phase('statistics facts and roll-ups (set-based rebuild)', async () => {
    for (const [table, trigger] of bookkeeping) await q(`ALTER TABLE ${table} ENABLE TRIGGER ${trigger}`);
    await q(`SELECT plaza_stats_rebuild()`);
    const { rows } = await q(`SELECT (SELECT count(*) FROM stats_report_facts)::int AS facts, (SELECT count(*) FROM stats_report_rollup)::int AS rollups`);
    return `${rows[0].facts.toLocaleString('en')} report facts, ${rows[0].rollups.toLocaleString('en')} monthly roll-up rows`;
  });

  await phase('reference sequence', async () => {
    const { rows } = await q(`
      SELECT setval('report_ref_seq', greatest(
               (SELECT CASE WHEN is_called THEN last_value ELSE 1 END FROM report_ref_seq),
               coalesce((SELECT max(split_part(ref, '-', 2)::int) FROM reports
                          WHERE ref ~ '^[0-9]{4}-[0-9]+$'
                            AND split_part(ref, '-', 1)::int = extract(year FROM now() AT TIME ZONE 'UTC')::int), 1))) AS v`);
    return `report_ref_seq at ${rows[0].v}: the next report filed gets ${new Date().getUTCFullYear()}-${String(Number(rows[0].v) + 1).padStart(6, '0')}`;
  });

  await phase('drop the scratch schema', async () => void (await q(`DROP SCHEMA seed_scale CASCADE`)));
  // What operators do (docs/operations.md, "Map at city scale"): rows of the same street on the
  // same pages, so a street viewport reads a few pages instead of one page per report.
  if (!values['no-cluster']) {
    await phase('CLUSTER reports on its GiST index', async () => void (await q(`CLUSTER reports USING reports_location_gist`)));
  }
  // VACUUM as well as ANALYZE: rows written in bulk (and a CLUSTERed heap) have no visibility map
  // yet, so the covering indexes of the roll-ups would be read with a heap visit per row until
  // autovacuum came by — a statistics view then reads thousands of pages instead of a hundred.
  await phase('VACUUM (ANALYZE)', async () => void (await q(`VACUUM (ANALYZE)`)));

  // The sweep's own condition (PersonalDataRepository.eraseClosedCaseContacts) at the seed's "now":
  // nothing may be due, or the first boot would spend its first sweep erasing a backlog no running
  // city has. (A sweep later than that "now" finds only the cases whose year ran out since.)
  let erasedShare = '';
  await phase('contact retention: the sweep finds nothing due', async () => {
    const { rows: [r] } = await q(
      `SELECT (SELECT count(*) FROM reports r
                WHERE r.status IN ${CLOSED_STATUSES} AND r.contact_erased_at IS NULL
                  AND coalesce((SELECT max(e.at) FROM report_events e WHERE e.report_id = r.id AND e.to_status = r.status),
                               r.updated_at) < $1::timestamptz - ${retention})::int AS due,
              (SELECT count(*) FROM reports WHERE contact_erased_at IS NOT NULL)::int AS erased,
              (SELECT count(*) FROM reports)::int AS reports`,
      [seedNow],
    );
    if (r.due) throw new Error(`${r.due} reports closed more than ${CONTACT_DAYS} days before ${seedNow} still have their contact`);
    erasedShare = `${r.erased.toLocaleString('en')} reports (${((100 * r.erased) / r.reports).toFixed(1)}%) with their contact erased, closed more than ${CONTACT_DAYS} days before ${seedNow}`;
    return `0 due at ${seedNow}; ${erasedShare}`;
  });

  const { rows: [s] } = await q(`
    SELECT (SELECT count(*) FROM reports)::int AS reports, (SELECT count(*) FROM report_events)::int AS events,
           (SELECT count(*) FROM report_photos)::int AS photos, (SELECT count(*) FROM report_supports)::int AS supports,
           pg_size_pretty(pg_database_size(current_database())) AS db, pg_size_pretty(pg_total_relation_size('reports')) AS reports_size`);
  const { rows: mix } = await q(`SELECT status, round(100.0 * count(*) / sum(count(*)) OVER (), 1)::text AS pct FROM reports GROUP BY 1 ORDER BY count(*) DESC`);
  const { rows: [centre] } = await q(`
    SELECT round(100.0 * count(*) FILTER (WHERE location && ST_MakeEnvelope(-3.74, 40.39, -3.67, 40.46, 4326)) / count(*), 1)::text AS pct FROM reports`);
  console.log(`\n${before ? `${before} reports were there before; ` : ''}${s.reports.toLocaleString('en')} reports, ${s.events.toLocaleString('en')} events, ` +
    `${s.photos.toLocaleString('en')} photos, ${s.supports.toLocaleString('en')} supports`);
  console.log(`database ${s.db} (reports with indexes ${s.reports_size}); ${centre.pct}% of reports in the central 6 × 8 km box`);
  console.log(`statuses: ${mix.map((m) => `${m.status} ${m.pct}%`).join(', ')}`);
  console.log(`contact retention: ${erasedShare}`);
  console.log(`total ${((performance.now() - t0) / 1000).toFixed(1)} s`);
} finally {
  await db.end();
}
