import { seedDemoProposals } from '@plaza/api/seed';
import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from './create-test-app';
import { call, caseUrl, departmentId, expectProblem, fileReport } from './cases-fixtures';
import { DEMO, seedAccounts, signIn, type TestSession } from './sessions';

/**
 * Issue 16 items 10 and 11 on the API side: what each role may do matches what the console offers
 * (department staff keep off cases awaiting moderation, see only their departments' proposals),
 * and the inbox pages by keyset with counts and a total that follow the filters.
 */
describe('console roles and inbox paging (integration)', () => {
  let t: TestApp;
  let db: DataSource;
  let manager: TestSession;
  let cleaning: TestSession;

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    await seedAccounts(t);
    manager = await signIn(t, DEMO.manager);
    cleaning = await signIn(t, DEMO.cleaningStaff);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('keeps department staff off a case still awaiting moderation until it is published', async () => {
    const ref = await fileReport(t, { category: 'limpieza' });
    // As a moderated category's report would be: routed, but not yet public.
    await db.query(`UPDATE reports SET status = 'unconfirmed' WHERE ref = $1`, [ref]);
    const view = (await call(t, cleaning, 'GET', caseUrl(ref))).json();
    expect(view.permissions.workAsDepartment).toBe(false);
    for (const [move, body] of [
      ['/acknowledge', {}],
      ['/start', {}],
      ['/replies', { body: 'Hola, gracias por avisar. Lo revisamos. Un saludo.' }],
      ['/refer-back', { reason: 'No es nuestro, es de parques.' }],
    ] as const) {
      const response = await call(t, cleaning, 'POST', caseUrl(ref, move), body);
      expectProblem(response, 409);
      expect({ move, code: response.json().code }).toEqual({ move, code: 'CASE.AWAITING_MODERATION' });
    }
    expect((await call(t, manager, 'POST', caseUrl(ref, '/publish'), {})).statusCode).toBe(200);
    expect((await call(t, cleaning, 'GET', caseUrl(ref))).json().permissions.workAsDepartment).toBe(true);
    expect((await call(t, cleaning, 'POST', caseUrl(ref, '/acknowledge'), {})).statusCode).toBe(200);
  });

  it('pages the inbox by keyset: no case twice or missed when new ones arrive between pages', async () => {
    for (let i = 0; i < 7; i += 1) await fileReport(t, { category: 'farola', title: `Farola apagada número ${i}` });
    const base = '/api/v1/staff/cases?category=farola&limit=3';
    const first = (await call(t, manager, 'GET', base)).json();
    expect(first.items).toHaveLength(3);
    expect(first.total).toBeGreaterThanOrEqual(7);
    // A case arriving after the first page would shift an offset-based second page by one.
    await fileReport(t, { category: 'farola', title: 'Farola recién llegada' });
    const seen: string[] = first.items.map((c: { ref: string }) => c.ref);
    let cursor: string | null = first.nextCursor;
    while (cursor) {
      const page = (await call(t, manager, 'GET', `${base}&cursor=${encodeURIComponent(cursor)}`)).json();
      seen.push(...page.items.map((c: { ref: string }) => c.ref));
      cursor = page.nextCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(first.total);
    expect([...seen].sort().reverse()).toEqual(seen); // refs grow with filing time: newest first

    for (const sort of ['oldest', 'due', 'priority', 'updated']) {
      const refs: string[] = [];
      let next: string | null = null;
      do {
        const query: string = `${base}&sort=${sort}${next ? `&cursor=${encodeURIComponent(next)}` : ''}`;
        const page = (await call(t, manager, 'GET', query)).json();
        refs.push(...page.items.map((c: { ref: string }) => c.ref));
        next = page.nextCursor;
      } while (next);
      const all = (await call(t, manager, 'GET', `/api/v1/staff/cases?category=farola&limit=100&sort=${sort}`)).json();
      expect({ sort, refs }).toEqual({ sort, refs: all.items.map((c: { ref: string }) => c.ref) });
    }
    // A cursor belongs to its sort.
    expectProblem(await call(t, manager, 'GET', `${base}&sort=due&cursor=${encodeURIComponent(first.nextCursor)}`), 400, 'cursor');
  });

  it('counts each queue and totals the list within the filters, beyond the page size', async () => {
    const all = (await call(t, manager, 'GET', '/api/v1/staff/cases?limit=2')).json();
    const lights = (await call(t, manager, 'GET', '/api/v1/staff/cases?limit=2&category=farola')).json();
    expect(all.items).toHaveLength(2);
    expect(all.total).toBe(all.counts.all);
    expect(all.total).toBeGreaterThan(lights.total);
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM reports r JOIN categories c ON c.id = r.category_id
        WHERE c.code = 'farola' AND r.confirmation_pending_since IS NULL`,
    );
    expect(lights.counts.all).toBe(n);
    expect(lights.total).toBe(n);
    const cleaningQueue = (await call(t, cleaning, 'GET', '/api/v1/staff/cases?limit=1')).json();
    expect(cleaningQueue.counts.all).toBeLessThan(all.counts.all);
  });

  it('lists department staff only the proposals their departments answer', async () => {
    await db.transaction((m) => seedDemoProposals(m));
    const everything = (await call(t, manager, 'GET', '/api/v1/staff/proposals?limit=100')).json();
    const mine = (await call(t, cleaning, 'GET', '/api/v1/staff/proposals?limit=100')).json();
    const cleaningId = await departmentId(t, 'limpieza');
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM proposals WHERE department_id = $1`, [cleaningId]);
    expect(n).toBeGreaterThan(0);
    expect(mine.total).toBe(n);
    expect(everything.total).toBeGreaterThan(mine.total);
    const [{ ids }] = await db.query(`SELECT array_agg(id::text ORDER BY id) AS ids FROM proposals WHERE department_id = $1`, [cleaningId]);
    expect(mine.items.map((p: { id: number | string }) => String(p.id)).sort()).toEqual([...ids].sort());
  });
});
