import { OutboxWorker } from '@plaza/api/outbox';
// The leak test (issue 15): unique markers planted through every input that takes personal data,
// then every public output crawled; any marker found anywhere fails. A test of the test crawls a
// staff endpoint too, where the markers must be found, so a crawler that finds nothing cannot pass.
import { ApiClientsService } from '@plaza/api/api-clients';
import { ReportPreviewService } from '@plaza/api/reports';
import { DataSource } from 'typeorm';
import { call, caseUrl, CHAMBERI, SOL } from './cases-fixtures';
import { createTestApp, type TestApp, type TestResponse } from './create-test-app';
import { confirmByMail } from './report-confirmation';
import { DEMO, seedAccounts, signIn, signUp as signUpAs, type TestSession } from './sessions';

/** One marker per input: the field it went in, a value no fixture or text could contain by chance. */
const MARKERS = {
  reportName: 'Zqxrepname Leakmarker',
  reportEmail: 'zqx-rep-email@leak.test',
  reportPhone: '+34 699 410 001',
  accountName: 'Zqxaccname Leakmarker',
  accountEmail: 'zqx-acc-email@leak.test',
  accountReportPhone: '+34 699 410 002',
  proposalAuthorName: 'Zqxpropname Leakmarker',
  proposalAuthorEmail: 'zqx-prop-email@leak.test',
  commentAuthorName: 'Zqxcomname Leakmarker',
  commentAuthorEmail: 'zqx-com-email@leak.test',
  alertEmail: 'zqx-alert-email@leak.test',
  open311FirstName: 'Zqxo311first',
  open311LastName: 'Zqxo311last',
  open311Email: 'zqx-o311-email@leak.test',
  open311Phone: '+34 699 410 003',
  onBehalfName: 'Zqxbehalfname Leakmarker',
  onBehalfEmail: 'zqx-behalf-email@leak.test',
  onBehalfPhone: '+34 699 410 004',
  onBehalfDetails: 'Zqxbehalfdetails llamada',
} as const;

/** Every spelling a marker could take in an output: as is, lower-cased, and as escaped in XML/HTML/JSON. */
function spellings(marker: string): string[] {
  const forms = new Set([marker, marker.toLowerCase(), marker.replace(/@/g, '&#64;'), marker.replace(/@/g, '\\u0040')]);
  // A phone may be reformatted: its digits alone.
  if (/^\+?[\d ]+$/.test(marker)) forms.add(marker.replace(/\D/g, '').slice(-9));
  // A name may be split: each distinctive word.
  for (const word of marker.split(/\s+/)) if (word.startsWith('Zqx')) forms.add(word.toLowerCase());
  return [...forms];
}

/** The markers (by field) found in a body. */
function leaksIn(body: string, markers: Record<string, string> = MARKERS): string[] {
  const haystack = body.toLowerCase();
  return Object.entries(markers)
    .filter(([, marker]) => spellings(marker).some((form) => haystack.includes(form.toLowerCase())))
    .map(([field]) => field);
}

describe('no personal data in any public output (integration)', () => {
  let t: TestApp;
  let db: DataSource;
  let manager: TestSession;
  const refs: string[] = [];
  const proposalIds: number[] = [];
  const crawled: Array<{ url: string; status: number; leaks: string[] }> = [];

  function signUp(name: string, email: string): Promise<TestSession> {
    return signUpAs(t, { name, email, password: 'una contraseña larga' });
  }

  async function crawl(url: string, init: { method?: string; payload?: unknown; headers?: Record<string, string> } = {}): Promise<TestResponse> {
    const response = await t.inject({ method: init.method ?? 'GET', url, ...(init.payload !== undefined ? { payload: init.payload } : {}), headers: init.headers ?? {} });
    crawled.push({ url: `${init.method ?? 'GET'} ${url}`, status: response.statusCode, leaks: leaksIn(`${JSON.stringify(response.headers)}\n${response.body}`) });
    return response;
  }

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    await seedAccounts(t);
    manager = await signIn(t, DEMO.manager);

    // 1. An anonymous report, name not shown.
    const anonymous = await t.inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: {
        category: 'limpieza', title: 'Acera sucia', description: 'Restos de basura delante del portal.', ...CHAMBERI,
        reporter: { name: MARKERS.reportName, email: MARKERS.reportEmail, phone: MARKERS.reportPhone, showName: false },
        consent: true,
      },
    });
    refs.push(anonymous.json().properties.ref);
    await confirmByMail(t, refs[0]!);

    // 2. An account's report (name not shown), a proposal author with showName false, a commenter.
    const citizen = await signUp(MARKERS.accountName, MARKERS.accountEmail);
    const own = await call(t, citizen, 'POST', '/api/v1/reports', {
      category: 'bache', title: 'Bache en la calzada', description: 'Bache profundo junto al paso de peatones.', ...SOL,
      reporter: { name: MARKERS.accountName, email: MARKERS.accountEmail, phone: MARKERS.accountReportPhone, showName: false },
      consent: true,
    });
    refs.push(own.json().properties.ref);
    const author = await signUp(MARKERS.proposalAuthorName, MARKERS.proposalAuthorEmail);
    const proposal = await call(t, author, 'POST', '/api/v1/proposals', {
      title: 'Más bancos en la plaza', summary: 'Bancos a la sombra para descansar.', description: 'Hoy no hay dónde sentarse a la sombra.',
      theme: 'movilidad', ...SOL, showName: false,
    });
    expect(proposal.statusCode).toBe(201);
    proposalIds.push(proposal.json().id);
    const commenter = await signUp(MARKERS.commentAuthorName, MARKERS.commentAuthorEmail);
    expect((await call(t, commenter, 'POST', `/api/v1/proposals/${proposalIds[0]}/comments`, { body: 'Totalmente de acuerdo.' })).statusCode).toBe(201);
    expect((await call(t, commenter, 'POST', `/api/v1/reports/${refs[1]}/comments`, { body: 'A mí también me pasa.' })).statusCode).toBe(201);

    // 3. An alert.
    const alert = await t.inject({
      method: 'POST', url: '/api/v1/alerts',
      payload: { email: MARKERS.alertEmail, scope: 'category', category: 'bache', frequency: 'daily', consent: true },
    });
    expect(alert.statusCode).toBeLessThan(300);
    // The subscription is filed by the outbox worker, after the answer.
    await t.app.get(OutboxWorker).runOnce();

    // 4. Open311 POST from a client that vouches for its users.
    const { client, key } = await t.app.get(ApiClientsService).create({ name: 'Leak test client', contactEmail: 'dev@client.example' });
    await db.query(`UPDATE api_clients SET verifies_reporters = true WHERE id = $1`, [client.id]);
    const open311 = await t.inject({
      method: 'POST', url: '/open311/v2/requests.json',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      payload: new URLSearchParams({
        api_key: key, service_code: 'farola', lat: String(SOL.lat), long: String(SOL.lon),
        first_name: MARKERS.open311FirstName, last_name: MARKERS.open311LastName, email: MARKERS.open311Email, phone: MARKERS.open311Phone,
        description: 'La farola lleva tres noches apagada.',
      }).toString(),
    });
    expect(open311.statusCode).toBe(200);

    // 5. Filed on behalf of a caller, published.
    const behalf = await call(t, manager, 'POST', '/api/v1/staff/cases', {
      category: 'bache', title: 'Bache frente al centro de salud', description: 'Llamada de una vecina: bache en el carril bus.', ...CHAMBERI,
      reporter: { name: MARKERS.onBehalfName, email: MARKERS.onBehalfEmail, phone: MARKERS.onBehalfPhone, showName: false },
      channel: 'phone', channelDetails: MARKERS.onBehalfDetails, publish: true,
    });
    expect(behalf.statusCode).toBe(201);
    refs.push(behalf.json().case.ref);
    // A public status change with an answer, so updates feeds and Open311 updates have content.
    await db.query(
      `WITH r AS (UPDATE reports SET status = 'fixed', updated_at = now() WHERE ref = $1 RETURNING id)
       INSERT INTO report_events (report_id, actor_kind, from_status, to_status, message, is_public)
       SELECT id, 'staff', 'confirmed', 'fixed', 'Reparado.', true FROM r`,
      [refs[2]],
    );
    const [o311] = await db.query(`SELECT ref FROM reports WHERE source LIKE 'open311%' ORDER BY id DESC LIMIT 1`);
    refs.push(o311.ref);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('plants every marker where staff can see it (the test of the test: the crawler finds what is there)', async () => {
    const staffBodies: string[] = [];
    for (const ref of refs) staffBodies.push((await call(t, manager, 'GET', caseUrl(ref))).body);
    const found = new Set(leaksIn(staffBodies.join('\n')));
    for (const field of ['reportName', 'reportEmail', 'reportPhone', 'accountName', 'accountEmail', 'accountReportPhone',
      'open311Email', 'open311Phone', 'onBehalfName', 'onBehalfEmail', 'onBehalfPhone', 'onBehalfDetails']) {
      expect([field, found.has(field)]).toEqual([field, true]);
    }
    // The rest are in the database (where only staff and the person reach them).
    const stored = JSON.stringify(await db.query(`SELECT name, email FROM users UNION ALL SELECT NULL, email FROM alert_subscriptions`));
    for (const field of ['proposalAuthorName', 'proposalAuthorEmail', 'commentAuthorName', 'commentAuthorEmail', 'alertEmail']) {
      expect([field, leaksIn(stored).includes(field)]).toEqual([field, true]);
    }
    // Every form recorded consent, through its channel, with the notice version shown.
    const consents: Array<{ form: string; channel: string }> = await db.query(`SELECT DISTINCT form, channel FROM consent_records`);
    expect(consents.map((c) => `${c.form}/${c.channel}`).sort()).toEqual(
      ['alert/web', 'comment/web', 'proposal/web', 'report/on_behalf', 'report/open311', 'report/web', 'signup/web'],
    );

    // A deliberately exposed field is caught through the same public crawl: a reporter who chose to show
    // their name gets it on the public page, and the crawler flags it there.
    const control = { shownName: 'Zqxcontrolshown Visible' };
    const shown = await t.inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: {
        category: 'limpieza', title: 'Papelera llena', description: 'La papelera rebosa desde el lunes.', ...CHAMBERI,
        reporter: { name: control.shownName, email: 'control@example.org', showName: true }, consent: true,
      },
    });
    const controlRef: string = shown.json().properties.ref;
    await confirmByMail(t, controlRef);
    expect(leaksIn((await t.inject({ method: 'GET', url: `/api/v1/reports/${controlRef}` })).body, control)).toEqual(['shownName']);
    expect(leaksIn((await t.inject({ method: 'GET', url: '/api/v1/open-data/reports.csv' })).body, control)).toEqual([]);
    // And the matcher catches the escaped and reformatted spellings.
    expect(leaksIn(JSON.stringify({ name: MARKERS.open311FirstName.toUpperCase() }))).toEqual(['open311FirstName']);
    expect(leaksIn('<contact>zqx-o311-email&#64;leak.test</contact>')).toEqual(['open311Email']);
    expect(leaksIn('tel: 699410003')).toEqual(['open311Phone']);
  });

  it('finds no marker in any public page, feed, export, statistic, API document or error', async () => {
    const bbox = '-3.9,40.3,-3.5,40.6';
    const lang = ['es', 'en'];
    await crawl(`/api/v1/reports?bbox=${bbox}`);
    await crawl(`/api/v1/reports/clusters?bbox=${bbox}&zoom=10`);
    await crawl(`/api/v1/reports/clusters?bbox=-3.712,40.412,-3.698,40.438&zoom=16`);
    for (const point of [CHAMBERI, SOL]) await crawl(`/api/v1/reports/nearby?lat=${point.lat}&lon=${point.lon}`);
    for (const ref of refs) {
      for (const l of lang) await crawl(`/api/v1/reports/${ref}?lang=${l}`);
      await crawl(`/api/v1/reports/${ref}/comments`);
      await crawl(`/api/v1/reports/${ref}/proposals`);
      await crawl(`/feeds/reports/${ref}.rss`);
      await crawl(`/feeds/reports/${ref}.atom`);
      await crawl(`/open311/v2/requests/${ref}.json`);
      await crawl(`/open311/v2/requests/${ref}.xml`);
    }
    await crawl('/api/v1/proposals');
    for (const id of proposalIds) {
      await crawl(`/api/v1/proposals/${id}`);
      await crawl(`/api/v1/proposals/${id}/comments`);
    }
    for (const format of ['rss', 'atom']) await crawl(`/feeds/reports.${format}`);
    for (const format of ['json', 'xml']) {
      await crawl(`/open311/v2/requests.${format}`);
      await crawl(`/open311/v2/servicerequestupdates.${format}?start_date=${new Date(Date.now() - 86_400_000).toISOString()}`);
      await crawl(`/open311/v2/services.${format}`);
      await crawl(`/open311/v2/discovery.${format}`);
    }
    for (const dataset of ['reports', 'proposals']) {
      await crawl(`/api/v1/open-data/${dataset}.csv`);
      await crawl(`/api/v1/open-data/${dataset}.geojson`);
    }
    await crawl('/api/v1/open-data/catalog.json');
    await crawl('/api/v1/stats/city');
    const [area] = await db.query(`SELECT a.code FROM areas a JOIN reports r ON r.area_id = a.id LIMIT 1`);
    const [department] = await db.query(`SELECT d.code FROM departments d JOIN reports r ON r.department_id = d.id LIMIT 1`);
    await crawl(`/api/v1/stats/areas/${area.code}`);
    await crawl(`/api/v1/stats/departments/${department.code}`);
    await crawl('/api/v1/map/settings');
    await crawl('/api/openapi.json');

    // Error bodies: invalid input carrying the markers must not echo them back.
    await crawl('/api/v1/reports', {
      method: 'POST',
      payload: { category: 'limpieza', title: 'x', description: 'y', lat: 99, lon: 0, reporter: { name: MARKERS.reportName, email: MARKERS.reportEmail, phone: MARKERS.reportPhone, showName: false }, consent: true },
    });
    await crawl('/api/v1/reports', { method: 'POST', payload: { reporter: { email: `${MARKERS.reportEmail}@@`, name: MARKERS.reportName } } });
    await crawl('/api/v1/alerts', { method: 'POST', payload: { email: MARKERS.alertEmail, scope: 'nowhere', frequency: 'daily', consent: true } });
    await crawl('/api/v1/auth/signup', { method: 'POST', payload: { name: MARKERS.accountName, email: MARKERS.accountEmail, password: 'una contraseña larga', consent: true } });
    await crawl('/api/v1/auth/login', { method: 'POST', payload: { email: MARKERS.accountEmail, password: 'mal' } });
    await crawl('/open311/v2/requests.json', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ service_code: 'nope', first_name: MARKERS.open311FirstName, email: MARKERS.open311Email }).toString(),
    });

    // The report pages' social preview tags (what the API serves for /reports/{ref} when the map is built).
    const preview = t.app.get(ReportPreviewService);
    const template = preview.shell('<!doctype html><html lang="es"><head><title>Plaza</title><meta name="description" content="Plaza" /></head><body></body></html>');
    for (const ref of refs) {
      for (const l of lang) {
        const page = await preview.render(`/reports/${ref}`, l as 'es', template);
        expect(page?.status).toBe(200);
        crawled.push({ url: `preview /reports/${ref} (${l})`, status: page!.status, leaks: leaksIn(page!.html) });
      }
    }

    // Everything answered (a 5xx would hide what it would have shown), and nothing leaked.
    expect(crawled.filter((c) => c.status >= 500)).toEqual([]);
    expect(crawled.filter((c) => c.url.startsWith('GET') && c.status !== 200).map((c) => c.url)).toEqual([]);
    expect(crawled.filter((c) => c.leaks.length > 0)).toEqual([]);
    expect(crawled.length).toBeGreaterThan(60);
  });
});
