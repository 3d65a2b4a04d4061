import { randomUUID } from 'node:crypto';
import { CaseChangeLogPurgeJob, CaseEventsService, type CaseChange } from '@plaza/api/cases';
import { loadConfig } from '@plaza/api/config';
import { RedisService } from '@plaza/api/redis';
import { testDatabaseMode } from '@plaza/api/testing';
import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from './create-test-app';
import { auditActions, call, caseUrl, departmentId, expectProblem, fileReport } from './cases-fixtures';
import { DEMO, seedAccounts, signIn, withSession, type TestSession } from './sessions';

describe('moderation console: departments, mediated answers, response times and live updates', () => {
  let t: TestApp;
  let admin: TestSession;
  let manager: TestSession;
  let cleaning: TestSession;
  let lighting: TestSession;

  beforeAll(async () => {
    t = await createTestApp();
    await seedAccounts(t);
    admin = await signIn(t, DEMO.admin);
    manager = await signIn(t, DEMO.manager);
    cleaning = await signIn(t, DEMO.cleaningStaff);
    lighting = await signIn(t, DEMO.lightingStaff);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('keeps community-manager notes from departments, and other departments out entirely', async () => {
    const ref = await fileReport(t, { category: 'limpieza' });
    await call(t, manager, 'POST', caseUrl(ref, '/notes'), { body: 'El vecino es reincidente, ojo.', visibility: 'community_managers' });
    const shared = await call(t, manager, 'POST', caseUrl(ref, '/notes'), { body: 'Coordinad con residuos.', visibility: 'departments' });
    expect(shared.statusCode).toBe(201);
    expect(shared.json().case.notes.map((n: { body: string }) => n.body)).toEqual([
      'El vecino es reincidente, ojo.',
      'Coordinad con residuos.',
    ]);

    const asDepartment = (await call(t, cleaning, 'GET', caseUrl(ref))).json();
    expect(asDepartment.notes).toEqual([expect.objectContaining({ body: 'Coordinad con residuos.', visibility: 'departments' })]);
    expect(JSON.stringify(asDepartment)).not.toContain('reincidente');
    expect(asDepartment.permissions).toMatchObject({ moderate: false, workAsDepartment: true, seeCommunityManagerNotes: false });

    const own = await call(t, cleaning, 'POST', caseUrl(ref, '/notes'), { body: 'Pasamos mañana.', visibility: 'departments' });
    expect(own.statusCode).toBe(201);
    expectProblem(
      await call(t, cleaning, 'POST', caseUrl(ref, '/notes'), { body: 'Solo gestoras', visibility: 'community_managers' }),
      422,
      'visibility',
    );
    expectProblem(await call(t, cleaning, 'POST', caseUrl(ref, '/notes'), { body: '', visibility: 'departments' }), 422, 'body');
    expectProblem(await call(t, lighting, 'POST', caseUrl(ref, '/notes'), { body: 'Hola', visibility: 'departments' }), 403);
    expectProblem(await call(t, lighting, 'POST', caseUrl(ref, '/acknowledge'), {}), 403);
    expectProblem(await call(t, lighting, 'GET', caseUrl(ref)), 403);
    // Notes are never public.
    expect((await call(t, null, 'GET', `/api/v1/reports/${ref}`)).body).not.toContain('Coordinad');
  });

  it('mediates an untrusted department’s answer: draft, community manager edits and approves, citizen sees it', async () => {
    const ref = await fileReport(t, { category: 'limpieza' });
    const acknowledged = await call(t, cleaning, 'POST', caseUrl(ref, '/acknowledge'), {});
    expect(acknowledged.statusCode).toBe(200);
    expect(acknowledged.json()).toMatchObject({ outcome: 'applied', case: { status: 'investigating' } });
    expectProblem(await call(t, cleaning, 'POST', caseUrl(ref, '/acknowledge'), {}), 409);

    const resolved = await call(t, cleaning, 'POST', caseUrl(ref, '/resolve'), {
      status: 'fixed',
      body: 'limpiado ok, ticket LIM-33',
    });
    expect(resolved.statusCode).toBe(202);
    expect(resolved.json()).toMatchObject({
      outcome: 'sent_for_approval',
      case: { status: 'investigating', pendingDrafts: 1 },
    });
    const [draft] = resolved.json().case.drafts;
    expect(draft).toMatchObject({ state: 'pending', proposedStatus: 'fixed', department: { code: 'limpieza' } });
    // Nothing public yet.
    const before = (await call(t, null, 'GET', `/api/v1/reports/${ref}`)).json();
    expect(before.properties.status).toBe('investigating');
    expect(JSON.stringify(before)).not.toContain('LIM-33');

    const queue = (await call(t, manager, 'GET', '/api/v1/staff/cases?queue=drafts')).json();
    expect(queue.items.map((c: { ref: string }) => c.ref)).toContain(ref);
    expectProblem(await call(t, cleaning, 'POST', caseUrl(ref, `/drafts/${draft.id}/approve`), {}), 403);

    const approved = await call(t, manager, 'POST', caseUrl(ref, `/drafts/${draft.id}/approve`), {
      body: 'Hola. El equipo de limpieza ha retirado los residuos. Gracias por avisar.',
    });
    expect(approved.statusCode).toBe(200);
    const afterCase = approved.json().case;
    expect(afterCase).toMatchObject({ status: 'fixed', pendingDrafts: 0, due: null });
    expect(afterCase.timeline.at(-1)).toMatchObject({
      to: 'fixed',
      message: 'Hola. El equipo de limpieza ha retirado los residuos. Gracias por avisar.',
      writtenBy: { id: cleaning.user.id },
      approvedBy: { id: manager.user.id },
      department: { code: 'limpieza' },
    });
    expectProblem(await call(t, manager, 'POST', caseUrl(ref, `/drafts/${draft.id}/approve`), {}), 409);

    const publicTimeline = (await call(t, null, 'GET', `/api/v1/reports/${ref}`)).json().properties;
    expect(publicTimeline.status).toBe('fixed');
    expect(publicTimeline.timeline.map((e: { to: string }) => e.to)).toEqual(['confirmed', 'investigating', 'fixed']);
    expect(JSON.stringify(publicTimeline)).not.toContain(cleaning.user.name);
    expect(await auditActions(t, ref)).toEqual(['case.acknowledge', 'case.resolve_draft', 'case.draft_approve']);
  });

  it('lets a community manager reject a draft, and a trusted department publish directly', async () => {
    const ref = await fileReport(t, { category: 'farola' });
    const drafted = await call(t, lighting, 'POST', caseUrl(ref, '/replies'), { body: 'Vamos mañana.' });
    expect(drafted.statusCode).toBe(202);
    const draftId = drafted.json().case.drafts[0].id;
    expectProblem(await call(t, manager, 'POST', caseUrl(ref, `/drafts/${draftId}/reject`), {}), 422, 'reason');
    const rejected = await call(t, manager, 'POST', caseUrl(ref, `/drafts/${draftId}/reject`), { reason: 'Falta el saludo' });
    expect(rejected.json().case.drafts[0]).toMatchObject({ state: 'rejected', rejectionReason: 'Falta el saludo', decidedBy: { id: manager.user.id } });
    expectProblem(await call(t, manager, 'POST', caseUrl(ref, '/drafts/00000000-0000-4000-8000-000000000000/approve'), {}), 404);

    const lightingId = await departmentId(t, 'alumbrado');
    expectProblem(await call(t, manager, 'PUT', `/api/v1/admin/department-trust/${lightingId}`, { trustedToPublish: true }), 403);
    expectProblem(await call(t, admin, 'PUT', `/api/v1/admin/department-trust/${lightingId}`, { trustedToPublish: 'yes' }), 422, 'trustedToPublish');
    const trusted = await call(t, admin, 'PUT', `/api/v1/admin/department-trust/${lightingId}`, { trustedToPublish: true });
    expect(trusted.json()).toMatchObject({ code: 'alumbrado', trustedToPublish: true });
    expect((await call(t, admin, 'GET', '/api/v1/admin/department-trust')).json()).toContainEqual(
      expect.objectContaining({ code: 'alumbrado', trustedToPublish: true }),
    );

    const direct = await call(t, lighting, 'POST', caseUrl(ref, '/resolve'), {
      status: 'fixed',
      body: 'Hola. Hemos cambiado la lámpara de la farola esta mañana. Gracias por avisar.',
    });
    expect(direct.statusCode).toBe(200);
    expect(direct.json()).toMatchObject({ outcome: 'applied', case: { status: 'fixed', departmentTrustedToPublish: true } });
    expect(direct.json().case.timeline.at(-1)).toMatchObject({ approvedBy: null, writtenBy: { id: lighting.user.id } });
  });

  it('moves a department’s work through schedule and start, and refers a case back to the community managers', async () => {
    const ref = await fileReport(t, { category: 'limpieza' });
    const scheduled = await call(t, cleaning, 'POST', caseUrl(ref, '/schedule'), { scheduledFor: '2026-12-01', message: 'Lo haremos el lunes' });
    expect(scheduled.statusCode).toBe(202);
    expect(scheduled.json().case).toMatchObject({ status: 'action_scheduled', pendingDrafts: 1 });
    expectProblem(await call(t, cleaning, 'POST', caseUrl(ref, '/schedule'), { scheduledFor: 'lunes' }), 422, 'scheduledFor');
    expect((await call(t, cleaning, 'POST', caseUrl(ref, '/start'))).json().case.status).toBe('in_progress');

    expectProblem(await call(t, cleaning, 'POST', caseUrl(ref, '/refer-back'), {}), 422, 'reason');
    const referred = await call(t, cleaning, 'POST', caseUrl(ref, '/refer-back'), { reason: 'Es competencia de parques' });
    expect(referred.json().case).toMatchObject({
      referredBack: true,
      referral: { reason: 'Es competencia de parques', by: { id: cleaning.user.id }, department: { code: 'limpieza' } },
    });
    const queue = (await call(t, manager, 'GET', '/api/v1/staff/cases?queue=referred')).json();
    expect(queue.items.map((c: { ref: string }) => c.ref)).toEqual([ref]);
    expect(queue.counts.referred).toBe(1);

    await call(t, manager, 'POST', caseUrl(ref, '/assign'), { departmentId: await departmentId(t, 'parques') });
    expect((await call(t, manager, 'GET', '/api/v1/staff/cases?queue=referred')).json().items).toEqual([]);
    // Handed on: the cleaning department no longer sees it.
    expectProblem(await call(t, cleaning, 'GET', caseUrl(ref)), 403);
  });

  it('counts due dates in business days, skipping the configured holidays', async () => {
    const ref = await fileReport(t, { category: 'limpieza' }); // target: 3 business days
    const db = t.app.get(DataSource);
    // Filed on Wednesday 13 May 2026 at noon in Madrid; Friday 15 May is San Isidro.
    await db.query(`UPDATE reports SET created_at = '2026-05-13T12:00:00+02:00' WHERE ref = $1`, [ref]);
    await db.query(`UPDATE reports SET category_id = category_id WHERE ref = $1`, [ref]);
    const dueOf = async () => (await call(t, manager, 'GET', caseUrl(ref))).json().due;
    expect(await dueOf()).toMatchObject({ dueAt: '2026-05-18T21:59:59.999Z', overdue: true, targetDays: 3 });

    expectProblem(await call(t, admin, 'POST', '/api/v1/admin/holidays', { date: '2026-02-30', name: 'Nunca', scope: 'local' }), 422, 'date');
    expectProblem(await call(t, admin, 'POST', '/api/v1/admin/holidays', { date: '2026-05-15', name: 'San Isidro', scope: 'city' }), 422, 'scope');
    expectProblem(await call(t, manager, 'POST', '/api/v1/admin/holidays', { date: '2026-05-15', name: 'San Isidro', scope: 'local' }), 403);
    const created = await call(t, admin, 'POST', '/api/v1/admin/holidays', { date: '2026-05-15', name: 'San Isidro', scope: 'local' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ date: '2026-05-15', name: 'San Isidro', scope: 'local' });
    expectProblem(await call(t, admin, 'POST', '/api/v1/admin/holidays', { date: '2026-05-15', name: 'Otra', scope: 'local' }), 409);
    expect(await dueOf()).toMatchObject({ dueAt: '2026-05-19T21:59:59.999Z', overdue: true });
    const overdue = (await call(t, manager, 'GET', '/api/v1/staff/cases?queue=overdue')).json();
    expect(overdue.items.map((c: { ref: string }) => c.ref)).toContain(ref);

    expect((await call(t, admin, 'GET', '/api/v1/admin/holidays?year=2026')).json()).toEqual([created.json()]);
    expect((await call(t, admin, 'GET', '/api/v1/admin/holidays?year=2025')).json()).toEqual([]);
    expect((await call(t, cleaning, 'GET', '/api/v1/staff/holidays?from=2026-05-01&to=2026-05-31')).json()).toHaveLength(1);
    expectProblem(await call(t, admin, 'GET', '/api/v1/admin/holidays?year=26'), 400, 'year');

    expect((await call(t, admin, 'DELETE', `/api/v1/admin/holidays/${created.json().id}`)).statusCode).toBe(204);
    expect((await dueOf()).dueAt).toBe('2026-05-18T21:59:59.999Z');
    expectProblem(await call(t, admin, 'DELETE', `/api/v1/admin/holidays/${created.json().id}`), 404);

    // A new target for the category moves the open case's due date: 5 business days from Wed 13 May.
    expect((await call(t, admin, 'PATCH', '/api/v1/admin/categories/limpieza', { targetDays: 5 })).statusCode).toBe(200);
    expect(await dueOf()).toMatchObject({ dueAt: '2026-05-20T21:59:59.999Z', targetDays: 5 });
  });

  it('announces changed and new cases on the live stream, only to those who may see them', async () => {
    const ref = await fileReport(t, { category: 'limpieza' });
    const managerStream = await openStream(t, manager);
    const lightingStream = await openStream(t, lighting);
    try {
      expect(managerStream.contentType).toContain('text/event-stream');
      await call(t, manager, 'POST', caseUrl(ref, '/priority'), { priority: 'high' });
      const changed = await managerStream.next((e) => e.ref === ref);
      expect(changed).toMatchObject({ kind: 'changed', ref, status: 'confirmed', departmentId: await departmentId(t, 'limpieza') });

      // A citizen's new report arrives by another path: the stream's poll picks it up.
      const fresh = await fileReport(t, { category: 'farola' });
      expect(await managerStream.next((e) => e.ref === fresh)).toMatchObject({ kind: 'created', ref: fresh });
      expect(await lightingStream.next((e) => e.ref === fresh)).toMatchObject({ ref: fresh });
      expect(lightingStream.seen.map((e) => e.ref)).not.toContain(ref);

      // A client that reconnects with Last-Event-ID hears what it missed since that event.
      const heardFresh = await managerStream.next((e) => e.ref === fresh && e.id !== null);
      await call(t, manager, 'POST', caseUrl(ref, '/priority'), { priority: 'low' });
      const reconnected = await openStream(t, manager, { 'last-event-id': heardFresh.id! });
      try {
        expect(await reconnected.next((e) => e.ref === ref)).toMatchObject({ kind: 'changed', ref });
      } finally {
        reconnected.close();
      }
    } finally {
      managerStream.close();
      lightingStream.close();
    }
    // Closed streams stop listening (and the poll stops with the last one).
    const events = t.app.get(CaseEventsService);
    const deadline = Date.now() + 3000;
    while (events.listening > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(events.listening).toBe(0);
  });

  it('keeps announcing changes when a row is dated in the future (clock skew, a seed)', async () => {
    const db = t.app.get(DataSource);
    const skewed = await fileReport(t, { category: 'limpieza' });
    const stream = await openStream(t, manager);
    try {
      // Another server's clock a day ahead wrote this row: a clock-based cursor would jump to
      // tomorrow and announce nothing else until then.
      await db.query(`UPDATE reports SET updated_at = now() + interval '1 day' WHERE ref = $1`, [skewed]);
      expect(await stream.next((e) => e.ref === skewed)).toMatchObject({ kind: 'changed' });

      const later = await fileReport(t, { category: 'limpieza' });
      expect(await stream.next((e) => e.ref === later)).toMatchObject({ kind: 'created', ref: later });
    } finally {
      stream.close();
    }
    // The change log the stream reads is kept for a day, whatever the reports' own dates say.
    await db.query(`UPDATE report_changes SET changed_at = now() - interval '25 hours'`);
    expect(await t.app.get(CaseChangeLogPurgeJob).run()).toBeGreaterThan(0);
    expect(await db.query(`SELECT 1 FROM report_changes`)).toEqual([]);
  });

  // Needs two sessions at once, which the embedded database (one session) cannot have.
  (testDatabaseMode() === 'server' ? it : it.skip)('announces a change whose transaction commits after later ones were read', async () => {
    const db = t.app.get(DataSource);
    const [slow, quick] = [await fileReport(t, { category: 'limpieza' }), await fileReport(t, { category: 'limpieza' })];
    const stream = await openStream(t, manager);
    // A second connection holds a transaction open across several polls, as a slow move would.
    const runner = db.createQueryRunner();
    try {
      await runner.connect();
      await runner.startTransaction();
      await runner.query(`UPDATE reports SET updated_at = now(), priority = 'high' WHERE ref = $1`, [slow]);
      await db.query(`UPDATE reports SET updated_at = now(), priority = 'high' WHERE ref = $1`, [quick]);
      expect(await stream.next((e) => e.ref === quick)).toMatchObject({ kind: 'changed' });
      await new Promise((resolve) => setTimeout(resolve, 2500)); // at least one more poll
      expect(stream.seen.map((e) => e.ref)).not.toContain(slow);
      await runner.commitTransaction();
      expect(await stream.next((e) => e.ref === slow)).toMatchObject({ kind: 'changed', ref: slow });
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
      stream.close();
    }
  });

  it('shares case events between API replicas through Redis pub/sub', async () => {
    const config = loadConfig({
      REDIS_URL: process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
      REDIS_PREFIX: `test-${randomUUID()}:`,
      DATA_DIR: t.dataDir,
      WEB_ROOT: 'none',
      DEMO_DATA: 'false',
    });
    const db = t.app.get(DataSource);
    // Each replica has its own Redis connections.
    const redisA = new RedisService(config);
    const redisB = new RedisService(config);
    await Promise.all([redisA.onModuleInit(), redisB.onModuleInit()]);
    const replicaA = new CaseEventsService(db, redisA);
    const replicaB = new CaseEventsService(db, redisB);
    const heardByB: CaseChange[] = [];
    const stop = replicaB.subscribe((change) => heardByB.push(change));
    try {
      const change: CaseChange = {
        id: new Date().toISOString(),
        at: new Date().toISOString(),
        kind: 'changed',
        ref: '2026-123456',
        departmentId: null,
        status: 'confirmed',
      };
      // Give B's subscription a moment to reach Redis, then publish on A until B hears it.
      const deadline = Date.now() + 5000;
      while (heardByB.length === 0 && Date.now() < deadline) {
        replicaA.publish({ ...change, id: new Date().toISOString() });
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(heardByB[0]).toMatchObject({ ref: '2026-123456', kind: 'changed' });
    } finally {
      stop();
      await replicaA.onModuleDestroy();
      await replicaB.onModuleDestroy();
      await Promise.all([redisA.onApplicationShutdown(), redisB.onApplicationShutdown()]);
    }
  });
});

interface StreamEvent {
  /** The SSE id line: the stream's cursor, absent on moves announced at once. */
  id: string | null;
  kind: string;
  at: string;
  ref: string;
  status: string;
  departmentId: string | null;
}

/** Reads a Server-Sent Events stream over real HTTP, as the browser's EventSource would. */
async function openStream(t: TestApp, session: TestSession, extra: Record<string, string> = {}) {
  const abort = new AbortController();
  const response = await fetch(new URL('/api/v1/staff/cases/events', t.baseUrl), {
    headers: withSession(session, { accept: 'text/event-stream', ...extra }),
    signal: abort.signal,
  });
  if (response.status !== 200 || !response.body) throw new Error(`stream refused: ${response.status}`);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const seen: StreamEvent[] = [];
  let buffer = '';
  const pump = async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const lines = block.split('\n');
        const data = lines.find((line) => line.startsWith('data: '));
        const id = lines.find((line) => line.startsWith('id: '))?.slice(4) ?? null;
        if (block.includes('event: case') && data) seen.push({ ...JSON.parse(data.slice(6)), id });
      }
    }
  };
  const pumping = pump().catch(() => undefined);
  return {
    contentType: response.headers.get('content-type') ?? '',
    seen,
    async next(match: (event: StreamEvent) => boolean, timeoutMs = 8000): Promise<StreamEvent> {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const found = seen.find(match);
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`no matching event within ${timeoutMs} ms; saw ${JSON.stringify(seen)}`);
    },
    close() {
      abort.abort();
      void pumping;
    },
  };
}
