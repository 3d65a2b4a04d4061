import { PhotoWorker } from '@plaza/api/media';
import sharp from 'sharp';
import { DataSource } from 'typeorm';
import { call, caseUrl, CHAMBERI, citizenReport, expectProblem, fileReport } from './cases-fixtures';
import { createTestApp, multipart, type TestApp, type TestResponse } from './create-test-app';
import { confirmByMail } from './report-confirmation';
import { DEMO, seedAccounts, signIn, withSession, type TestSession } from './sessions';

// Issue 12, findings 10 and 11: personal data never reaches the public before a human sees it,
// staff replies are screened and styled by the API itself, and a hidden photo is really hidden.

const GOOD_REPLY = 'Hola. Hemos revisado el aviso y el equipo pasará esta semana a arreglarlo. Un saludo.';
const PHONE_REPLY = 'Hola. Para concertar la visita llame al 612 345 678 por las mañanas, por favor. Un saludo.';

describe('screening of public text and hidden photos', () => {
  let t: TestApp;
  let db: DataSource;
  let manager: TestSession;
  let cleaning: TestSession;
  let lighting: TestSession;
  let citizen: TestSession;

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    await seedAccounts(t);
    manager = await signIn(t, DEMO.manager);
    cleaning = await signIn(t, DEMO.cleaningStaff);
    lighting = await signIn(t, DEMO.lightingStaff);
    citizen = await signIn(t, DEMO.citizen);
    // The case the finding describes: a category that publishes without pre-moderation.
    await db.query(`UPDATE categories SET requires_moderation = false WHERE code = 'limpieza'`);
    // Cleaning publishes its own replies; lighting's go to a community manager as drafts.
    await db.query(`UPDATE departments SET trusted_to_publish = (code = 'limpieza') WHERE code IN ('limpieza', 'alumbrado')`);
  });
  afterAll(async () => {
    await t?.close();
  });

  const publicReport = (ref: string) => call(t, null, 'GET', `/api/v1/reports/${ref}`);
  const moderationQueue = async () =>
    (await call(t, manager, 'GET', '/api/v1/staff/cases?queue=moderation&limit=100')).json().items as Array<{ ref: string; held: unknown }>;
  const auditOf = async (ref: string, action: string) =>
    db.query(`SELECT after FROM audit_log WHERE entity_type = 'report' AND entity_id = $1 AND action = $2 ORDER BY seq`, [ref, action]);

  describe('reports and comments with personal data are held for moderation', () => {
    it('holds a report with a DNI in a category without pre-moderation, and shows why in the queue', async () => {
      const clean = await fileReport(t);
      expect((await publicReport(clean)).statusCode).toBe(200);

      const ref = await fileReport(t, { description: 'El coche que tira basura es del vecino con DNI 12345678Z, llamadle.' });
      expectProblem(await publicReport(ref), 404);
      const map = (await call(t, null, 'GET', `/api/v1/reports?bbox=${CHAMBERI.lon - 0.01},${CHAMBERI.lat - 0.01},${CHAMBERI.lon + 0.01},${CHAMBERI.lat + 0.01}&limit=200`)).json();
      expect(map.features.map((f: { id: string }) => f.id)).not.toContain(ref);

      const queue = await moderationQueue();
      expect(queue.find((c) => c.ref === ref)).toMatchObject({ held: { kinds: ['dni'], fields: ['description'] } });
      expect(queue.find((c) => c.ref === clean)).toBeUndefined();
      const detail = (await call(t, manager, 'GET', caseUrl(ref))).json();
      expect(detail).toMatchObject({ status: 'unconfirmed', moderation: 'awaiting', held: { kinds: ['dni'], fields: ['description'] } });

      // A bulk publication never publishes a held case unseen; opened and published one by one, it may be.
      const pintada = await fileReport(t, { category: 'pintada' });
      const bulk = await call(t, manager, 'POST', '/api/v1/staff/cases/bulk', { move: 'publish', refs: [ref, pintada] });
      expect(bulk.json().results).toEqual([
        { ref, ok: false, code: 'SCREENING.HELD', detail: expect.any(String) },
        { ref: pintada, ok: true },
      ]);
      expectProblem(await publicReport(ref), 404);

      // The moderator redacts and publishes: the hold has done its job.
      await call(t, manager, 'PATCH', caseUrl(ref, '/text'), { description: 'El coche que tira basura es de un vecino.', reason: 'personal_data' });
      const published = await call(t, manager, 'POST', caseUrl(ref, '/publish'), {});
      expect(published.json().case).toMatchObject({ status: 'confirmed', held: null });
      expect((await publicReport(ref)).json().properties.description).toBe('El coche que tira basura es de un vecino.');
    });

    it('holds phones, emails, plates and names in the title or address too, but not street numbers', async () => {
      const held = await fileReport(t, { title: 'Furgoneta 1234 BCD en el vado', address: 'Calle Mayor 12, 3º B' });
      expect((await moderationQueue()).find((c) => c.ref === held)).toMatchObject({ held: { kinds: ['plate'], fields: ['title'] } });
      const ordinary = await fileReport(t, {
        title: 'Bache en la calle Mayor 12',
        description: 'Desde 2024 hay un bache frente al portal 127, a 500 metros del metro.',
        address: 'Calle Mayor 12, 28013 Madrid',
      });
      expect((await publicReport(ordinary)).statusCode).toBe(200);
    });

    it('holds a comment with a phone number, on posting and on editing, and lists it in the flag queue with its reason', async () => {
      const ref = await fileReport(t);
      const url = `/api/v1/reports/${ref}/comments`;
      const posted = await call(t, citizen, 'POST', url, { body: 'Si alguien lo ve, llamadme al 612 345 678' });
      expect(posted.statusCode).toBe(201);
      expect(posted.json()).toMatchObject({ state: 'hidden', body: null, hidden: { reason: 'personal_data', provisional: true } });
      const thread = (await call(t, null, 'GET', url)).json();
      expect(JSON.stringify(thread)).not.toContain('612');

      const queue = (await call(t, manager, 'GET', '/api/v1/staff/flags')).json();
      const item = queue.find((q: { targetId: string }) => q.targetId === String(posted.json().id));
      expect(item).toMatchObject({ targetType: 'comment', flags: 0, state: 'hidden_provisionally', held: { kinds: ['phone'], fields: ['body'] } });
      expect(item.excerpt).toContain('612 345 678');
      expect((await call(t, manager, 'GET', '/api/v1/staff/flags/count')).json().open).toBeGreaterThanOrEqual(1);

      // Nothing wrong after all (say, the city's own number): the moderator lets it through.
      const dismissed = await call(t, manager, 'POST', `/api/v1/staff/flags/comment/${posted.json().id}/dismiss`);
      expect(dismissed.statusCode).toBe(200);
      expect(JSON.stringify((await call(t, null, 'GET', url)).json())).toContain('612 345 678');

      const clean = await call(t, citizen, 'POST', url, { body: 'Yo también lo he visto esta mañana.' });
      expect(clean.json()).toMatchObject({ state: 'visible' });
      const edited = await call(t, citizen, 'PATCH', `/api/v1/comments/${clean.json().id}`, { body: 'Escribidme a vecina.lopez@example.org' });
      expect(edited.json()).toMatchObject({ state: 'hidden', hidden: { reason: 'personal_data' } });
    });
  });

  describe('proposals and their comments with personal data are held for moderation', () => {
    const proposal = (overrides: Record<string, unknown>) => ({
      title: 'Más bancos en la plaza del barrio',
      summary: 'Bancos a la sombra para quienes esperan el autobús.',
      description: 'La plaza no tiene dónde sentarse y mucha gente mayor espera de pie al sol.',
      theme: 'movilidad',
      lat: 40.4169,
      lon: -3.7035,
      showName: false,
      ...overrides,
    });

    it('holds a proposal with a phone or a DNI in its title, summary or description, with the reason in the flag queue', async () => {
      const held = await call(t, citizen, 'POST', '/api/v1/proposals', proposal({ summary: 'Llamadme al 612 345 678 y lo hablamos con la vecindad.' }));
      expect(held.statusCode).toBe(201);
      const id: number = held.json().id;
      // Nobody else sees it, nor finds it in the list, until a moderator looks.
      const seen = await call(t, null, 'GET', `/api/v1/proposals/${id}`);
      expect(seen.json()).toMatchObject({ status: 'hidden', hidden: { reason: 'personal_data', provisional: true } });
      expect(seen.body).not.toContain('612 345 678');
      const list = (await call(t, null, 'GET', '/api/v1/proposals?limit=100')).json();
      expect(JSON.stringify(list)).not.toContain('612 345 678');

      const queue = (await call(t, manager, 'GET', '/api/v1/staff/flags')).json();
      const item = queue.find((q: { targetType: string; targetId: string }) => q.targetType === 'proposal' && q.targetId === String(id));
      expect(item).toMatchObject({ flags: 0, state: 'hidden_provisionally', held: { kinds: ['phone'], fields: ['summary'] } });

      // The moderator finds nothing wrong: it is published as it was.
      expect((await call(t, manager, 'POST', `/api/v1/staff/flags/proposal/${id}/dismiss`)).statusCode).toBe(200);
      expect((await call(t, null, 'GET', `/api/v1/proposals/${id}`)).json()).toMatchObject({ status: 'published' });

      const dni = await call(t, citizen, 'POST', '/api/v1/proposals', proposal({ title: 'Propuesta de 12345678Z para la plaza' }));
      const dniItem = (await call(t, manager, 'GET', '/api/v1/staff/flags'))
        .json()
        .find((q: { targetType: string; targetId: string }) => q.targetType === 'proposal' && q.targetId === String(dni.json().id));
      expect(dniItem).toMatchObject({ held: { kinds: ['dni'], fields: ['title'] } });

      const clean = await call(t, citizen, 'POST', '/api/v1/proposals', proposal({}));
      expect(clean.json()).toMatchObject({ status: 'published' });
    });

    it('holds a comment on a proposal with an email address', async () => {
      const clean = await call(t, citizen, 'POST', '/api/v1/proposals', proposal({ title: 'Fuentes de agua en el parque' }));
      const url = `/api/v1/proposals/${clean.json().id}/comments`;
      const posted = await call(t, citizen, 'POST', url, { body: 'Escribidme a vecina.lopez@example.org para organizarlo' });
      expect(posted.statusCode).toBe(201);
      expect(posted.json()).toMatchObject({ state: 'hidden', hidden: { reason: 'personal_data', provisional: true } });
      expect(JSON.stringify((await call(t, null, 'GET', url)).json())).not.toContain('vecina.lopez');
    });
  });

  describe('staff replies and drafts are screened by the API', () => {
    const expectScreening = (response: TestResponse, code: string, error: Record<string, unknown>) => {
      expectProblem(response, 422);
      expect(response.json()).toMatchObject({ code, errors: [expect.objectContaining(error)] });
    };

    it('refuses a reply with a phone number, publishes it with a community manager’s override and audits it', async () => {
      const ref = await fileReport(t, { category: 'limpieza' });
      const refused = await call(t, manager, 'POST', caseUrl(ref, '/replies'), { body: PHONE_REPLY });
      expectScreening(refused, 'SCREENING.PERSONAL_DATA', { field: 'body', code: 'personal_data', kinds: ['phone'] });
      expect(JSON.stringify((await publicReport(ref)).json())).not.toContain('612 345 678');

      // Department staff may not override, even when trusted to publish.
      const departmentOverride = await call(t, cleaning, 'POST', caseUrl(ref, '/replies'), { body: PHONE_REPLY, override: { reason: 'Es nuestro teléfono' } });
      expectScreening(departmentOverride, 'SCREENING.PERSONAL_DATA', { field: 'override', code: 'not_allowed' });
      expectProblem(await call(t, manager, 'POST', caseUrl(ref, '/replies'), { body: PHONE_REPLY, override: {} }), 422, 'override.reason');

      const overridden = await call(t, manager, 'POST', caseUrl(ref, '/replies'), {
        body: PHONE_REPLY,
        override: { reason: 'Es el teléfono público de la Junta de Distrito' },
      });
      expect(overridden.statusCode).toBe(200);
      expect((await publicReport(ref)).json().properties.timeline.at(-1)).toMatchObject({ message: PHONE_REPLY });
      expect(await auditOf(ref, 'case.screening_override')).toEqual([
        { after: expect.objectContaining({ field: 'body', kinds: ['phone'], reason: 'Es el teléfono público de la Junta de Distrito' }) },
      ]);
      // Progress messages and publication messages are screened too.
      expectScreening(await call(t, cleaning, 'POST', caseUrl(ref, '/acknowledge'), { message: 'Lo vio el DNI 12345678Z' }), 'SCREENING.PERSONAL_DATA', {
        field: 'message',
        kinds: ['dni'],
      });
    });

    it('lets a department draft with a phone wait, and refuses to approve it unless overridden', async () => {
      const ref = await fileReport(t, { category: 'farola' });
      const drafted = await call(t, lighting, 'POST', caseUrl(ref, '/replies'), { body: PHONE_REPLY });
      expect(drafted.statusCode).toBe(202);
      const draftId = drafted.json().case.drafts[0].id;
      expectScreening(await call(t, manager, 'POST', caseUrl(ref, `/drafts/${draftId}/approve`), {}), 'SCREENING.PERSONAL_DATA', {
        field: 'body',
        kinds: ['phone'],
      });
      const approved = await call(t, manager, 'POST', caseUrl(ref, `/drafts/${draftId}/approve`), { override: { reason: 'Teléfono del servicio de alumbrado' } });
      expect(approved.statusCode).toBe(200);
      expect(await auditOf(ref, 'case.screening_override')).toHaveLength(1);
    });

    it('enforces the style guide’s blocking rules: "ok" is refused, warnings are not, and no override lifts it', async () => {
      const ref = await fileReport(t, { category: 'limpieza' });
      expectScreening(await call(t, manager, 'POST', caseUrl(ref, '/replies'), { body: 'ok' }), 'SCREENING.STYLE_RULES', {
        field: 'body',
        code: 'style_rules',
        rules: ['greeting', 'too_short'],
      });
      expectScreening(
        await call(t, manager, 'POST', caseUrl(ref, '/replies'), { body: 'ok', override: { reason: 'prisa' } }),
        'SCREENING.STYLE_RULES',
        { rules: ['greeting', 'too_short'] },
      );
      expectScreening(
        await call(t, cleaning, 'POST', caseUrl(ref, '/resolve'), { status: 'fixed', body: 'Hola, cerramos la orden de trabajo de limpieza de esta calle hoy mismo. Un saludo.' }),
        'SCREENING.STYLE_RULES',
        { rules: ['jargon'] },
      );
      // The language the console says the reply is in decides which greetings count.
      expectScreening(
        await call(t, manager, 'POST', caseUrl(ref, '/replies'), { body: 'Hello, the cleaning team will come by this week to sort it out. Regards.', language: 'es' }),
        'SCREENING.STYLE_RULES',
        { rules: ['greeting'] },
      );
      expect((await call(t, manager, 'POST', caseUrl(ref, '/replies'), { body: GOOD_REPLY })).statusCode).toBe(200);

      const draftRef = await fileReport(t, { category: 'farola' });
      const draftId = (await call(t, lighting, 'POST', caseUrl(draftRef, '/replies'), { body: 'ok' })).json().case.drafts[0].id;
      expectScreening(await call(t, manager, 'POST', caseUrl(draftRef, `/drafts/${draftId}/approve`), {}), 'SCREENING.STYLE_RULES', {
        rules: ['greeting', 'too_short'],
      });
      expect((await call(t, manager, 'POST', caseUrl(draftRef, `/drafts/${draftId}/approve`), { body: GOOD_REPLY })).statusCode).toBe(200);
    });
  });

  describe('hidden photos', () => {
    async function reportWithPhoto(): Promise<{ ref: string; url: string; thumbnailUrl: string; photoId: string }> {
      const jpeg = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#3060c0' } }).jpeg().toBuffer();
      const form = new FormData();
      const fields = citizenReport({ category: 'farola', title: 'Farola caída', description: 'La farola se ha caído sobre la acera.' });
      for (const [key, value] of Object.entries(fields)) {
        if (key === 'reporter') for (const [k, v] of Object.entries(value as Record<string, unknown>)) form.set(`reporter[${k}]`, String(v));
        else form.set(key, String(value));
      }
      form.append('photos', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), 'farola.jpg');
      const filed = await t.inject({ method: 'POST', url: '/api/v1/reports', ...(await multipart(form)) });
      expect(filed.statusCode).toBe(201);
      const ref = filed.json().properties.ref;
      await confirmByMail(t, ref);
      await t.app.get(PhotoWorker).drain();
      await call(t, manager, 'POST', caseUrl(ref, '/publish'), {});
      const [photo] = (await publicReport(ref)).json().properties.photos;
      const [{ id: photoId }] = (await call(t, manager, 'GET', caseUrl(ref))).json().photos;
      return { ref, url: new URL(photo.url).pathname, thumbnailUrl: new URL(photo.thumbnailUrl).pathname, photoId };
    }
    const get = (url: string, headers: Record<string, string> = {}) => t.inject({ method: 'GET', url, headers });

    it('serves public photos with a short, revalidated cache and an ETag instead of "forever"', async () => {
      const { url, thumbnailUrl } = await reportWithPhoto();
      for (const path of [url, thumbnailUrl]) {
        const photo = await get(path);
        expect(photo.statusCode).toBe(200);
        expect(photo.headers['content-type']).toBe('image/jpeg');
        expect(photo.headers['cache-control']).toBe('public, max-age=300, must-revalidate');
        expect(photo.headers['cache-control']).not.toContain('immutable');
        expect(photo.headers.etag).toMatch(/^"[a-f0-9-]+(-thumb)?"$/);
        const again = await get(path, { 'if-none-match': photo.headers.etag as string });
        expect(again.statusCode).toBe(304);
      }
    });

    it('answers 404 for a photo the community manager hid, its thumbnail and revalidations, and leaves it out of Open311', async () => {
      const { ref, url, thumbnailUrl, photoId } = await reportWithPhoto();
      const etag = (await get(url)).headers.etag as string;
      const open311Before = (await get(`/open311/v2/requests/${ref}.json`)).json();
      expect(open311Before[0].media_url).toContain(url);

      const hidden = await call(t, manager, 'PATCH', caseUrl(ref, `/photos/${photoId}`), { hidden: true, reason: 'Se ve una matrícula' });
      expect(hidden.statusCode).toBe(200);
      for (const path of [url, thumbnailUrl]) expectProblem(await get(path), 404);
      expectProblem(await get(url, { 'if-none-match': etag }), 404);
      expect((await publicReport(ref)).json().properties.photos).toEqual([]);
      expect((await get(`/open311/v2/requests/${ref}.json`)).json()[0].media_url ?? null).toBeNull();

      // Staff still see it, through their own route, never cached.
      const staffUrl = new URL(hidden.json().case.photos[0].url).pathname;
      expect(staffUrl).toMatch(/^\/api\/v1\/staff\/media\//);
      const asStaff = await t.inject({ method: 'GET', url: staffUrl, headers: withSession(manager) });
      expect(asStaff.statusCode).toBe(200);
      expect(asStaff.headers['cache-control']).toBe('private, no-store');
      expectProblem(await get(staffUrl), 401);

      await call(t, manager, 'PATCH', caseUrl(ref, `/photos/${photoId}`), { hidden: false });
      expect((await get(url)).statusCode).toBe(200);
    });

    it('answers 404 for the photos of a hidden report', async () => {
      const { ref, url, thumbnailUrl } = await reportWithPhoto();
      expect((await call(t, manager, 'POST', caseUrl(ref, '/hide'), { reason: 'Duplicado ofensivo' })).statusCode).toBe(200);
      for (const path of [url, thumbnailUrl]) expectProblem(await get(path), 404);
    });
  });
});
