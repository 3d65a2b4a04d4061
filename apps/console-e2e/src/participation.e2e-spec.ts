// Issue 6, the community manager's side, in Chromium: residents flag a comment through the API, the
// manager finds it in the console's flag queue, hides it with a reason (the public thread shows the
// placeholder) and blocks its author with a justification. One built Plaza (dist/) on a fresh demo
// database and one browser for the file; the tests build on each other in order.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, startPlaza, type IsolatedContext, type PlazaServer } from '@plaza/e2e/support';
import {
  CSRF_HEADER,
  type CommentThread,
  type CommentView,
  type NotificationView,
  type ProposalDetail, type ProposalPage, type SessionView } from '@plaza/shared/contracts';
import { axeCollector, DEMO_PASSWORD, focused, heading1, signInWithPassword, statusWith } from './console-helpers';

const MANAGER = 'gestora@demo.plaza.test';
const COMMENT = 'Esto es una vergüenza y quien lo propone es un sinvergüenza.';
const HIDE_NOTE = 'Los insultos no caben en el debate público.';
const JUSTIFICATION = 'Insultos reiterados a otros participantes del debate.';

let server: PlazaServer | undefined;
let browser: Browser | undefined;
let manager: IsolatedContext | undefined;
let proposalId = '';
/** A second published proposal, evaluated and answered in the console. */
let evaluated: { id: number; title: string } | undefined;
let comment: CommentView | undefined;
let author: Citizen | undefined;

function baseUrl(): string {
  if (!server) throw new Error('the Plaza server did not start');
  return server.baseUrl;
}

/** A resident signed in through the API: the session cookie and CSRF token their requests carry. */
interface Citizen {
  cookie: string;
  csrf: string;
}

async function call<T>(path: string, init: { method?: string; json?: unknown; as?: Citizen } = {}): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  if (init.as) {
    headers['cookie'] = init.as.cookie;
    headers[CSRF_HEADER] = init.as.csrf;
  }
  const response = await fetch(`${baseUrl()}${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

async function session(path: string, json: unknown): Promise<Citizen> {
  const response = await fetch(`${baseUrl()}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(json),
  });
  if (!response.ok) throw new Error(`${path} failed: ${response.status} ${await response.text()}`);
  const view = (await response.json()) as SessionView;
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  return { cookie, csrf: view.csrfToken };
}

const signIn = (email: string) => session('/api/v1/auth/login', { email, password: DEMO_PASSWORD });

/**
 * A new citizen as a person signs up: the form's request (always 202, docs/security.md#sign-up),
 * then the link the outbox worker mails to finish it, read as an administrator on the mail preview.
 */
async function signUp(account: { name: string; email: string; password: string; consent: true }): Promise<Citizen> {
  const response = await fetch(`${baseUrl()}/api/v1/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(account),
  });
  if (response.status !== 202) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  const admin = await signIn('admin@demo.plaza.test');
  for (let tries = 0; tries < 100; tries += 1) {
    if (tries) await new Promise((resolve) => setTimeout(resolve, 100));
    const list = await fetch(`${baseUrl()}/api/v1/admin/mail?to=${encodeURIComponent(account.email)}&limit=1`, { headers: { cookie: admin.cookie } });
    const [mail] = (await list.json()) as Array<{ text: string }>;
    const token = /token=([A-Za-z0-9_-]{43})/.exec(mail?.text ?? '')?.[1];
    if (token) return session('/api/v1/auth/email-link/verify', { token });
  }
  throw new Error(`no sign-up link mailed to ${account.email}`);
}

async function managerPage(): Promise<Page> {
  if (!manager) {
    if (!browser) throw new Error('Chromium did not start');
    manager = await openPage(browser, baseUrl());
    manager.context.setDefaultTimeout(15_000);
    await manager.page.goto('/console/signin');
    await signInWithPassword(manager.page, MANAGER);
    await manager.page.waitForURL((url) => !url.pathname.startsWith('/console/signin'));
  }
  return manager.page;
}

describe('flagged content in the console (Chromium)', () => {
  beforeAll(async () => {
    const [plaza, chromium] = await Promise.allSettled([startPlaza(), launchBrowser()]);
    if (plaza.status === 'fulfilled') server = plaza.value;
    if (chromium.status === 'fulfilled') browser = chromium.value;
    if (plaza.status === 'rejected') throw plaza.reason;
    if (chromium.status === 'rejected') throw chromium.reason;

    // Two demo residents and a third who signs up now.
    author = await signIn('vecina@demo.plaza.test');
    const neighbour = await signIn('vecino@demo.plaza.test');
    const newcomer = await signUp({
      name: 'Nueva Vecina',
      email: 'nueva.e2e@example.org',
      password: 'una-clave-bien-larga-2026',
      consent: true,
    });

    const page = await call<ProposalPage>('/api/v1/proposals?status=published&limit=2');
    proposalId = String(page.body.items[0]?.id ?? '');
    expect(proposalId).not.toBe('');
    const second = page.body.items[1];
    if (!second) throw new Error('the demo data has fewer than two published proposals');
    evaluated = { id: second.id, title: second.title };

    const created = await call<CommentView>(`/api/v1/proposals/${proposalId}/comments`, { method: 'POST', json: { body: COMMENT }, as: author });
    expect(created.status).toBe(201);
    comment = created.body;

    for (const [who, reason] of [
      [neighbour, 'offensive'],
      [newcomer, 'offensive'],
    ] as const) {
      const flagged = await call(`/api/v1/flags`, { method: 'POST', json: { targetType: 'comment', targetId: String(comment.id), reason }, as: who });
      expect(flagged.status).toBe(201);
    }
  }, 120_000);

  afterAll(async () => {
    await manager?.context.close().catch(() => undefined);
    await Promise.allSettled([browser?.close(), server?.stop()]);
  });

  it('the manager reaches the queue by keyboard and sees the comment with its counts per reason', async () => {
    const page = await managerPage();
    const axe = axeCollector(page);
    await page.goto('/console/');
    const link = page.getByRole('navigation', { name: 'Consola' }).getByRole('link', { name: 'Contenido marcado' });
    await link.focus();
    await page.keyboard.press('Enter');
    await heading1(page, 'Contenido marcado').waitFor();
    await expect(focused(page)).resolves.toMatchObject({ tag: 'h1', text: 'Contenido marcado' });

    const card = page.getByRole('article', { name: `Comentario ${comment?.id}` });
    await card.getByText(COMMENT, { exact: false }).waitFor();
    await card.getByText('Ofensivo: 2').waitFor();
    await card.getByText('Visible', { exact: true }).waitFor();
    await axe.check('flag queue (es)');

    // Narrow screens: the cards stack, nothing scrolls sideways.
    await page.setViewportSize({ width: 360, height: 800 });
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(360);
    await page.setViewportSize({ width: 1280, height: 800 });
    axe.assert();
  });

  it('hides the comment with a reason, by keyboard, and the public thread shows the placeholder', async () => {
    const page = await managerPage();
    const card = page.getByRole('article', { name: `Comentario ${comment?.id}` });
    await card.getByRole('button', { name: 'Ocultar', exact: true }).focus();
    await page.keyboard.press('Enter');
    const form = card.getByRole('form', { name: 'Ocultar el contenido' });
    // Sending without a reason is refused in place and focus goes to the reason.
    await form.getByRole('button', { name: 'Ocultar contenido' }).focus();
    await page.keyboard.press('Enter');
    await expect(focused(page)).resolves.toMatchObject({ tag: 'select', invalid: 'true' });
    await form.getByLabel('Motivo').selectOption('offensive');
    await page.keyboard.press('Tab');
    await page.keyboard.type(HIDE_NOTE);
    await form.getByRole('button', { name: 'Ocultar contenido' }).focus();
    await page.keyboard.press('Enter');
    await statusWith(page, 'Contenido oculto.').waitFor();

    const thread = await call<CommentThread>(`/api/v1/proposals/${proposalId}/comments`);
    const shown = thread.body.comments.find((c) => c.id === comment?.id);
    expect(shown).toMatchObject({ state: 'hidden', body: null, hidden: { reason: 'offensive', provisional: false } });
    expect(JSON.stringify(thread.body)).not.toContain(COMMENT);

    // It leaves the open queue; "all" still shows it, as hidden.
    await card.waitFor({ state: 'detached' });
    await page.getByLabel('Mostrar').selectOption('all');
    await card.getByText('Oculto', { exact: true }).waitFor();
  });

  it('the author asks for a review and the manager reverses the hiding', async () => {
    const notifications = await call<NotificationView[]>('/api/v1/me/notifications', { as: author });
    const hidden = notifications.body.find((n) => n.kind === 'content_hidden' && n.data['targetId'] === String(comment?.id));
    const decisionId = String(hidden?.data['decisionId'] ?? '');
    expect(decisionId).not.toBe('');
    const requested = await call(`/api/v1/moderation-decisions/${decisionId}/review-request`, {
      method: 'POST',
      json: { message: 'Retiro el insulto, pero el fondo de mi comentario era legítimo.' },
      as: author,
    });
    expect(requested.status).toBe(200);

    const page = await managerPage();
    await page.goto('/console/flags');
    const reviews = page.getByRole('region', { name: 'Solicitudes de revisión' });
    const card = reviews.getByRole('article', { name: `Comentario ${comment?.id}` });
    await card.getByText('Retiro el insulto', { exact: false }).waitFor();
    await card.getByRole('button', { name: 'Resolver la revisión' }).click();
    await card.getByRole('alert').filter({ hasText: 'Elige una decisión' }).waitFor();
    await card.getByLabel('Volver a mostrar').check();
    await card.getByLabel('Explicación para el autor').fill('Tras revisarlo, el comentario puede quedarse.');
    await card.getByRole('button', { name: 'Resolver la revisión' }).click();
    await statusWith(page, 'Revisión resuelta: el contenido vuelve a estar visible.').waitFor();
    await card.waitFor({ state: 'detached' });
    await reviews.getByText('No hay solicitudes de revisión pendientes.').waitFor();

    const thread = await call<CommentThread>(`/api/v1/proposals/${proposalId}/comments`);
    expect(thread.body.comments.find((c) => c.id === comment?.id)).toMatchObject({ state: 'visible', body: COMMENT });
  });

  it('starts the evaluation of a proposal for Street Cleaning, whose staff answer it from a template that passes the style check', async () => {
    if (!browser || !evaluated) throw new Error('setup failed');
    const page = await managerPage();
    const axe = axeCollector(page);
    await page.goto('/console/proposals');
    await heading1(page, 'Propuestas ciudadanas').waitFor();
    await page.getByLabel('Estado').selectOption('published');
    await page.getByRole('link', { name: evaluated.title }).waitFor();
    await axe.check('proposals list (es)');
    await page.getByRole('link', { name: evaluated.title }).click();
    await heading1(page, evaluated.title).waitFor();
    await axe.check('proposal, staff view (es)');
    const evaluation = page.getByRole('region', { name: 'Iniciar la evaluación' });
    await evaluation.getByLabel('Departamento que responde').selectOption({ label: 'Limpieza Viaria' });
    await evaluation.getByRole('button', { name: 'Iniciar la evaluación' }).click();
    await statusWith(page, 'Propuesta en evaluación.').waitFor();
    await page.getByText('En evaluación', { exact: true }).waitFor();
    axe.assert();

    // Street Cleaning's staff find it among their proposals under evaluation and answer it.
    const department = await openPage(browser, baseUrl());
    department.context.setDefaultTimeout(15_000);
    try {
      const deptPage = department.page;
      await deptPage.goto('/console/signin?next=%2Fproposals');
      await signInWithPassword(deptPage, 'limpieza@demo.plaza.test');
      await heading1(deptPage, 'Propuestas ciudadanas').waitFor();
      await deptPage.getByRole('link', { name: evaluated.title }).click();
      const answer = deptPage.getByRole('region', { name: 'Respuesta oficial' });
      const text = answer.getByLabel('Texto de la respuesta');
      await deptPage.waitForFunction(() => (document.getElementById('answer-text') as HTMLTextAreaElement | null)?.value.includes('Limpieza Viaria') ?? false);
      const check = answer.getByRole('group', { name: 'Revisión de estilo' });
      // The template leaves {details} to the writer and does not greet: the check says so, sending is refused.
      await check.getByText('Quedan campos sin rellenar: {details}.').waitFor();
      await check.getByText('Empieza con un saludo', { exact: false }).waitFor();
      await answer.getByRole('button', { name: 'Publicar la respuesta oficial' }).click();
      await answer.getByRole('alert').filter({ hasText: 'Corrige lo que señala la guía de estilo' }).waitFor();
      const filled = `Hola:\n${(await text.inputValue()).replace('{details}', 'pondremos papeleras nuevas en la calle este otoño')}\nUn saludo.`;
      await text.fill(filled);
      await check.getByText('Cumple la guía de estilo.').waitFor();
      await answer.getByRole('button', { name: 'Publicar la respuesta oficial' }).click();
      await statusWith(deptPage, 'Respuesta oficial publicada.').waitFor();
      await deptPage.getByRole('button', { name: 'Marcar en ejecución' }).click();
      await statusWith(deptPage, 'Estado de ejecución actualizado.').waitFor();

      const detail = await call<ProposalDetail>(`/api/v1/proposals/${evaluated.id}`);
      expect(detail.body.status).toBe('in_execution');
      expect(detail.body.department?.code).toBe('limpieza');
      expect(detail.body.answers.map((a) => [a.outcome, a.text])).toEqual([['accepted', filled.trim()]]);
    } finally {
      await department.context.close();
    }
  });

  it('blocks the author with a written justification; they can no longer comment', async () => {
    const page = await managerPage();
    await page.goto('/console/flags');
    await page.getByLabel('Mostrar').selectOption('all');
    const card = page.getByRole('article', { name: `Comentario ${comment?.id}` });
    await card.getByRole('button', { name: 'Bloquear al autor' }).click();
    const form = card.getByRole('form', { name: 'Bloquear al autor' });
    await form.getByLabel('Justificación').fill('Porque sí');
    await form.getByRole('button', { name: 'Bloquear', exact: true }).click();
    await form.getByText('Escribe al menos 10 caracteres.').waitFor();
    await expect(focused(page)).resolves.toMatchObject({ tag: 'textarea', invalid: 'true' });
    await form.getByLabel('Justificación').fill(JUSTIFICATION);
    await form.getByLabel('Ocultar también todas sus propuestas y comentarios').check();
    await form.getByRole('button', { name: 'Bloquear', exact: true }).click();
    await statusWith(page, 'Usuario bloqueado.').waitFor();

    const refused = await call<{ code: string }>(`/api/v1/proposals/${proposalId}/comments`, {
      method: 'POST',
      json: { body: 'Otro comentario más.' },
      as: author,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('USER.BLOCKED');
    // "Hide all their content" took the comment down again, this time because its author is blocked.
    const thread = await call<CommentThread>(`/api/v1/proposals/${proposalId}/comments`);
    expect(thread.body.comments.find((c) => c.id === comment?.id)).toMatchObject({ state: 'hidden', body: null, hidden: { reason: 'author_blocked' } });
  });

  it('the page is axe-clean in English too', async () => {
    const page = await managerPage();
    const axe = axeCollector(page);
    await page.goto('/console/flags?lang=en');
    await heading1(page, 'Flagged content').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Review requests' }).waitFor();
    await axe.check('flag queue (en)');
    axe.assert();
  });
});
