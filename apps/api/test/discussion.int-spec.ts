import { confirmByMail } from './report-confirmation';
import { DataSource } from 'typeorm';
import { createTestApp, type TestApp, type TestResponse } from './create-test-app';
import { DEMO, seedAccounts, signIn, signUp as signUpAs, withSession, type TestSession } from './sessions';

const SOL = { lat: 40.4169, lon: -3.7035 };

function expectProblem(response: TestResponse, status: number, code?: string): void {
  expect({ status: response.statusCode, type: response.headers['content-type'] }).toEqual({
    status,
    type: expect.stringContaining('application/problem+json'),
  });
  if (code) expect(response.json().code).toBe(code);
}

describe('discussion, flags, moderation and follows (integration)', () => {
  let t: TestApp;
  let db: DataSource;
  let author: TestSession;
  let english: TestSession;
  let manager: TestSession;
  let cleaning: TestSession;
  const citizens: TestSession[] = [];
  let proposalId: number;
  let reportRef: string;

  function signUp(name: string, email: string): Promise<TestSession> {
    return signUpAs(t, { name, email, password: 'una contraseña bastante larga' });
  }

  async function newProposal(session: TestSession, title: string): Promise<number> {
    const response = await t.inject({
      method: 'POST',
      url: '/api/v1/proposals',
      headers: withSession(session),
      payload: {
        title,
        summary: 'Un resumen suficientemente largo para la propuesta de prueba.',
        description: 'Una descripción suficientemente larga para que la validación la acepte sin problemas.',
        theme: 'urbanismo',
        lat: SOL.lat,
        lon: SOL.lon,
        showName: false,
      },
    });
    expect(response.statusCode).toBe(201);
    return response.json().id;
  }

  const comment = (session: TestSession | null, url: string, payload: unknown) =>
    t.inject({ method: 'POST', url, headers: withSession(session), payload });
  const thread = (url: string, session: TestSession | null = null) => t.inject({ method: 'GET', url, headers: withSession(session) });
  const flag = (session: TestSession, payload: unknown) => t.inject({ method: 'POST', url: '/api/v1/flags', headers: withSession(session), payload });

  beforeAll(async () => {
    t = await createTestApp({ FLAG_HIDE_THRESHOLD: '3', COMMENT_EDIT_MINUTES: '15' });
    db = t.app.get(DataSource);
    await seedAccounts(t);
    author = await signIn(t, DEMO.citizen);
    english = await signIn(t, DEMO.englishCitizen);
    manager = await signIn(t, DEMO.manager);
    cleaning = await signIn(t, DEMO.cleaningStaff);
    for (const [i, name] of ['Marta Gil', 'Pedro Sanz', 'Inés Vega'].entries()) citizens.push(await signUp(name, `vecina${i}@example.org`));
    proposalId = await newProposal(author, 'Peatonalizar la plaza del barrio');
    const report = await t.inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: {
        category: 'limpieza',
        title: 'Basura acumulada en la esquina',
        description: 'Lleva días sin recogerse la basura de la esquina.',
        lat: SOL.lat,
        lon: SOL.lon,
        reporter: { name: 'Ana', email: 'ana@example.org', showName: false },
        consent: true,
      },
    });
    reportRef = report.json().properties.ref;
    await confirmByMail(t, reportRef);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('threads comments with one level of replies, labels staff, and names nobody', async () => {
    const url = `/api/v1/proposals/${proposalId}/comments`;
    expectProblem(await comment(null, url, { body: 'Hola' }), 401);
    const top = await comment(english, url, { body: 'Great idea, the square is full of cars.' });
    expect(top.statusCode).toBe(201);
    expect(top.json()).toMatchObject({
      parentId: null,
      state: 'visible',
      author: { kind: 'citizen', participant: 1, isProposalAuthor: false },
      mine: true,
      editableUntil: expect.any(String),
    });
    const topId = top.json().id;
    const reply = await comment(author, url, { body: 'Gracias, ¡apóyala!', parentId: topId });
    expect(reply.json()).toMatchObject({ parentId: topId, author: { kind: 'citizen', participant: 2, isProposalAuthor: true } });
    const staff = await comment(cleaning, url, { body: 'Limpieza estudiará cómo afecta a la recogida.', parentId: topId });
    expect(staff.json().author).toEqual({ kind: 'staff', role: 'department_staff', department: 'Limpieza Viaria' });
    const cm = await comment(manager, url, { body: 'La gestora de participación toma nota.' });
    expect(cm.json().author).toEqual({ kind: 'staff', role: 'community_manager', department: null });

    expectProblem(await comment(english, url, { body: 'Respuesta a respuesta', parentId: reply.json().id }), 422, 'COMMENT.REPLY_DEPTH');
    expectProblem(await comment(english, url, { body: 'Padre inexistente', parentId: 987654 }), 422);
    expectProblem(await comment(english, url, { body: 'x' }), 422);
    expectProblem(await comment(english, url, { body: 'y'.repeat(2001) }), 422);
    expectProblem(await comment(english, url, { body: 'hola', parentId: 'uno' }), 422);
    expectProblem(await comment(english, url, { body: 12 }), 422);
    expectProblem(await comment(english, '/api/v1/proposals/999999/comments', { body: 'hola' }), 404);
    expectProblem(await comment(english, '/api/v1/proposals/abc/comments', { body: 'hola' }), 404);
    expectProblem(await thread('/api/v1/reports/2026-999999/comments'), 404);

    const view = await thread(url);
    expect(view.statusCode).toBe(200);
    const body = view.json();
    expect(body.total).toBe(4);
    expect(body.comments.map((c: { id: number; replies: unknown[] }) => [c.id, c.replies.length])).toEqual([
      [topId, 2],
      [cm.json().id, 0],
    ]);
    expect(body.comments[0].mine).toBeUndefined();
    for (const s of [author, english, manager, cleaning]) {
      expect(view.body).not.toContain(s.user.email);
      expect(view.body).not.toContain(s.user.name);
      expect(view.body).not.toContain(s.user.id);
    }
    const proposal = (await t.inject({ method: 'GET', url: `/api/v1/proposals/${proposalId}` })).json();
    expect(proposal.comments).toBe(4);
  });

  it('comments on public reports by ref', async () => {
    const url = `/api/v1/reports/${reportRef}/comments`;
    const posted = await comment(citizens[0]!, url, { body: 'A mí también me molesta.' });
    expect(posted.statusCode).toBe(201);
    const reply = await comment(cleaning, url, { body: 'Mañana pasa el equipo de limpieza.', parentId: posted.json().id });
    expect(reply.json().author).toEqual({ kind: 'staff', role: 'department_staff', department: 'Limpieza Viaria' });
    const view = (await thread(url)).json();
    expect(view).toMatchObject({ target: { type: 'report', id: reportRef }, total: 2 });
    expect(view.comments[0].replies).toHaveLength(1);
  });

  it('lets the author edit within the window and delete, keeping the thread\u2019s shape', async () => {
    const url = `/api/v1/proposals/${proposalId}/comments`;
    const top = (await comment(citizens[1]!, url, { body: 'Primera versión del comentario' })).json();
    const reply = (await comment(citizens[2]!, url, { body: 'Una respuesta', parentId: top.id })).json();
    const edit = (s: TestSession, id: number, body: unknown) =>
      t.inject({ method: 'PATCH', url: `/api/v1/comments/${id}`, headers: withSession(s), payload: body });

    const edited = await edit(citizens[1]!, top.id, { body: 'Segunda versión del comentario' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ body: 'Segunda versión del comentario', editedAt: expect.any(String) });
    expectProblem(await edit(citizens[2]!, top.id, { body: 'No es mío' }), 403, 'COMMENT.NOT_AUTHOR');
    expectProblem(await edit(citizens[1]!, top.id, { body: '' }), 422);
    expectProblem(await edit(citizens[1]!, 999999, { body: 'No existe' }), 404);
    expectProblem(await edit(citizens[1]!, 'abc' as unknown as number, { body: 'No existe' }), 404);

    await db.query(`UPDATE comments SET created_at = now() - interval '16 minutes' WHERE id = $1`, [top.id]);
    expectProblem(await edit(citizens[1]!, top.id, { body: 'Tercera versión, tarde' }), 403, 'COMMENT.EDIT_WINDOW_CLOSED');

    expectProblem(await t.inject({ method: 'DELETE', url: `/api/v1/comments/${top.id}`, headers: withSession(citizens[2]!) }), 403);
    const deleted = await t.inject({ method: 'DELETE', url: `/api/v1/comments/${top.id}`, headers: withSession(citizens[1]!) });
    expect(deleted.json()).toMatchObject({ id: top.id, state: 'deleted', body: null, author: null });
    expectProblem(await t.inject({ method: 'DELETE', url: `/api/v1/comments/${top.id}`, headers: withSession(citizens[1]!) }), 409);
    const view = (await thread(url)).json();
    const placeholder = view.comments.find((c: { id: number }) => c.id === top.id);
    expect(placeholder).toMatchObject({ state: 'deleted', body: null, replies: [expect.objectContaining({ id: reply.id, body: 'Una respuesta' })] });
    expectProblem(await comment(citizens[2]!, url, { body: 'Responder a borrado', parentId: top.id }), 422, 'COMMENT.PARENT_GONE');
  });

  it('hides a comment provisionally at the flag threshold; the moderator confirms; the author asks for a review once', async () => {
    const url = `/api/v1/proposals/${proposalId}/comments`;
    const target = (await comment(english, url, { body: 'Compra relojes baratos en example.com' })).json();
    const targetId = String(target.id);

    expectProblem(await t.inject({ method: 'POST', url: '/api/v1/flags', payload: { targetType: 'comment', targetId, reason: 'spam' } }), 401);
    expectProblem(await flag(citizens[0]!, { targetType: 'comment', targetId, reason: 'other' }), 422);
    expectProblem(await flag(citizens[0]!, { targetType: 'comment', targetId, reason: 'other', details: '   ' }), 422);
    expectProblem(await flag(citizens[0]!, { targetType: 'user', targetId, reason: 'spam' }), 422);
    expectProblem(await flag(citizens[0]!, { targetType: 'comment', targetId, reason: 'boring' }), 422);
    expectProblem(await flag(citizens[0]!, { targetType: 'comment', targetId: '999999', reason: 'spam' }), 404);
    expectProblem(await flag(citizens[0]!, { targetType: 'comment', targetId: 'x; DROP', reason: 'spam' }), 404);

    expect((await flag(citizens[0]!, { targetType: 'comment', targetId, reason: 'spam' })).json()).toEqual({ flagged: true, hiddenProvisionally: false });
    expectProblem(await flag(citizens[0]!, { targetType: 'comment', targetId, reason: 'offensive' }), 409, 'FLAG.ALREADY_FLAGGED');
    expect((await flag(citizens[1]!, { targetType: 'comment', targetId, reason: 'other', details: 'Publicidad de relojes' })).json().hiddenProvisionally).toBe(false);
    const third = await flag(citizens[2]!, { targetType: 'comment', targetId, reason: 'spam' });
    expect(third.statusCode).toBe(201);
    expect(third.json()).toEqual({ flagged: true, hiddenProvisionally: true });
    expectProblem(await flag(author, { targetType: 'comment', targetId, reason: 'spam' }), 409, 'FLAG.ALREADY_HIDDEN');

    const hiddenView = (await thread(url)).json().comments.find((c: { id: number }) => c.id === target.id);
    expect(hiddenView).toMatchObject({ state: 'hidden', body: null, author: null, hidden: { reason: 'pending_review', provisional: true } });

    expectProblem(await t.inject({ method: 'GET', url: '/api/v1/staff/flags', headers: withSession(cleaning) }), 403);
    const queue = (await t.inject({ method: 'GET', url: '/api/v1/staff/flags', headers: withSession(manager) })).json();
    expect(queue).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          targetType: 'comment',
          targetId,
          flags: 3,
          reasons: { spam: 2, other: 1 },
          details: ['Publicidad de relojes'],
          state: 'hidden_provisionally',
          excerpt: 'Compra relojes baratos en example.com',
          // The moderator reads a comment in its thread: which proposal, and whether it answers another comment.
          thread: { targetType: 'proposal', targetId: String(proposalId), title: 'Peatonalizar la plaza del barrio', parentId: null },
        }),
      ]),
    );
    expectProblem(await t.inject({ method: 'GET', url: '/api/v1/staff/flags?state=weird', headers: withSession(manager) }), 400);
    const count = await t.inject({ method: 'GET', url: '/api/v1/staff/flags/count', headers: withSession(manager) });
    expect(count.statusCode).toBe(200);
    expect(count.json()).toEqual({ open: queue.filter((q: { state: string }) => q.state !== 'dismissed' && q.state !== 'hidden').length, provisional: expect.any(Number), reviews: 0 });
    expect(count.json().provisional).toBeGreaterThanOrEqual(1);
    expectProblem(await t.inject({ method: 'GET', url: '/api/v1/staff/flags/count', headers: withSession(cleaning) }), 403);

    const staffUrl = `/api/v1/staff/flags/comment/${targetId}`;
    expectProblem(await t.inject({ method: 'POST', url: `${staffUrl}/hide`, headers: withSession(manager), payload: { reason: 'rude' } }), 422);
    expectProblem(await t.inject({ method: 'POST', url: `/api/v1/staff/flags/planet/${targetId}/hide`, headers: withSession(manager), payload: { reason: 'spam' } }), 404);
    const hidden = await t.inject({ method: 'POST', url: `${staffUrl}/hide`, headers: withSession(manager), payload: { reason: 'spam', note: 'Publicidad.' } });
    expect(hidden.statusCode).toBe(200);
    expect(hidden.json()).toMatchObject({ targetType: 'comment', targetId, kind: 'hidden', reason: 'spam', review: null });
    const decisionId = hidden.json().id;
    const after = (await thread(url)).json().comments.find((c: { id: number }) => c.id === target.id);
    expect(after.hidden).toEqual({ reason: 'spam', provisional: false });
    expectProblem(await t.inject({ method: 'POST', url: `${staffUrl}/dismiss`, headers: withSession(manager) }), 404, 'FLAG.NONE_OPEN');

    // The author was told why, in the app and by mail.
    const notifications = (await t.inject({ method: 'GET', url: '/api/v1/me/notifications', headers: withSession(english) })).json();
    expect(notifications).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'content_hidden', data: expect.objectContaining({ decisionId, targetId, reason: 'spam' }) })]),
    );
    const notice = notifications.find((n: { kind: string }) => n.kind === 'content_hidden');
    expect(notice.readAt).toBeNull();
    // Read with the decision as it stands and the thread to open, so the author's page can link and offer the review.
    const threadOf = { type: 'proposal', id: String(proposalId), title: 'Peatonalizar la plaza del barrio' };
    expect(notice.moderation).toEqual({
      decision: expect.objectContaining({ id: decisionId, targetType: 'comment', targetId, kind: 'hidden', reason: 'spam', note: 'Publicidad.', liftedAt: null, review: null }),
      thread: threadOf,
      excerpt: 'Compra relojes baratos en example.com',
    });
    // Someone else's notifications never carry it.
    const others = (await t.inject({ method: 'GET', url: '/api/v1/me/notifications', headers: withSession(author) })).json();
    expect(others.some((n: { moderation?: { decision: { id: string } } | null }) => n.moderation?.decision.id === decisionId)).toBe(false);
    expectProblem(await t.inject({ method: 'POST', url: `/api/v1/me/notifications/${notice.id}/read`, headers: withSession(author) }), 404);
    expect((await t.inject({ method: 'POST', url: `/api/v1/me/notifications/${notice.id}/read`, headers: withSession(english) })).statusCode).toBe(204);
    const reread = (await t.inject({ method: 'GET', url: '/api/v1/me/notifications', headers: withSession(english) })).json();
    expect(reread.find((n: { id: string }) => n.id === notice.id).readAt).toEqual(expect.any(String));
    const mails = await db.query(`SELECT subject, locale FROM mail_messages WHERE to_address = $1 ORDER BY created_at`, [DEMO.englishCitizen]);
    expect(mails).toEqual(expect.arrayContaining([expect.objectContaining({ locale: 'en', subject: 'We have hidden your content' })]));

    const reviewUrl = `/api/v1/moderation-decisions/${decisionId}/review-request`;
    expectProblem(await t.inject({ method: 'POST', url: reviewUrl, headers: withSession(citizens[0]!), payload: { message: 'No es mío pero…' } }), 404);
    expectProblem(await t.inject({ method: 'POST', url: reviewUrl, headers: withSession(english), payload: { message: '' } }), 422);
    expectProblem(await t.inject({ method: 'POST', url: '/api/v1/moderation-decisions/not-a-uuid/review-request', headers: withSession(english), payload: { message: 'Por favor revisad' } }), 404);
    const asked = await t.inject({ method: 'POST', url: reviewUrl, headers: withSession(english), payload: { message: 'It was a joke between neighbours.' } });
    expect(asked.statusCode).toBe(200);
    expect(asked.json().review).toMatchObject({ message: 'It was a joke between neighbours.', outcome: null });
    expectProblem(await t.inject({ method: 'POST', url: reviewUrl, headers: withSession(english), payload: { message: 'Again, please.' } }), 409, 'MODERATION.REVIEW_ALREADY_REQUESTED');

    const pending = (await t.inject({ method: 'GET', url: '/api/v1/staff/review-requests', headers: withSession(manager) })).json();
    expect(pending.map((d: { id: string }) => d.id)).toContain(decisionId);
    expect((await t.inject({ method: 'GET', url: '/api/v1/staff/flags/count', headers: withSession(manager) })).json().reviews).toBe(1);
    const reviewed = await t.inject({
      method: 'POST',
      url: `/api/v1/staff/moderation-decisions/${decisionId}/review`,
      headers: withSession(manager),
      payload: { outcome: 'reversed', note: 'Revisado: lo restauramos.' },
    });
    expect(reviewed.json()).toMatchObject({ liftedAt: expect.any(String), review: { outcome: 'reversed', note: 'Revisado: lo restauramos.' } });
    expectProblem(
      await t.inject({ method: 'POST', url: `/api/v1/staff/moderation-decisions/${decisionId}/review`, headers: withSession(manager), payload: { outcome: 'upheld', note: 'Otra vez' } }),
      409,
    );
    const restored = (await thread(url)).json().comments.find((c: { id: number }) => c.id === target.id);
    expect(restored).toMatchObject({ state: 'visible', body: 'Compra relojes baratos en example.com' });
    const told = (await t.inject({ method: 'GET', url: '/api/v1/me/notifications', headers: withSession(english) })).json();
    const outcome = told.find((n: { kind: string }) => n.kind === 'review_outcome');
    expect(outcome).toMatchObject({ data: { decisionId, outcome: 'reversed' }, moderation: { thread: threadOf } });
    expect(outcome.moderation.decision).toMatchObject({ liftedAt: expect.any(String), review: { message: 'It was a joke between neighbours.', outcome: 'reversed' } });
    // The earlier notice now shows the review as asked and answered too.
    expect(told.find((n: { id: string }) => n.id === notice.id).moderation.decision.review.outcome).toBe('reversed');
    const audit = await db.query(`SELECT action FROM audit_log WHERE entity_type = 'comment' AND entity_id = $1 ORDER BY seq`, [targetId]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['moderation.hide', 'moderation.review']);
  });

  it('hides a proposal provisionally and restores it, on the public timeline, when the flags are dismissed', async () => {
    const id = await newProposal(author, 'Propuesta que algunos denuncian');
    for (const s of citizens) await flag(s, { targetType: 'proposal', targetId: String(id), reason: 'off_topic' });
    const hidden = (await t.inject({ method: 'GET', url: `/api/v1/proposals/${id}` })).json();
    expect(hidden).toEqual({ id, status: 'hidden', hidden: { reason: 'pending_review', provisional: true } });
    const list = (await t.inject({ method: 'GET', url: '/api/v1/proposals?limit=100' })).json();
    expect(list.items.map((p: { id: number }) => p.id)).not.toContain(id);
    expectProblem(await comment(english, `/api/v1/proposals/${id}/comments`, { body: 'Comentario' }), 404);
    // Moderators read the whole hidden proposal, with the decision in force; the public still gets the
    // placeholder, and staff of a department that does not answer it get nothing.
    expectProblem(await t.inject({ method: 'GET', url: `/api/v1/staff/proposals/${id}`, headers: withSession(cleaning) }), 403, 'PROPOSAL.NOT_YOUR_DEPARTMENT');
    const staffView = await t.inject({ method: 'GET', url: `/api/v1/staff/proposals/${id}`, headers: withSession(manager) });
    expect(staffView.statusCode).toBe(200);
    expect(staffView.json()).toMatchObject({
      id,
      status: 'hidden',
      title: 'Propuesta que algunos denuncian',
      description: expect.any(String),
      moderation: { reason: 'pending_review', provisional: true, statusBeforeHidden: 'published', reviewRequested: false },
    });
    expectProblem(await t.inject({ method: 'GET', url: `/api/v1/staff/proposals/${id}`, headers: withSession(english) }), 403);
    expectProblem(await t.inject({ method: 'GET', url: '/api/v1/staff/proposals/abc', headers: withSession(manager) }), 404, 'PROPOSAL.NOT_FOUND');

    const dismissed = await t.inject({ method: 'POST', url: `/api/v1/staff/flags/proposal/${id}/dismiss`, headers: withSession(manager) });
    expect(dismissed.statusCode).toBe(200);
    expect(dismissed.json()).toMatchObject({ state: 'dismissed', flags: 3 });
    const back = (await t.inject({ method: 'GET', url: `/api/v1/proposals/${id}` })).json();
    expect(back.status).toBe('published');
    expect(back.timeline.map((e: { to: string; by: string }) => `${e.by}:${e.to}`)).toEqual(['author:published', 'moderation:hidden', 'moderation:published']);
    const all = (await t.inject({ method: 'GET', url: '/api/v1/staff/flags?state=all', headers: withSession(manager) })).json();
    expect(all).toEqual(expect.arrayContaining([expect.objectContaining({ targetType: 'proposal', targetId: String(id), state: 'dismissed' })]));
  });

  it('hides flagged reports provisionally, restores their status on dismissal, and lets moderators hide them', async () => {
    const [{ status }] = await db.query(`SELECT status FROM reports WHERE ref = $1`, [reportRef]);
    for (const s of citizens) await flag(s, { targetType: 'report', targetId: reportRef, reason: 'personal_data' });
    expectProblem(await t.inject({ method: 'GET', url: `/api/v1/reports/${reportRef}` }), 404);
    expectProblem(await thread(`/api/v1/reports/${reportRef}/comments`), 404);
    const dismissed = await t.inject({ method: 'POST', url: `/api/v1/staff/flags/report/${reportRef}/dismiss`, headers: withSession(manager) });
    expect(dismissed.json()).toMatchObject({ state: 'dismissed', flags: 3 });
    expect((await t.inject({ method: 'GET', url: `/api/v1/reports/${reportRef}` })).json().properties.status).toBe(status);

    const hidden = await t.inject({ method: 'POST', url: `/api/v1/staff/flags/report/${reportRef}/hide`, headers: withSession(manager), payload: { reason: 'personal_data' } });
    expect(hidden.json()).toMatchObject({ targetType: 'report', targetId: reportRef, kind: 'hidden', reason: 'personal_data' });
    expectProblem(await t.inject({ method: 'GET', url: `/api/v1/reports/${reportRef}` }), 404);
    const [decision] = await db.query(`SELECT previous_status FROM moderation_decisions WHERE id = $1`, [hidden.json().id]);
    expect(decision.previous_status).toBe(status);
  });

  it('blocks a citizen with a justification (optionally hiding all their content), and unblocks', async () => {
    const troll = await signUp('Troll Ejemplo', 'troll@example.org');
    const trollProposal = await newProposal(troll, 'Propuesta de una cuenta que será bloqueada');
    const trollComment = (await comment(troll, `/api/v1/proposals/${proposalId}/comments`, { body: 'Comentario molesto' })).json();
    const blockUrl = `/api/v1/staff/users/${troll.user.id}/block`;

    expectProblem(await t.inject({ method: 'POST', url: blockUrl, headers: withSession(cleaning), payload: { justification: 'Insultos repetidos a vecinos.' } }), 403);
    expectProblem(await t.inject({ method: 'POST', url: blockUrl, headers: withSession(manager), payload: { justification: 'corto' } }), 422);
    expectProblem(await t.inject({ method: 'POST', url: blockUrl, headers: withSession(manager), payload: {} }), 422);
    expectProblem(
      await t.inject({ method: 'POST', url: `/api/v1/staff/users/${cleaning.user.id}/block`, headers: withSession(manager), payload: { justification: 'Esto no debería poder hacerse.' } }),
      409,
      'USER.STAFF_NOT_BLOCKABLE',
    );
    expectProblem(
      await t.inject({ method: 'POST', url: '/api/v1/staff/users/00000000-0000-4000-8000-000000000000/block', headers: withSession(manager), payload: { justification: 'Usuario que no existe.' } }),
      404,
    );

    const blocked = await t.inject({
      method: 'POST',
      url: blockUrl,
      headers: withSession(manager),
      payload: { justification: 'Insultos repetidos a vecinos tras dos avisos.', hideContent: true },
    });
    expect(blocked.statusCode).toBe(200);
    expect(blocked.json()).toMatchObject({ userId: troll.user.id, hiddenItems: 2 });
    expectProblem(
      await t.inject({ method: 'POST', url: blockUrl, headers: withSession(manager), payload: { justification: 'Insultos repetidos a vecinos.' } }),
      409,
      'USER.ALREADY_BLOCKED',
    );
    expect((await t.inject({ method: 'GET', url: `/api/v1/proposals/${trollProposal}` })).json()).toMatchObject({ status: 'hidden', hidden: { reason: 'author_blocked' } });
    const view = (await thread(`/api/v1/proposals/${proposalId}/comments`)).json();
    expect(view.comments.find((c: { id: number }) => c.id === trollComment.id)).toMatchObject({ state: 'hidden', hidden: { reason: 'author_blocked' } });
    expectProblem(await comment(troll, `/api/v1/proposals/${proposalId}/comments`, { body: 'Sigo aquí' }), 403, 'USER.BLOCKED');
    expectProblem(await newProposalRaw(troll), 403, 'USER.BLOCKED');
    const blocks = await t.inject({ method: 'GET', url: '/api/v1/staff/blocks', headers: withSession(manager) });
    expect(blocks.json()).toEqual([
      { userId: troll.user.id, justification: 'Insultos repetidos a vecinos tras dos avisos.', blockedAt: expect.any(String), visibleItems: 0 },
    ]);
    expect(blocks.body).not.toContain('troll@example.org');
    expectProblem(await t.inject({ method: 'GET', url: '/api/v1/staff/blocks', headers: withSession(cleaning) }), 403);

    const unblocked = await t.inject({ method: 'DELETE', url: blockUrl, headers: withSession(manager) });
    expect(unblocked.statusCode).toBe(204);
    expectProblem(await t.inject({ method: 'DELETE', url: blockUrl, headers: withSession(manager) }), 404, 'USER.NOT_BLOCKED');
    expect((await t.inject({ method: 'GET', url: '/api/v1/staff/blocks', headers: withSession(manager) })).json()).toEqual([]);
    expect((await comment(troll, `/api/v1/proposals/${proposalId}/comments`, { body: 'Pido disculpas.' })).statusCode).toBe(201);
    const audit = await db.query(`SELECT action, after FROM audit_log WHERE entity_type = 'user' AND entity_id = $1 ORDER BY seq`, [troll.user.id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['user.block', 'user.unblock']);
    expect(audit[0].after.justification).toBe('Insultos repetidos a vecinos tras dos avisos.');
  });

  async function newProposalRaw(session: TestSession): Promise<TestResponse> {
    return t.inject({
      method: 'POST',
      url: '/api/v1/proposals',
      headers: withSession(session),
      payload: {
        title: 'Otra propuesta bloqueada',
        summary: 'Un resumen suficientemente largo para la propuesta.',
        description: 'Una descripción suficientemente larga para que la validación la acepte.',
        theme: 'urbanismo',
        showName: false,
      },
    });
  }

  it('follows proposals and reports, showing only counts publicly', async () => {
    const follow = (s: TestSession | null, url: string, method = 'POST') => t.inject({ method, url, headers: withSession(s) });
    const pUrl = `/api/v1/proposals/${proposalId}/follow`;
    expectProblem(await follow(null, pUrl), 401);
    const first = await follow(english, pUrl);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toEqual({ followers: 1, following: true });
    expect((await follow(english, pUrl)).statusCode).toBe(200);
    expect((await follow(citizens[0]!, pUrl)).json().followers).toBe(2);
    const detail = await t.inject({ method: 'GET', url: `/api/v1/proposals/${proposalId}`, headers: withSession(english) });
    expect(detail.json()).toMatchObject({ followers: 2, viewer: { following: true } });
    expect(detail.body).not.toContain(citizens[0]!.user.id);
    expect((await follow(english, pUrl, 'DELETE')).json()).toEqual({ followers: 1, following: false });
    expectProblem(await follow(english, '/api/v1/proposals/999999/follow'), 404);

    const otherReport = await t.inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: {
        category: 'farola',
        title: 'Farola apagada',
        description: 'La farola de la esquina no se enciende por la noche.',
        lat: SOL.lat,
        lon: SOL.lon,
        reporter: { name: 'Ana', email: 'ana@example.org', showName: false },
        consent: true,
      },
    });
    await confirmByMail(t, otherReport.json().properties.ref);
    const rUrl = `/api/v1/reports/${otherReport.json().properties.ref}/follow`;
    const state = (session: TestSession | null) => t.inject({ method: 'GET', url: rUrl, headers: withSession(session) });
    expect((await state(english)).json()).toEqual({ followers: 0, following: false });
    expect((await follow(english, rUrl)).json()).toEqual({ followers: 1, following: true });
    expect((await state(english)).json()).toEqual({ followers: 1, following: true });
    expect((await state(citizens[0]!)).json()).toEqual({ followers: 1, following: false });
    expectProblem(await state(null), 401);
    expectProblem(await t.inject({ method: 'GET', url: '/api/v1/reports/2026-999999/follow', headers: withSession(english) }), 404);
    expectProblem(await follow(english, '/api/v1/reports/2026-999999/follow'), 404);
    const [row] = await db.query(`SELECT count(*)::int AS n FROM follows WHERE target_type = 'report'`);
    expect(row.n).toBe(1);
  });
});
