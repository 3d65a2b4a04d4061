import { DataSource } from 'typeorm';
import { createTestApp, type TestApp, type TestResponse } from './create-test-app';

/*
 * A small department with a 2-business-day target, around a Wednesday holiday and two weekends.
 * Week 1 is Mon M0 … Sun M0+6 (Wednesday M0+2 a holiday); week 2 starts Mon M0+7.
 *
 *  #  filed          first public response   business days   due (2 days)        in time
 *  1  Mon 10:00      Mon 15:00               0               Thu (Wed is off)    yes
 *  2  Fri 10:00      Mon+7 09:00             1 (weekend)     Tue+8               yes
 *  3  Tue 10:00      Fri 12:00               2 (Thu, Fri)    Fri                 yes
 *  4  Mon 10:00      Mon+7 10:00             4 (Tue,Thu,Fri,Mon) Thu             no — a moderation
 *                                                            "confirmed" at 11:00 is not an answer
 *  5  Thu 10:00      none                    —               Mon+7 (past)        no (overdue)
 *  plus a hidden, an unconfirmed and another department's report that must not count.
 *
 * First response: [0, 1, 2, 4] → median 1.5, p90 2 + 0.7 × 2 = 3.4. Within target 3 / 5 = 0.6.
 * Fixed: #3 on Tue+8 (Thu, Fri, Mon, Tue = 4) and #1 on Wed+9 (Tue, Thu, Fri, Mon, Tue, Wed = 6):
 * median 5, p90 4 + 0.9 × 2 = 5.8.
 */

let t: TestApp;
let db: DataSource;
let areaCode: string;
const DEPT = 'stats-probe';
const M0 = mondayWeeksAgo(5);

function mondayWeeksAgo(weeks: number): Date {
  const d = new Date();
  d.setUTCHours(0, 0, 0, 0);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7) - weeks * 7);
  return d;
}
/** 'YYYY-MM-DD HH:MM' in Madrid, `days` after M0. */
function day(days: number, time = '10:00'): string {
  const d = new Date(M0);
  d.setUTCDate(d.getUTCDate() + days);
  return `${d.toISOString().slice(0, 10)} ${time}`;
}

async function report(opts: {
  filed: string;
  department?: string;
  status?: string;
  pending?: boolean;
}): Promise<string> {
  const [row] = await db.query(
    `INSERT INTO reports (title, description, category_id, location, area_id, department_id, status,
                          reporter_name, reporter_email, consent_at, created_at, confirmation_pending_since,
                          confirmation_token_hash, confirmation_expires_at)
     SELECT 'Farola apagada', 'Lleva días sin luz.', c.id, ST_SetSRID(ST_MakePoint(-3.70, 40.42), 4326),
            (SELECT id FROM areas WHERE code = $4), d.id, $3, 'Vecina', 'vecina@example.org', now(),
            $1::timestamp AT TIME ZONE 'Europe/Madrid', CASE WHEN $5 THEN now() END,
            CASE WHEN $5 THEN md5(random()::text) || md5(random()::text) END, CASE WHEN $5 THEN now() + interval '1 day' END
       FROM categories c, departments d
      WHERE c.code = 'stats-probe-lights' AND d.code = $2
     RETURNING id::text AS id`,
    [opts.filed, opts.department ?? DEPT, opts.status ?? 'confirmed', areaCode, opts.pending ?? false],
  );
  return row.id;
}

async function event(
  reportId: string,
  at: string,
  to: string,
  message: string | null,
  isPublic = true,
): Promise<void> {
  await db.query(
    `INSERT INTO report_events (report_id, at, actor_kind, from_status, to_status, message, is_public)
     VALUES ($1, $2::timestamp AT TIME ZONE 'Europe/Madrid', 'staff', NULL, $3, $4, $5)`,
    [reportId, at, to, message, isPublic],
  );
  await db.query(`UPDATE reports SET status = $2 WHERE id = $1`, [reportId, to]);
}

const get = (url: string, headers: Record<string, string> = {}): Promise<TestResponse> =>
  t.inject({ method: 'GET', url, headers });

beforeAll(async () => {
  t = await createTestApp();
  db = t.app.get(DataSource);
  [{ code: areaCode }] = await db.query(`SELECT code FROM areas ORDER BY code LIMIT 1`);
  await db.query(
    `INSERT INTO departments (code, name, contact_email) VALUES
       ($1, '{"es": "Alumbrado de prueba", "en": "Test lighting"}', 'alumbrado@example.org'),
       ('stats-other', '{"es": "Otro"}', 'otro@example.org')`,
    [DEPT],
  );
  await db.query(
    `INSERT INTO categories (code, name, description, icon, default_department_id, target_days)
     SELECT 'stats-probe-lights', '{"es": "Farolas de prueba"}', '{"es": "Prueba"}', 'lamp', id, 2
       FROM departments WHERE code = $1`,
    [DEPT],
  );
  // Before the reports, so their due dates (plaza_business_due) skip it too.
  await db.query(`INSERT INTO holidays (date, name, scope) VALUES ($1, 'Fiesta local de prueba', 'local')`, [
    day(2).slice(0, 10),
  ]);

  const r1 = await report({ filed: day(0) });
  await event(r1, day(0, '15:00'), 'investigating', 'Lo revisamos esta semana.');
  await event(r1, day(9, '12:00'), 'fixed', 'Farola reparada.');
  const r2 = await report({ filed: day(4) });
  await event(r2, day(7, '09:00'), 'in_progress', null);
  const r3 = await report({ filed: day(1) });
  await event(r3, day(1, '11:00'), 'investigating', 'Nota interna', false);
  await event(r3, day(4, '12:00'), 'action_scheduled', 'Programado.');
  await event(r3, day(8, '12:00'), 'fixed', 'Hecho.');
  const r4 = await report({ filed: day(0) });
  await event(r4, day(0, '11:00'), 'confirmed', null);
  await event(r4, day(7, '10:00'), 'investigating', 'Lo miramos.');
  await report({ filed: day(3) });

  const hidden = await report({ filed: day(0) });
  await event(hidden, day(0, '10:30'), 'hidden', null);
  await report({ filed: day(0), pending: true });
  const other = await report({ filed: day(0), department: 'stats-other' });
  await event(other, day(0, '10:05'), 'investigating', 'Rápido.');
});

afterAll(async () => {
  await t?.close();
});

describe('GET /api/v1/stats/departments/{code}', () => {
  it('computes the median, the 90th percentile and the share within target in business days', async () => {
    const res = await get(`/api/v1/stats/departments/${DEPT}?lang=en`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.department).toEqual({ code: DEPT, name: 'Test lighting' });
    expect(body.responseTimes).toEqual({
      firstResponse: { count: 4, median: 1.5, p90: 3.4 },
      fix: { count: 2, median: 5, p90: 5.8 },
      withinTarget: { share: 0.6, inTime: 3, counted: 5 },
    });
    expect(body.byCategory).toEqual([
      expect.objectContaining({
        code: 'stats-probe-lights',
        targetDays: 2,
        withinTarget: { share: 0.6, inTime: 3, counted: 5 },
      }),
    ]);
    // Only the five public reports of this department are counted.
    expect(body.reports.total).toBe(5);
    expect(body.reports.byStatus).toEqual(
      expect.arrayContaining([
        { status: 'fixed', count: 2 },
        { status: 'investigating', count: 1 },
        { status: 'in_progress', count: 1 },
        { status: 'confirmed', count: 1 },
      ]),
    );
    expect(body.period.months).toBe(12);
    expect(body.trend).toHaveLength(12);
    expect(body.reports.byMonth).toHaveLength(12);
    const months = body.trend.filter(
      (p: { withinTarget: { counted: number } }) => p.withinTarget.counted > 0,
    );
    expect(
      months.reduce(
        (sum: number, p: { withinTarget: { counted: number } }) => sum + p.withinTarget.counted,
        0,
      ),
    ).toBe(5);
  });

  it('agrees with the console clock: in time exactly when answered by plaza_business_due', async () => {
    const rows: Array<{ agrees: boolean }> = await db.query(
      `SELECT (f.response_in_time = (f.first_response_at <= plaza_business_due(f.created_at, 2))) AS agrees
         FROM stats_report_facts f JOIN departments d ON d.id = f.department_id
        WHERE d.code = $1 AND f.first_response_at IS NOT NULL`,
      [DEPT],
    );
    expect(rows.map((r) => r.agrees)).toEqual([true, true, true, true]);
  });

  it('answers 304 to a matching If-None-Match, and a new ETag once the figures change', async () => {
    const first = await get(`/api/v1/stats/departments/${DEPT}`);
    // Weak when the body was compressed for this client (the same figures in another encoding).
    expect(first.headers['etag']).toMatch(/^(W\/)?"[\w-]+"$/);
    expect(first.headers['cache-control']).toContain('public');
    expect(first.headers['cache-control']).toContain('max-age=');
    const again = await get(`/api/v1/stats/departments/${DEPT}`, { 'if-none-match': first.headers['etag']! });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');

    // Removing the holiday makes Wednesday a business day: #3 took 3 days and #4 five.
    await db.query(`DELETE FROM holidays WHERE name = 'Fiesta local de prueba'`);
    const changed = await get(`/api/v1/stats/departments/${DEPT}`, {
      'if-none-match': first.headers['etag']!,
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers['etag']).not.toBe(first.headers['etag']);
    expect(changed.json().responseTimes.firstResponse).toEqual({ count: 4, median: 2, p90: 4.4 });
  });

  it('is a 404 problem for a department that does not exist', async () => {
    const res = await get('/api/v1/stats/departments/nobody-here');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('STATS.UNKNOWN_DEPARTMENT');
  });
});

describe('GET /api/v1/stats/city and /areas/{code}', () => {
  it('counts only public reports, by status, category, district, department, week and month', async () => {
    const res = await get('/api/v1/stats/city?months=3');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.period.months).toBe(3);
    expect(body.reports.byMonth).toHaveLength(3);
    expect(body.reports.byWeek.length).toBeGreaterThanOrEqual(9); // at least 59 days
    const probe = body.reports.byCategory.find((c: { code: string }) => c.code === 'stats-probe-lights');
    expect(probe.count).toBe(6); // five of the department, one of the other; hidden and unconfirmed never
    const weekly = body.reports.byWeek.reduce((sum: number, w: { total: number }) => sum + w.total, 0);
    expect(weekly).toBe(body.reports.total);
    expect(body.byDepartment.find((d: { code: string }) => d.code === 'stats-other').firstResponse).toEqual({
      count: 1,
      median: 0,
      p90: 0,
    });
    expect(JSON.stringify(body)).not.toMatch(/vecina|Vecina|Nota interna/);
  });

  it('follows a write at once: a view is reused only while the figures have not changed', async () => {
    const count = async () =>
      (
        (await get('/api/v1/stats/city')).json().reports.byStatus as Array<{ status: string; count: number }>
      ).find((s) => s.status === 'closed')?.count ?? 0;
    const before = await count();
    expect(await count()).toBe(before);
    const [{ id }] = await db.query(
      `SELECT r.id::text AS id FROM reports r JOIN departments d ON d.id = r.department_id
        WHERE d.code = 'stats-other' AND r.status = 'investigating'`,
    );
    await event(id, day(10), 'closed', 'Cerrado.');
    expect(await count()).toBe(before + 1);
  });

  it('gives a district the same figures for its reports', async () => {
    const res = await get(`/api/v1/stats/areas/${areaCode}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.area.code).toBe(areaCode);
    expect(body.reports.byArea).toEqual([expect.objectContaining({ code: areaCode })]);
    expect(body.proposals).toEqual(expect.objectContaining({ total: expect.any(Number) }));
    expect((await get('/api/v1/stats/areas/zz-none')).statusCode).toBe(404);
  });

  it.each(['months=0', 'months=37', 'months=abc', 'months=1&months=2'])(
    'refuses %s with the field named',
    async (query) => {
      const res = await get(`/api/v1/stats/city?${query}`);
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors).toEqual([expect.objectContaining({ field: 'months' })]);
    },
  );
});

describe('roll-ups', () => {
  const snapshot = async (): Promise<unknown[]> =>
    db.query(
      `SELECT 'count' AS t, scope, scope_id::text, month::text AS at, dim || ':' || coalesce(key_id::text, '-') || ':' || status AS k, reports
         FROM stats_report_rollup WHERE reports <> 0
       UNION ALL
       SELECT 'week', scope, scope_id::text, week::text, status, reports FROM stats_report_weekly WHERE reports <> 0
       UNION ALL
       SELECT 'response', scope, scope_id::text, month::text,
              concat_ws(':', group_id, kind, days, in_time, due_at), reports
         FROM stats_response_rollup WHERE reports <> 0
       ORDER BY 1, 2, 3, 4, 5`,
    );

  it('kept by the triggers through every write above equal a rebuild from scratch', async () => {
    const kept = await snapshot();
    expect(kept.length).toBeGreaterThan(0);
    await db.query(`SELECT plaza_stats_rebuild()`);
    expect(await snapshot()).toEqual(kept);
  });
});

describe('GET /api/v1/stats/service and /reports/{ref}', () => {
  it('lists every category with its business-day target and department', async () => {
    const res = await get('/api/v1/stats/service?lang=en');
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBeDefined();
    expect(res.json().categories).toContainEqual({
      code: 'stats-probe-lights',
      name: 'Farolas de prueba',
      targetDays: 2,
      department: { code: DEPT, name: 'Test lighting' },
    });
  });

  it("gives a public report's department and its median days to a first response; 404 for a hidden one", async () => {
    const [{ ref }] = await db.query(
      `SELECT r.ref FROM reports r JOIN departments d ON d.id = r.department_id
        WHERE d.code = $1 AND r.status = 'fixed' ORDER BY r.id LIMIT 1`,
      [DEPT],
    );
    const res = await get(`/api/v1/stats/reports/${ref}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      department: { code: DEPT, name: 'Alumbrado de prueba' },
      // The holiday was removed above: the department's figures as that test left them.
      firstResponse: { count: 4, median: 2, p90: 4.4 },
    });
    const [{ ref: hidden }] = await db.query(`SELECT ref FROM reports WHERE status = 'hidden' LIMIT 1`);
    const missing = await get(`/api/v1/stats/reports/${hidden}`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('STATS.UNKNOWN_REPORT');
  });
});

describe('OpenAPI', () => {
  it('documents the statistics and open-data routes as public', async () => {
    const doc = (await get('/api/openapi.json')).json();
    for (const path of [
      '/api/v1/stats/city',
      '/api/v1/stats/areas/{code}',
      '/api/v1/stats/departments/{code}',
      '/api/v1/open-data/catalog.json',
    ]) {
      expect(doc.paths[path]?.get).toBeDefined();
      expect(doc.paths[path].get.security).toBeUndefined();
    }
    expect(doc.paths['/api/v1/stats/departments/{code}'].get.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'months', in: 'query' })]),
    );
  });
});
