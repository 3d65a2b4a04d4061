import { confirmByMail } from './report-confirmation';
import sharp from 'sharp';
import { DataSource } from 'typeorm';
import { createTestApp, multipart, type TestApp, type TestResponse } from './create-test-app';
import { DEMO, seedAccounts, signIn, signUp as signUpAs, withSession, type TestSession } from './sessions';

const SOL = { lat: 40.4169, lon: -3.7035 };
const THRESHOLD = 3;

const proposal = (overrides: Record<string, unknown> = {}) => ({
  title: 'Carril bici en la calle de Alcalá',
  summary: 'Un carril protegido para bicicletas entre Sol y Cibeles, separado del tráfico.',
  description: 'Muchas personas van en bicicleta al trabajo por Alcalá y hoy comparten carril con autobuses y coches.',
  theme: 'movilidad',
  lat: SOL.lat,
  lon: SOL.lon,
  showName: false,
  ...overrides,
});

function expectProblem(response: TestResponse, status: number, code?: string): void {
  expect({ status: response.statusCode, type: response.headers['content-type'] }).toEqual({
    status,
    type: expect.stringContaining('application/problem+json'),
  });
  if (code) expect(response.json().code).toBe(code);
}


const YOUTH = { es: 'Juventud', en: 'Youth', ca: 'Joventut', eu: 'Gazteria', gl: 'Mocidade' };
describe('proposals API (integration)', () => {
  let t: TestApp;
  let db: DataSource;
  let author: TestSession;
  let english: TestSession;
  let manager: TestSession;
  let cleaning: TestSession;
  let lighting: TestSession;
  const citizens: TestSession[] = [];

  function signUp(name: string, email: string): Promise<TestSession> {
    return signUpAs(t, { name, email, password: 'una contraseña bastante larga' });
  }

  async function create(session: TestSession, overrides: Record<string, unknown> = {}): Promise<{ id: number } & Record<string, unknown>> {
    const response = await t.inject({ method: 'POST', url: '/api/v1/proposals', headers: withSession(session), payload: proposal(overrides) });
    expect(response.statusCode).toBe(201);
    return response.json();
  }

  const get = (id: number, session: TestSession | null = null) =>
    t.inject({ method: 'GET', url: `/api/v1/proposals/${id}`, headers: withSession(session) });

  beforeAll(async () => {
    t = await createTestApp({ PROPOSAL_SUPPORT_THRESHOLD: String(THRESHOLD) });
    db = t.app.get(DataSource);
    await seedAccounts(t);
    author = await signIn(t, DEMO.citizen);
    english = await signIn(t, DEMO.englishCitizen);
    manager = await signIn(t, DEMO.manager);
    cleaning = await signIn(t, DEMO.cleaningStaff);
    lighting = await signIn(t, DEMO.lightingStaff);
    for (const [i, name] of ['Marta Gil', 'Pedro Sanz', 'Inés Vega'].entries()) citizens.push(await signUp(name, `vecino${i}@example.org`));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists the themes publicly, in the caller\u2019s language', async () => {
    const es = await t.inject({ method: 'GET', url: '/api/v1/proposal-themes' });
    expect(es.statusCode).toBe(200);
    expect(es.json()).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'movilidad', name: 'Movilidad' })]));
    const en = await t.inject({ method: 'GET', url: '/api/v1/proposal-themes', headers: { 'accept-language': 'en' } });
    expect(en.json()).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'medio-ambiente', name: 'Environment' })]));
  });

  it('lets a signed-in citizen propose, computing the area, and shows no personal data', async () => {
    const anonymous = await t.inject({ method: 'POST', url: '/api/v1/proposals', payload: proposal() });
    expectProblem(anonymous, 401, 'AUTH.UNAUTHENTICATED');

    const created = await t.inject({ method: 'POST', url: '/api/v1/proposals', headers: withSession(author), payload: proposal() });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({
      title: 'Carril bici en la calle de Alcalá',
      status: 'published',
      theme: { code: 'movilidad', name: 'Movilidad' },
      area: { name: 'Centro' },
      supports: 0,
      authorName: null,
      supportThreshold: THRESHOLD,
      viewer: { supported: false, following: false, isAuthor: true },
      timeline: [expect.objectContaining({ from: null, to: 'published', by: 'author' })],
    });
    expect(body.location[0]).toBeCloseTo(SOL.lon, 5);
    expect(created.headers['location']).toBe(`/api/v1/proposals/${body.id}`);
    expect(created.body).not.toContain(DEMO.citizen);
    expect(created.body).not.toContain('Rosa');
    expect(created.body).not.toContain(author.user.id);

    const named = await create(author, { showName: true, lat: undefined, lon: undefined, area: '03' });
    expect(named).toMatchObject({ authorName: 'Rosa Jiménez', location: null, area: { code: '03', name: 'Retiro' } });
    const anon = (await get(body.id)).json();
    expect(anon.viewer).toBeUndefined();
    expect(JSON.stringify(anon)).not.toContain(DEMO.citizen);
  });

  it('answers bad input with problem+json 4xx, never 500', async () => {
    const cases: [unknown, number, string | null][] = [
      [{ ...proposal(), title: 'corto' }, 422, 'title'],
      [{ ...proposal(), summary: undefined }, 422, 'summary'],
      [{ ...proposal(), theme: 'no-existe' }, 422, 'theme'],
      [{ ...proposal(), theme: 'DROP TABLE' }, 422, 'theme'],
      [{ ...proposal(), lat: 41.39, lon: 2.17 }, 422, 'lat'],
      [{ ...proposal(), lat: undefined }, 422, 'lat'],
      [{ ...proposal(), lat: 'north' }, 422, 'lat'],
      [{ ...proposal(), lat: undefined, lon: undefined, area: 'atlantis' }, 422, 'area'],
      [{ ...proposal(), showName: 'yes' }, 422, 'showName'],
      [[1, 2], 422, null],
    ];
    for (const [payload, status, field] of cases) {
      const response = await t.inject({ method: 'POST', url: '/api/v1/proposals', headers: withSession(author), payload });
      expect({ payload, status: response.statusCode }).toEqual({ payload, status });
      expectProblem(response, status);
      if (field) expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const text = await t.inject({
      method: 'POST',
      url: '/api/v1/proposals',
      headers: withSession(author, { 'content-type': 'text/plain' }),
      payload: 'hola',
    });
    expect(text.statusCode).toBeGreaterThanOrEqual(400);
    expect(text.statusCode).toBeLessThan(500);
    for (const url of ['/api/v1/proposals/999999', '/api/v1/proposals/abc', '/api/v1/proposals/0', '/api/v1/proposals/99999999999999999999999']) {
      expectProblem(await t.inject({ method: 'GET', url }), 404, 'PROPOSAL.NOT_FOUND');
    }
    for (const query of ['sort=loudest', 'sort=nearest', 'sort=nearest&lat=91&lon=0', 'bbox=1,2,3', 'status=hidden', 'status=open', 'limit=0', 'limit=1000', 'offset=-1', 'theme=Bad!', 'sort=relevance']) {
      expectProblem(await t.inject({ method: 'GET', url: `/api/v1/proposals?${query}` }), 400);
    }
  });

  it('takes up to three images through the shared photo processing', async () => {
    const image = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#2a9d8f' } }).jpeg().toBuffer();
    const form = new FormData();
    for (const [key, value] of Object.entries(proposal({ title: 'Fuente para beber en el parque', lat: undefined, lon: undefined })))
      if (value !== undefined) form.append(key, String(value));
    form.append('images', new Blob([new Uint8Array(image)], { type: 'image/jpeg' }), 'fuente.jpg');
    const { payload, headers } = await multipart(form);
    const created = await t.inject({ method: 'POST', url: '/api/v1/proposals', headers: withSession(author, headers), payload });
    expect(created.statusCode).toBe(201);
    expect(created.json().images).toEqual([expect.objectContaining({ width: 640, height: 480, url: expect.stringContaining('/api/v1/media/') })]);
    const media = await t.inject({ method: 'GET', url: new URL(created.json().images[0].url).pathname });
    expect(media.statusCode).toBe(200);

    const tooMany = new FormData();
    for (const [key, value] of Object.entries(proposal())) tooMany.append(key, String(value));
    for (let i = 0; i < 4; i++) tooMany.append('images', new Blob([new Uint8Array(image)], { type: 'image/jpeg' }), `${i}.jpg`);
    const many = await multipart(tooMany);
    expectProblem(await t.inject({ method: 'POST', url: '/api/v1/proposals', headers: withSession(author, many.headers), payload: many.payload }), 422);

    const broken = new FormData();
    for (const [key, value] of Object.entries(proposal())) broken.append(key, String(value));
    broken.append('images', new Blob([new Uint8Array(Buffer.from('not an image'))], { type: 'image/jpeg' }), 'x.jpg');
    const bad = await multipart(broken);
    expectProblem(await t.inject({ method: 'POST', url: '/api/v1/proposals', headers: withSession(author, bad.headers), payload: bad.payload }), 422);
  });

  it('supports once per citizen, refuses doubles and the author, and moves to evaluation at the threshold', async () => {
    const { id } = await create(author, { title: 'Más bancos a la sombra en Lavapiés' });
    const support = (s: TestSession) => t.inject({ method: 'POST', url: `/api/v1/proposals/${id}/support`, headers: withSession(s) });
    const unsupport = (s: TestSession) => t.inject({ method: 'DELETE', url: `/api/v1/proposals/${id}/support`, headers: withSession(s) });

    expectProblem(await support(author), 403, 'PROPOSAL.OWN_PROPOSAL');
    expectProblem(await t.inject({ method: 'POST', url: `/api/v1/proposals/${id}/support` }), 401);

    const first = await support(citizens[0]!);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toEqual({ supports: 1, supported: true, status: 'published' });
    expectProblem(await support(citizens[0]!), 409, 'PROPOSAL.ALREADY_SUPPORTED');

    expect((await unsupport(citizens[0]!)).json()).toEqual({ supports: 0, supported: false, status: 'published' });
    expectProblem(await unsupport(citizens[0]!), 404, 'PROPOSAL.NOT_SUPPORTED');

    expect((await support(citizens[0]!)).json().supports).toBe(1);
    expect((await support(citizens[1]!)).json()).toMatchObject({ supports: 2, status: 'published' });
    const crossing = await support(citizens[2]!);
    expect(crossing.json()).toEqual({ supports: 3, supported: true, status: 'under_evaluation' });
    const detail = (await get(id, citizens[2]!)).json();
    expect(detail.status).toBe('under_evaluation');
    expect(detail.viewer).toEqual({ supported: true, following: false, isAuthor: false });
    expect(detail.timeline.map((e: { to: string; by: string }) => `${e.by}:${e.to}`)).toEqual(['author:published', 'system:under_evaluation']);
    // A support after evaluation started still counts; withdrawing it does not undo the evaluation.
    expect((await support(english)).json()).toMatchObject({ supports: 4, status: 'under_evaluation' });
    expect((await unsupport(english)).json()).toMatchObject({ supports: 3, status: 'under_evaluation' });

    const everything = JSON.stringify([detail, (await t.inject({ method: 'GET', url: '/api/v1/proposals?sort=supports' })).json()]);
    for (const c of [...citizens, english]) {
      expect(everything).not.toContain(c.user.email);
      expect(everything).not.toContain(c.user.id);
      expect(everything).not.toContain(c.user.name);
    }
    const [row] = await db.query(`SELECT count(*)::int AS n FROM proposal_supports WHERE proposal_id = $1`, [id]);
    expect(row.n).toBe(3);
  });

  it('keeps supports consistent when many arrive at once', async () => {
    const { id } = await create(author, { title: 'Huertos urbanos en solares vacíos' });
    const results = await Promise.all(
      [...citizens, english, citizens[0]!].map((s) => t.inject({ method: 'POST', url: `/api/v1/proposals/${id}/support`, headers: withSession(s) })),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 201, 201, 201, 409]);
    const detail = (await get(id)).json();
    expect(detail.supports).toBe(4);
    expect(detail.timeline.filter((e: { to: string }) => e.to === 'under_evaluation')).toHaveLength(1);
  });

  it('runs the lifecycle with official answers from templates, and refuses what the state machine forbids', async () => {
    const [{ id: cleaningId }] = await db.query(`SELECT id FROM departments WHERE code = 'limpieza'`);
    const { id } = await create(author, { title: 'Papeleras con separación de residuos', theme: 'limpieza' });
    const staff = (s: TestSession, action: string, payload: unknown) =>
      t.inject({ method: 'POST', url: `/api/v1/staff/proposals/${id}/${action}`, headers: withSession(s), payload });
    const templates = (await t.inject({ method: 'GET', url: '/api/v1/staff/proposal-templates?locale=es&outcome=accepted', headers: withSession(cleaning) })).json();
    expect(templates.length).toBeGreaterThan(0);
    const accepted = templates[0];
    const [rejected] = (await t.inject({ method: 'GET', url: '/api/v1/staff/proposal-templates?outcome=rejected', headers: withSession(cleaning) })).json();
    expectProblem(await t.inject({ method: 'GET', url: '/api/v1/staff/proposal-templates?outcome=maybe', headers: withSession(cleaning) }), 400);

    const answer = { outcome: 'accepted', templateId: accepted.id, text: 'Gracias. Limpieza instalará papeleras de cuatro fracciones este otoño.' };
    // Nothing to answer before the evaluation; the theme has no department yet, so nobody but the CM can act.
    expectProblem(await staff(manager, 'answer', answer), 409, 'PROPOSAL.TRANSITION_NOT_ALLOWED');
    expectProblem(await staff(cleaning, 'answer', answer), 409, 'PROPOSAL.NO_DEPARTMENT');
    expectProblem(await staff(cleaning, 'evaluate', {}), 403, 'AUTH.FORBIDDEN');
    expectProblem(await staff(manager, 'evaluate', { departmentId: 'not-a-uuid' }), 422);
    expectProblem(await staff(manager, 'evaluate', { departmentId: '00000000-0000-4000-8000-000000000000' }), 422);

    const evaluated = await staff(manager, 'evaluate', { departmentId: cleaningId, message: 'La estudia Limpieza.' });
    expect(evaluated.statusCode).toBe(200);
    expect(evaluated.json()).toMatchObject({ status: 'under_evaluation', department: { code: 'limpieza' } });
    expectProblem(await staff(manager, 'evaluate', {}), 409, 'PROPOSAL.TRANSITION_NOT_ALLOWED');

    expectProblem(await staff(lighting, 'answer', answer), 403, 'PROPOSAL.NOT_YOUR_DEPARTMENT');
    expectProblem(await staff(cleaning, 'answer', { ...answer, templateId: rejected.id }), 422);
    expectProblem(await staff(cleaning, 'answer', { ...answer, outcome: 'maybe' }), 422);
    expectProblem(await staff(cleaning, 'answer', { ...answer, text: 'corto' }), 422);
    expectProblem(await staff(cleaning, 'progress', { status: 'completed' }), 409, 'PROPOSAL.TRANSITION_NOT_ALLOWED');

    const answered = await staff(cleaning, 'answer', answer);
    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toMatchObject({
      status: 'accepted',
      answers: [{ outcome: 'accepted', text: answer.text, department: { code: 'limpieza', name: 'Limpieza Viaria' } }],
    });
    expectProblem(await staff(cleaning, 'answer', { ...answer, outcome: 'rejected', templateId: rejected.id }), 409);
    expectProblem(await t.inject({ method: 'POST', url: `/api/v1/proposals/${id}/withdraw`, headers: withSession(author) }), 409);
    expectProblem(await staff(cleaning, 'progress', { status: 'completed' }), 409);
    expect((await staff(cleaning, 'progress', { status: 'in_execution', message: 'Pedidas las papeleras.' })).json().status).toBe('in_execution');
    expect((await staff(manager, 'progress', { status: 'completed' })).json().status).toBe('completed');

    const detail = (await get(id)).json();
    expect(detail.timeline.map((e: { to: string; by: string }) => `${e.by}:${e.to}`)).toEqual([
      'author:published',
      'staff:under_evaluation',
      'staff:accepted',
      'staff:in_execution',
      'staff:completed',
    ]);
    expect(detail.timeline[1].message).toBe('La estudia Limpieza.');
    const audit = await db.query(`SELECT action FROM audit_log WHERE entity_type = 'proposal' AND entity_id = $1 ORDER BY seq`, [String(id)]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['proposal.evaluate', 'proposal.answer', 'proposal.progress', 'proposal.progress']);
  });

  it('lets only the author withdraw, and only before a decision', async () => {
    const { id } = await create(author, { title: 'Biblioteca abierta los domingos' });
    expectProblem(await t.inject({ method: 'POST', url: `/api/v1/proposals/${id}/withdraw`, headers: withSession(english) }), 403, 'PROPOSAL.NOT_AUTHOR');
    const withdrawn = await t.inject({ method: 'POST', url: `/api/v1/proposals/${id}/withdraw`, headers: withSession(author) });
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn' });
    expectProblem(await t.inject({ method: 'POST', url: `/api/v1/proposals/${id}/withdraw`, headers: withSession(author) }), 409);
    expectProblem(await t.inject({ method: 'POST', url: `/api/v1/proposals/${id}/support`, headers: withSession(english) }), 409, 'PROPOSAL.NOT_COLLECTING_SUPPORTS');
    const list = (await t.inject({ method: 'GET', url: '/api/v1/proposals?limit=100' })).json();
    expect(list.items.map((p: { id: number }) => p.id)).not.toContain(id);
    const withdrawnList = (await t.inject({ method: 'GET', url: '/api/v1/proposals?status=withdrawn' })).json();
    expect(withdrawnList.items.map((p: { id: number }) => p.id)).toContain(id);
  });

  it('links and unlinks related incident reports (community manager), with audit entries', async () => {
    const { id } = await create(author, { title: 'Sumidero nuevo en la plaza inundada' });
    const report = await t.inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: {
        category: 'agua',
        title: 'Se inunda el paso de peatones',
        description: 'Cada vez que llueve el paso de peatones queda bajo el agua.',
        lat: SOL.lat,
        lon: SOL.lon,
        reporter: { name: 'Ana', email: 'ana@example.org', showName: false },
        consent: true,
      },
    });
    const ref = report.json().properties.ref;
    await confirmByMail(t, ref);
    const link = (s: TestSession, reportRef: string) =>
      t.inject({ method: 'POST', url: `/api/v1/staff/proposals/${id}/reports`, headers: withSession(s), payload: { reportRef } });
    expectProblem(await link(cleaning, ref), 403);
    expectProblem(await link(manager, '2026-999999'), 422);
    expectProblem(await link(manager, '../etc'), 422);
    expect((await link(manager, ref)).json().linkedReports).toEqual([{ ref, title: 'Se inunda el paso de peatones', status: 'confirmed' }]);
    expect((await link(manager, ref)).json().linkedReports).toHaveLength(1);
    const fromReport = await t.inject({ method: 'GET', url: `/api/v1/reports/${ref}/proposals` });
    expect(fromReport.json()).toEqual([expect.objectContaining({ id, title: 'Sumidero nuevo en la plaza inundada' })]);
    expectProblem(await t.inject({ method: 'GET', url: '/api/v1/reports/2026-999999/proposals' }), 404);
    const unlinked = await t.inject({ method: 'DELETE', url: `/api/v1/staff/proposals/${id}/reports/${ref}`, headers: withSession(manager) });
    expect(unlinked.json().linkedReports).toEqual([]);
    expect((await t.inject({ method: 'GET', url: `/api/v1/reports/${ref}/proposals` })).json()).toEqual([]);
    expectProblem(await t.inject({ method: 'DELETE', url: `/api/v1/staff/proposals/${id}/reports/${ref}`, headers: withSession(manager) }), 404);
    const audit = await db.query(`SELECT action FROM audit_log WHERE entity_type = 'proposal' AND entity_id = $1 ORDER BY seq`, [String(id)]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['proposal.link_report', 'proposal.link_report', 'proposal.unlink_report']);
  });

  it('searches Spanish and English word forms, filters, sorts and pages', async () => {
    const trees = await create(english, {
      title: 'Plant a tree on every school street',
      summary: 'Shade for children walking to school in the summer heat.',
      description: 'Schools in Arganzuela have bare streets; trees would cool them down and calm the traffic.',
      theme: 'medio-ambiente',
      lat: 40.3980,
      lon: -3.6950,
    });
    const bikes = await create(author, {
      title: 'Aparcamiento seguro para bicicleta junto al mercado',
      summary: 'Un aparcamiento cubierto y vigilado para la bicicleta de quien compra en el mercado.',
      description: 'Hoy no hay dónde dejar la bicicleta sin miedo a que desaparezca.',
      lat: 40.4240,
      lon: -3.6780,
    });
    const search = async (query: string) => (await t.inject({ method: 'GET', url: `/api/v1/proposals?${query}` })).json();
    const ids = (page: { items: { id: number }[] }) => page.items.map((p) => p.id);

    expect(ids(await search('q=bicicletas'))).toContain(bikes.id);
    expect(ids(await search('q=trees'))).toContain(trees.id);
    expect(ids(await search('q=planting'))).toContain(trees.id);
    expect(ids(await search('q=aparcamientos%20vigilados'))).toEqual([bikes.id]);
    expect(ids(await search('q=trees%20-school'))).not.toContain(trees.id);
    expect((await search('q=submarino')).items).toEqual([]);
    const relevance = await search('q=bicicleta');
    expect(relevance.items[0].id).toBe(bikes.id);

    expect(ids(await search('theme=medio-ambiente'))).toEqual([trees.id]);
    expect(ids(await search('bbox=-3.70,40.39,-3.69,40.40'))).toEqual([trees.id]);
    const near = await search(`sort=nearest&lat=40.3981&lon=-3.6951&limit=2`);
    expect(near.items[0]).toMatchObject({ id: trees.id, distance: expect.any(Number) });
    expect(near.items[0].distance).toBeLessThan(50);

    const newest = await search('sort=newest&limit=2');
    expect(ids(newest)).toEqual([bikes.id, trees.id]);
    expect(newest.total).toBeGreaterThan(2);
    const second = await search('sort=newest&limit=2&offset=2');
    expect(ids(second)).not.toContain(bikes.id);
    const supported = await search('sort=supports&limit=1');
    expect(supported.items[0].supports).toBeGreaterThanOrEqual(3);
    const beyond = await search('sort=newest&offset=5000');
    expect(beyond).toMatchObject({ items: [], total: newest.total });
  });

  it('answers garbage on every proposal and discussion route with a 4xx problem (or accepts all-optional bodies), never a 500', async () => {
    const admin = await signIn(t, DEMO.admin);
    const { id } = await create(author, { title: 'Propuesta para probar entradas rotas' });
    const routes: [string, string][] = [
      ['POST', '/api/v1/proposals'],
      ['POST', `/api/v1/proposals/${id}/withdraw`],
      ['POST', `/api/v1/proposals/${id}/comments`],
      ['POST', '/api/v1/reports/2026-000001/comments'],
      ['PATCH', '/api/v1/comments/1'],
      ['POST', '/api/v1/flags'],
      ['POST', '/api/v1/moderation-decisions/00000000-0000-4000-8000-000000000000/review-request'],
      ['POST', `/api/v1/staff/proposals/${id}/evaluate`],
      ['POST', `/api/v1/staff/proposals/${id}/answer`],
      ['POST', `/api/v1/staff/proposals/${id}/progress`],
      ['POST', `/api/v1/staff/proposals/${id}/reports`],
      ['POST', `/api/v1/staff/flags/comment/1/hide`],
      ['POST', '/api/v1/staff/moderation-decisions/00000000-0000-4000-8000-000000000000/review'],
      ['POST', `/api/v1/staff/users/${author.user.id}/block`],
      ['POST', '/api/v1/admin/proposal-themes'],
      ['PATCH', '/api/v1/admin/proposal-themes/movilidad'],
    ];
    const bodies: unknown[] = [
      '{"broken json',
      [],
      { title: null, body: null, reason: null, outcome: null, status: null, justification: null, message: null, note: null },
      { title: ['x'], body: { a: 1 }, reason: 7, outcome: true, status: 3, departmentId: 5, name: 'x', active: 'yes', parentId: -1, targetId: 3 },
    ];
    const failures: string[] = [];
    for (const [method, url] of routes) {
      for (const payload of bodies) {
        const raw = typeof payload === 'string';
        const response = await t.inject({
          method,
          url,
          headers: withSession(admin, raw ? { 'content-type': 'application/json' } : {}),
          payload,
        });
        const problem = response.headers['content-type']?.includes('application/problem+json');
        // Routes whose fields are all optional may accept nulls (absent); nothing may fail with a 500.
        const optionalOnly = url.endsWith('/evaluate') || url.includes('/admin/proposal-themes/');
        if (response.statusCode >= 500 || (response.statusCode >= 400 ? !problem : !optionalOnly)) {
          failures.push(`${method} ${url} ${JSON.stringify(payload)} → ${response.statusCode} ${response.body.slice(0, 120)}`);
        }
      }
    }
    expect(failures).toEqual([]);

    // An empty body names every missing field, so forms can put each message beside its field.
    const comment = (
      await t.inject({ method: 'POST', url: `/api/v1/proposals/${id}/comments`, headers: withSession(author), payload: { body: 'Un comentario' } })
    ).json();
    const required: [string, string, string[]][] = [
      ['POST', '/api/v1/flags', ['targetType', 'targetId', 'reason']],
      ['POST', `/api/v1/proposals/${id}/comments`, ['body']],
      ['POST', '/api/v1/reports/2026-000001/comments', ['body']],
      ['PATCH', `/api/v1/comments/${comment.id}`, ['body']],
      ['POST', '/api/v1/moderation-decisions/00000000-0000-4000-8000-000000000000/review-request', ['message']],
      ['POST', `/api/v1/staff/proposals/${id}/answer`, ['outcome', 'templateId', 'text']],
      ['POST', `/api/v1/staff/proposals/${id}/progress`, ['status']],
      ['POST', `/api/v1/staff/proposals/${id}/reports`, ['reportRef']],
      ['POST', `/api/v1/staff/flags/comment/${comment.id}/hide`, ['reason']],
      ['POST', '/api/v1/staff/moderation-decisions/00000000-0000-4000-8000-000000000000/review', ['outcome', 'note']],
      ['POST', `/api/v1/staff/users/${author.user.id}/block`, ['justification']],
      ['POST', '/api/v1/proposals', ['title', 'summary', 'description', 'theme']],
    ];
    const missing: string[] = [];
    for (const [method, url, fields] of required) {
      const response = await t.inject({ method, url, headers: withSession(method === 'PATCH' ? author : admin), payload: {} });
      const named = response.statusCode === 422 ? (response.json().errors ?? []).map((e: { field: string }) => e.field) : [];
      const absent = fields.filter((f) => !named.includes(f));
      if (response.statusCode !== 422 || absent.length) missing.push(`${method} ${url} → ${response.statusCode}, missing ${absent.join(', ')}`);
    }
    expect(missing).toEqual([]);
    const queries = ['/api/v1/staff/proposals?status=nope', '/api/v1/staff/proposals?limit=x', '/api/v1/proposals?q=' + 'a'.repeat(201), '/api/v1/proposals?lat=1&lon=x', '/api/v1/proposals?q=%22%22%22&sort=relevance'];
    for (const url of queries) {
      const response = await t.inject({ method: 'GET', url, headers: withSession(admin) });
      expect({ url, ok: response.statusCode < 500 }).toEqual({ url, ok: true });
    }
  });

  it('lets administrators manage themes (audited), and nobody else', async () => {
    const admin = await signIn(t, DEMO.admin);
    const [{ id: parks }] = await db.query(`SELECT id FROM departments WHERE code = 'parques'`);
    const created = await t.inject({
      method: 'POST',
      url: '/api/v1/admin/proposal-themes',
      headers: withSession(admin),
      payload: { code: 'juventud', name: YOUTH, departmentId: parks },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().name).toEqual(YOUTH);
    // All five languages, each missing one named by its field (issue 18).
    const noGalician = await t.inject({
      method: 'POST',
      url: '/api/v1/admin/proposal-themes',
      headers: withSession(admin),
      payload: { code: 'mayores', name: { es: 'Mayores', en: 'Older people', ca: 'Gent gran', eu: 'Adinekoak' } },
    });
    expectProblem(noGalician, 422);
    expect(noGalician.json().errors).toEqual([expect.objectContaining({ field: 'name.gl' })]);
    const themesEu = (await t.inject({ method: 'GET', url: '/api/v1/proposal-themes?lang=eu' })).json();
    expect(themesEu.find((theme: { code: string }) => theme.code === 'juventud').name).toBe('Gazteria');
    // A built-in theme got its Basque name from migration 1797418265031.
    expect(themesEu.find((theme: { code: string }) => theme.code === 'movilidad').name).toBe('Mugikortasuna');
    expectProblem(
      await t.inject({ method: 'POST', url: '/api/v1/admin/proposal-themes', headers: withSession(admin), payload: { code: 'juventud', name: YOUTH } }),
      409,
    );
    expectProblem(await t.inject({ method: 'POST', url: '/api/v1/admin/proposal-themes', headers: withSession(admin), payload: { code: 'X' } }), 422);
    const youth = await create(author, { title: 'Un local de ensayo para grupos jóvenes', theme: 'juventud' });
    expect((await get(youth.id)).json().department).toMatchObject({ code: 'parques' });

    const retired = await t.inject({ method: 'PATCH', url: '/api/v1/admin/proposal-themes/juventud', headers: withSession(admin), payload: { active: false } });
    expect(retired.json()).toMatchObject({ code: 'juventud', active: false, departmentId: parks });
    expectProblem(await t.inject({ method: 'POST', url: '/api/v1/proposals', headers: withSession(author), payload: proposal({ theme: 'juventud' }) }), 422);
    expectProblem(await t.inject({ method: 'PATCH', url: '/api/v1/admin/proposal-themes/nope', headers: withSession(admin), payload: {} }), 404);
    const [entry] = await db.query(`SELECT action FROM audit_log WHERE entity_type = 'proposal_theme' ORDER BY seq DESC LIMIT 1`);
    expect(entry.action).toBe('proposal_theme.update');
  });
});
