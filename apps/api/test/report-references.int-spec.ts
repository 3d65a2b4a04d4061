// References that never run out (docs/decisions/0010-report-references.md): past 999,999 the
// number keeps all its digits, every route and validator takes it, and older references resolve.
import { ReportPreviewService } from '@plaza/api/reports';
import { REPORT_REF_PATTERN } from '@plaza/shared/contracts';
import { DataSource } from 'typeorm';
import { call, caseUrl, fileReport } from './cases-fixtures';
import { createTestApp, type TestApp } from './create-test-app';
import { DEMO, seedAccounts, signIn, type TestSession } from './sessions';

describe('report references past 999,999 (integration)', () => {
  let t: TestApp;
  let db: DataSource;
  let manager: TestSession;
  const year = String(new Date().getUTCFullYear());

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    await seedAccounts(t);
    manager = await signIn(t, DEMO.manager);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('numbers on from 999,999 to 1,000,000 and beyond, and every reference still resolves', async () => {
    const early = await fileReport(t);
    expect(early).toMatch(new RegExp(`^${year}-\\d{6}$`));

    await db.query(`SELECT setval('report_ref_seq', 999998)`);
    const last6 = await fileReport(t);
    const first7 = await fileReport(t, { category: 'farola', title: 'Farola fundida' });
    const next7 = await fileReport(t, { category: 'farola', title: 'Farola sin luz' });
    expect([last6, first7, next7]).toEqual([`${year}-999999`, `${year}-1000000`, `${year}-1000001`]);
    for (const ref of [early, last6, first7, next7]) expect(ref).toMatch(REPORT_REF_PATTERN);

    // Public API, the list and the server-rendered report page (links in mails and feeds).
    for (const ref of [early, first7]) {
      const detail = await t.inject({ method: 'GET', url: `/api/v1/reports/${ref}` });
      expect(detail.statusCode).toBe(200);
      expect(detail.json().properties.ref).toBe(ref);
      const page = await t.app.get(ReportPreviewService).render(`/reports/${ref}`, 'es', '<html><head></head><body></body></html>');
      expect(page?.status).toBe(200);
    }
    const listed = (await t.inject({ method: 'GET', url: '/api/v1/reports?bbox=-3.9,40.3,-3.5,40.6' })).json();
    expect(listed.features.map((f: { properties: { ref: string } }) => f.properties.ref)).toEqual(expect.arrayContaining([early, first7, next7]));
    // Open311 looks requests up by reference.
    const open311 = await t.inject({ method: 'GET', url: `/open311/v2/requests/${first7}.json` });
    expect(open311.statusCode).toBe(200);
    expect(open311.json()[0].service_request_id).toBe(first7);

    // The console's validators take seven digits: bulk moves and merging into a seven-digit report.
    const bulk = await call(t, manager, 'POST', '/api/v1/staff/cases/bulk', { refs: [first7, early], move: 'priority', priority: 'high' });
    expect(bulk.statusCode).toBe(200);
    expect(bulk.json().results).toEqual([{ ref: first7, ok: true }, { ref: early, ok: true }]);
    const merged = await call(t, manager, 'POST', caseUrl(next7, '/merge'), { into: first7 });
    expect(merged.statusCode).toBe(200);
    expect(merged.json().case).toMatchObject({ status: 'duplicate', duplicateOf: first7 });
  });

  it('never gives a number twice: the old six-character truncation is gone', async () => {
    // Under the old default, lpad('1000000', 6) = '100000': the 100,000th report's reference again.
    await db.query(`SELECT setval('report_ref_seq', 99999)`);
    const hundredThousandth = await fileReport(t);
    expect(hundredThousandth).toBe(`${year}-100000`);
    await db.query(`SELECT setval('report_ref_seq', 1000001)`);
    expect(await fileReport(t)).toBe(`${year}-1000002`);
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM reports WHERE ref = $1`, [hundredThousandth]);
    expect(n).toBe(1);
  });
});
