import { AuditService } from '@plaza/api/audit';
import { seedDemoCases, seedDemoHolidays } from '@plaza/api/seed';
import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from './create-test-app';
import {
  auditActions,
  call,
  caseUrl,
  CHAMBERI,
  departmentId,
  expectProblem,
  fileReport,
  SOL,
} from './cases-fixtures';
import { DEMO, seedAccounts, signIn, type TestSession } from './sessions';

describe('moderation console: inbox, case view and the community manager’s moves', () => {
  let t: TestApp;
  let manager: TestSession;
  let cleaning: TestSession;
  let lighting: TestSession;
  let citizen: TestSession;

  beforeAll(async () => {
    t = await createTestApp();
    await seedAccounts(t);
    manager = await signIn(t, DEMO.manager);
    cleaning = await signIn(t, DEMO.cleaningStaff);
    lighting = await signIn(t, DEMO.lightingStaff);
    citizen = await signIn(t, DEMO.citizen);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists what needs a human, with counts per queue, filters and search', async () => {
    const graffiti = await fileReport(t, {
      category: 'pintada',
      title: 'Pintada en la fachada',
      description: 'Pintada enorme en la fachada del colegio.',
    });
    const light = await fileReport(t, { category: 'farola', title: 'Farola apagada toda la noche' });

    const moderation = await call(t, manager, 'GET', '/api/v1/staff/cases?queue=moderation');
    expect(moderation.statusCode).toBe(200);
    const inbox = moderation.json();
    expect(inbox.items.map((c: { ref: string }) => c.ref)).toEqual([graffiti]);
    expect(inbox.items[0]).toMatchObject({
      status: 'unconfirmed',
      moderation: 'awaiting',
      priority: 'normal',
      category: { code: 'pintada' },
      department: { code: 'limpieza' },
      area: { code: expect.any(String) },
      due: { targetDays: 10, overdue: false, businessDaysLeft: expect.any(Number) },
    });
    expect(inbox.counts).toMatchObject({ moderation: 1, all: 2, unassigned: 0, referred: 0, drafts: 0 });

    const search = (await call(t, manager, 'GET', '/api/v1/staff/cases?q=farola')).json();
    expect(search.items.map((c: { ref: string }) => c.ref)).toEqual([light]);
    const byCategory = (await call(t, manager, 'GET', '/api/v1/staff/cases?category=pintada&status=unconfirmed')).json();
    expect(byCategory.items.map((c: { ref: string }) => c.ref)).toEqual([graffiti]);
    const page = (await call(t, manager, 'GET', '/api/v1/staff/cases?limit=1&sort=oldest')).json();
    expect(page.items.map((c: { ref: string }) => c.ref)).toEqual([graffiti]);
    const next = (await call(t, manager, 'GET', `/api/v1/staff/cases?limit=1&sort=oldest&cursor=${page.nextCursor}`)).json();
    expect(next.items.map((c: { ref: string }) => c.ref)).toEqual([light]);

    // Department staff see only their departments' cases, and counts to match.
    const mine = (await call(t, lighting, 'GET', '/api/v1/staff/cases')).json();
    expect(mine.items.map((c: { ref: string }) => c.ref)).toEqual([light]);
    expect(mine.counts.all).toBe(1);

    expectProblem(await call(t, manager, 'GET', '/api/v1/staff/cases?queue=everything'), 400, 'queue');
    expectProblem(await call(t, manager, 'GET', '/api/v1/staff/cases?status=open'), 400, 'status');
    expectProblem(await call(t, manager, 'GET', '/api/v1/staff/cases?cursor=nonsense'), 400, 'cursor');
  });

  it('shows a case with the reporter’s private contact to staff, and refuses it outside the department', async () => {
    const ref = await fileReport(t, { category: 'farola' });
    const view = await call(t, manager, 'GET', caseUrl(ref));
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({
      ref,
      reporter: { name: 'Lucía Pérez', email: 'lucia@example.org', phone: '+34 600 111 222' },
      department: { code: 'alumbrado' },
      routing: { basis: 'category_default', department: { code: 'alumbrado' }, matchesCurrent: true },
      timeline: [expect.objectContaining({ to: 'confirmed', actorKind: 'citizen', isPublic: true })],
      allowedStatuses: expect.arrayContaining(['investigating', 'fixed', 'hidden']),
      permissions: { moderate: true, publishDirectly: true, seeCommunityManagerNotes: true },
    });
    expect((await call(t, lighting, 'GET', caseUrl(ref))).statusCode).toBe(200);
    expectProblem(await call(t, cleaning, 'GET', caseUrl(ref)), 403);
    expectProblem(await call(t, citizen, 'GET', caseUrl(ref)), 403);
    expectProblem(await call(t, null, 'GET', caseUrl(ref)), 401);
    expectProblem(await call(t, manager, 'GET', caseUrl('2026-999999')), 404);
    // Nothing of the reporter reaches the public page.
    const publicView = await call(t, null, 'GET', `/api/v1/reports/${ref}`);
    expect(publicView.body).not.toContain('lucia@example.org');
    expect(publicView.body).not.toContain('600 111 222');
  });

  it('redacts the public text (the original stays in the audit trail), publishes, hides and shows again', async () => {
    const ref = await fileReport(t, {
      category: 'pintada',
      title: 'Pintada en el portal',
      description: 'Llamadme al 612 345 678, soy el del 3º. DNI 12345678Z.',
    });
    expect((await call(t, null, 'GET', `/api/v1/reports/${ref}`)).statusCode).toBe(404);

    const edited = await call(t, manager, 'PATCH', caseUrl(ref, '/text'), {
      description: 'Llamadme al [teléfono retirado], soy el del 3º. DNI [retirado].',
      reason: 'personal_data',
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ outcome: 'applied', case: { description: expect.stringContaining('[teléfono retirado]') } });

    const published = await call(t, manager, 'POST', caseUrl(ref, '/publish'), { message: 'Gracias por su aviso.' });
    expect(published.json().case).toMatchObject({ status: 'confirmed', moderation: 'published' });
    const publicView = await call(t, null, 'GET', `/api/v1/reports/${ref}`);
    expect(publicView.statusCode).toBe(200);
    expect(publicView.body).not.toContain('612 345 678');
    expect(publicView.json().properties.timeline.at(-1)).toMatchObject({ to: 'confirmed', actor: 'city', message: 'Gracias por su aviso.' });

    // Stored sealed under the report's key (crypto-shredding, decision 0007); readable through the log while the key lives.
    const [stored] = await t.app
      .get(DataSource)
      .query(`SELECT before::text AS before FROM audit_log WHERE action = 'case.edit_text' AND entity_id = $1`, [ref]);
    expect(stored.before).not.toContain('612 345 678');
    const textEdit = (await t.app.get(AuditService).page(null, 100)).entries.find(
      (e) => e.action === 'case.edit_text' && e.entityId === ref,
    ) as { before: { description: string }; after: { description: string } };
    expect(textEdit.before.description).toContain('612 345 678');
    expect(textEdit.after.description).not.toContain('612 345 678');

    expectProblem(await call(t, manager, 'POST', caseUrl(ref, '/hide'), {}), 422, 'reason');
    const hidden = await call(t, manager, 'POST', caseUrl(ref, '/hide'), { reason: 'Contenido ofensivo' });
    expect(hidden.json().case).toMatchObject({ status: 'hidden', moderation: 'hidden' });
    expect(hidden.json().case.timeline.at(-1)).toMatchObject({ to: 'hidden', isPublic: false, message: 'Contenido ofensivo' });
    expect((await call(t, null, 'GET', `/api/v1/reports/${ref}`)).statusCode).toBe(404);
    expect((await call(t, manager, 'POST', caseUrl(ref, '/publish'), {})).json().case.status).toBe('confirmed');
    // Publishing what is already public is not a move the state machine knows.
    expectProblem(await call(t, manager, 'POST', caseUrl(ref, '/publish'), {}), 409);
    expectProblem(await call(t, cleaning, 'POST', caseUrl(ref, '/publish'), {}), 403);
    expectProblem(await call(t, manager, 'PATCH', caseUrl(ref, '/text'), { title: 'x' }), 422, 'title');
    expectProblem(await call(t, manager, 'PATCH', caseUrl(ref, '/text'), {}), 422, 'title');

    expect(await auditActions(t, ref)).toEqual(['case.edit_text', 'case.publish', 'case.hide', 'case.publish']);
  });

  it('hides and shows a photo', async () => {
    const ref = await fileReport(t);
    const db = t.app.get(DataSource);
    const [photo] = await db.query(
      `INSERT INTO report_photos (report_id, position, storage_key, thumbnail_key, width, height, bytes)
       SELECT id, 0, 'p.jpg', 'p-thumb.jpg', 10, 10, 100 FROM reports WHERE ref = $1 RETURNING id`,
      [ref],
    );
    const hidden = await call(t, manager, 'PATCH', caseUrl(ref, `/photos/${photo.id}`), { hidden: true, reason: 'Se ve una matrícula' });
    expect(hidden.json().case.photos).toEqual([expect.objectContaining({ id: photo.id, hidden: true })]);
    expect((await call(t, null, 'GET', `/api/v1/reports/${ref}`)).json().properties.photos).toEqual([]);
    await call(t, manager, 'PATCH', caseUrl(ref, `/photos/${photo.id}`), { hidden: false });
    expect((await call(t, null, 'GET', `/api/v1/reports/${ref}`)).json().properties.photos).toHaveLength(1);
    expectProblem(await call(t, manager, 'PATCH', caseUrl(ref, '/photos/not-a-photo'), { hidden: true }), 404);
    expectProblem(await call(t, manager, 'PATCH', caseUrl(ref, `/photos/${photo.id}`), { hidden: 'yes' }), 422, 'hidden');
  });

  it('recomputes area and department when the category or the location changes, and assigns by hand', async () => {
    const ref = await fileReport(t, { category: 'limpieza' });
    const toLight = await call(t, manager, 'POST', caseUrl(ref, '/category'), { category: 'farola' });
    expect(toLight.json().case).toMatchObject({ category: { code: 'farola' }, department: { code: 'alumbrado' }, due: { targetDays: 5 } });

    const graffiti = await call(t, manager, 'POST', caseUrl(ref, '/category'), { category: 'pintada' });
    expect(graffiti.json().case.department.code).toBe('limpieza');
    // In Centro a routing rule sends graffiti to the street-furniture team.
    const moved = await call(t, manager, 'POST', caseUrl(ref, '/location'), { ...SOL, address: 'Puerta del Sol, 1' });
    expect(moved.json().case).toMatchObject({
      area: { code: '01' },
      department: { code: 'mobiliario' },
      address: 'Puerta del Sol, 1',
      routing: { basis: 'area_rule', matchesCurrent: true },
    });

    const assigned = await call(t, manager, 'POST', caseUrl(ref, '/assign'), { departmentId: await departmentId(t, 'limpieza') });
    expect(assigned.json().case).toMatchObject({ department: { code: 'limpieza' }, routing: { matchesCurrent: false } });

    expectProblem(await call(t, manager, 'POST', caseUrl(ref, '/location'), { lat: 48.8566, lon: 2.3522 }), 422, 'lat');
    expectProblem(await call(t, manager, 'POST', caseUrl(ref, '/category'), { category: 'nope' }), 422, 'category');
    expectProblem(await call(t, manager, 'POST', caseUrl(ref, '/assign'), { departmentId: 'limpieza' }), 422, 'departmentId');
    expectProblem(
      await call(t, manager, 'POST', caseUrl(ref, '/assign'), { departmentId: '00000000-0000-4000-8000-000000000000' }),
      422,
      'departmentId',
    );
    expect(await auditActions(t, ref)).toEqual(['case.category', 'case.category', 'case.location', 'case.assign']);
  });

  it('sets priority, alone or in bulk, each case succeeding or failing on its own', async () => {
    const one = await fileReport(t);
    const two = await fileReport(t);
    expect((await call(t, manager, 'POST', caseUrl(one, '/priority'), { priority: 'urgent' })).json().case.priority).toBe('urgent');
    expectProblem(await call(t, manager, 'POST', caseUrl(one, '/priority'), { priority: 'asap' }), 422, 'priority');

    const bulk = await call(t, manager, 'POST', '/api/v1/staff/cases/bulk', {
      refs: [one, two, '2026-999999'],
      move: 'priority',
      priority: 'high',
    });
    expect(bulk.json().results).toEqual([
      { ref: one, ok: true },
      { ref: two, ok: true },
      { ref: '2026-999999', ok: false, code: 'CASE.NOT_FOUND', detail: expect.any(String) },
    ]);
    const sorted = (await call(t, manager, 'GET', '/api/v1/staff/cases?sort=priority&limit=2')).json();
    expect(sorted.items.map((c: { priority: string }) => c.priority)).toEqual(['high', 'high']);
    expectProblem(await call(t, manager, 'POST', '/api/v1/staff/cases/bulk', { refs: [one], move: 'hide' }), 422, 'reason');
  });

  it('merges a duplicate into the original: it points there and its followers move over', async () => {
    const original = await fileReport(t, { category: 'farola', title: 'Farola fundida' });
    const duplicate = await fileReport(t, { category: 'farola', title: 'Farola sin luz' });
    const db = t.app.get(DataSource);
    const [{ id: citizenId }] = await db.query(`SELECT id FROM users WHERE email = $1`, [DEMO.citizen]);
    await db.query(
      `INSERT INTO follows (target_type, target_id, user_id) SELECT 'report', id, $2 FROM reports WHERE ref = $1`,
      [duplicate, citizenId],
    );
    // The case view offers the other as a nearby similar report.
    const view = (await call(t, manager, 'GET', caseUrl(duplicate))).json();
    expect(view.nearby.map((n: { ref: string }) => n.ref)).toContain(original);
    expect(view.followers).toBe(1);

    expectProblem(await call(t, manager, 'POST', caseUrl(duplicate, '/merge'), { into: duplicate }), 422, 'into');
    expectProblem(await call(t, manager, 'POST', caseUrl(duplicate, '/merge'), { into: '2026-999999' }), 422, 'into');
    expectProblem(await call(t, manager, 'POST', caseUrl(duplicate, '/merge'), { into: 'original' }), 422, 'into');
    const merged = await call(t, manager, 'POST', caseUrl(duplicate, '/merge'), { into: original });
    expect(merged.json().case).toMatchObject({ status: 'duplicate', duplicateOf: original, followers: 0, due: null });
    expect(merged.json().case.timeline.at(-1).message).toContain(original);
    const originalView = (await call(t, manager, 'GET', caseUrl(original))).json();
    expect(originalView).toMatchObject({ duplicates: [duplicate], followers: 1 });
    const publicDuplicate = (await call(t, null, 'GET', `/api/v1/reports/${duplicate}`)).json();
    expect(publicDuplicate.properties.status).toBe('duplicate');
    // The public page links the report it duplicates; the original links none.
    expect(publicDuplicate.properties.duplicateOf).toBe(original);
    expect((await call(t, null, 'GET', `/api/v1/reports/${original}`)).json().properties.duplicateOf).toBeNull();
    // A duplicate is not an original to merge into.
    const third = await fileReport(t, { category: 'farola' });
    expectProblem(await call(t, manager, 'POST', caseUrl(third, '/merge'), { into: duplicate }), 422, 'into');
  });

  it('files a report on behalf of a citizen who phoned, recording the channel', async () => {
    const filed = await call(t, manager, 'POST', '/api/v1/staff/cases', {
      category: 'bache',
      title: 'Bache frente al centro de salud',
      description: 'Llamada de una vecina: bache profundo en el carril bus.',
      ...CHAMBERI,
      reporter: { name: 'Carmen Ruiz', phone: '+34 611 222 333', showName: false },
      channel: 'phone',
      channelDetails: 'Llamada al 010, 9:40',
    });
    expect(filed.statusCode).toBe(201);
    expect(filed.json().case).toMatchObject({
      source: 'phone',
      channelDetails: 'Llamada al 010, 9:40',
      reporter: { name: 'Carmen Ruiz', email: null, phone: '+34 611 222 333' },
      department: { code: 'vias-publicas' },
      status: 'confirmed',
    });
    expect(await auditActions(t, filed.json().case.ref)).toEqual(['case.file_on_behalf']);

    const published = await call(t, manager, 'POST', '/api/v1/staff/cases', {
      category: 'pintada',
      title: 'Pintada vista en redes',
      description: 'Publicado en redes sociales con foto.',
      ...CHAMBERI,
      reporter: { name: 'Usuario de redes', email: 'redes@example.org', showName: false },
      channel: 'social_media',
      channelDetails: 'https://social.example/post/1',
      publish: true,
    });
    expect(published.json().case).toMatchObject({ status: 'confirmed', source: 'social_media' });

    const base = { category: 'bache', title: 'Bache', description: 'Bache grande', ...CHAMBERI, channel: 'phone' };
    expectProblem(await call(t, manager, 'POST', '/api/v1/staff/cases', { ...base, reporter: { name: 'X', showName: false } }), 422, 'reporter.email');
    expectProblem(await call(t, manager, 'POST', '/api/v1/staff/cases', { ...base, channel: 'fax', reporter: { name: 'X', phone: '600000000', showName: false } }), 422, 'channel');
    expectProblem(await call(t, manager, 'POST', '/api/v1/staff/cases', { ...base, lat: 48.85, lon: 2.35, reporter: { name: 'X', phone: '600000000', showName: false } }), 422, 'lat');
    // The public form's own rules apply (the DTO picks them from CreateReportDto).
    expectProblem(await call(t, manager, 'POST', '/api/v1/staff/cases', { ...base, title: 'x', reporter: { name: 'X', phone: '600000000', showName: false } }), 422, 'title');
    expectProblem(await call(t, manager, 'POST', '/api/v1/staff/cases', { ...base, lat: 'north', reporter: { name: 'X', phone: '600000000', showName: false } }), 422, 'lat');
    expectProblem(await call(t, cleaning, 'POST', '/api/v1/staff/cases', base), 403);
  });

  it('replies publicly from a template with its placeholders filled on the server', async () => {
    const ref = await fileReport(t, { category: 'farola' });
    const template = await call(t, manager, 'POST', '/api/v1/admin/templates', {
      title: 'Recibido',
      locale: 'es',
      categoryCode: 'farola',
      body: 'Hola. Hemos recibido su aviso {ref} sobre «{category}» y lo atiende {department}.',
    });
    expect(template.statusCode).toBe(201);
    const templateId = template.json().id;
    const filled = (await call(t, manager, 'GET', caseUrl(ref, `/template-fill?templateId=${templateId}`))).json();
    expect(filled.body).toBe(`Hola. Hemos recibido su aviso ${ref} sobre «Farola apagada» y lo atiende Alumbrado Público.`);

    const reply = await call(t, manager, 'POST', caseUrl(ref, '/replies'), { templateId, status: 'investigating' });
    expect(reply.statusCode).toBe(200);
    expect(reply.json().case.timeline.at(-1)).toMatchObject({
      to: 'investigating',
      message: filled.body,
      isPublic: true,
      writtenBy: { name: expect.any(String) },
      approvedBy: null,
    });
    expect((await call(t, null, 'GET', `/api/v1/reports/${ref}`)).json().properties.timeline.at(-1).message).toBe(filled.body);

    expectProblem(await call(t, manager, 'POST', caseUrl(ref, '/replies'), { body: 'Hola {nombre}' }), 422, 'body');
    expectProblem(await call(t, manager, 'POST', caseUrl(ref, '/replies'), {}), 422, 'body');
    expectProblem(await call(t, manager, 'POST', caseUrl(ref, '/replies'), { body: 'Hola', status: 'unconfirmed' }), 409);
    expectProblem(await call(t, manager, 'GET', caseUrl(ref, '/template-fill')), 422, 'templateId');
  });

  it('seeds a demo queue with every situation, and Madrid’s holidays (demo data only)', async () => {
    const db = t.app.get(DataSource);
    const seeded = await db.transaction(async (m) => ({ holidays: await seedDemoHolidays(m), cases: await seedDemoCases(m) }));
    expect(seeded).toEqual({ holidays: 28, cases: 9 });
    expect(await db.transaction(async (m) => seedDemoCases(m))).toBe(0);

    const inbox = (await call(t, manager, 'GET', '/api/v1/staff/cases?queue=moderation&q=portal')).json();
    const flagged = inbox.items.find((c: { title: string }) => c.title === 'Pintadas en el portal de mi casa');
    const detail = (await call(t, manager, 'GET', caseUrl(flagged.ref))).json();
    expect(detail.description).toMatch(/612 345 678.*12345678Z/);
    const counts = (await call(t, manager, 'GET', '/api/v1/staff/cases')).json().counts;
    expect(counts).toMatchObject({ unassigned: 2, referred: 1, drafts: 1 });
    expect(counts.moderation).toBeGreaterThanOrEqual(3);
    const overdue = (await call(t, manager, 'GET', '/api/v1/staff/cases?queue=overdue&q=farolas')).json();
    expect(overdue.items[0]).toMatchObject({ priority: 'urgent', due: { overdue: true } });
    const localHolidays = (await call(t, manager, 'GET', '/api/v1/staff/holidays?from=2026-01-01&to=2026-12-31')).json();
    expect(localHolidays.filter((h: { scope: string }) => h.scope === 'local').map((h: { date: string }) => h.date)).toEqual([
      '2026-05-15',
      '2026-11-09',
    ]);
  });
});
