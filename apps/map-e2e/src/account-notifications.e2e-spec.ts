// The author's side of moderation (docs/proposals.md), in Chromium at phone width: a citizen's comment is
// hidden by the community manager, the citizen follows the link in the kept mail to /account/notifications,
// reads why, asks for a review once by keyboard (a second request is refused beside the field and by the
// API), the manager reverses the decision, and the citizen reads the outcome and finds the comment back.
// axe in Spanish and English.
import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { axeAudit, focused, PHONE, signUpInPage, tabTo, usePlaza } from './harness';

const PASSWORD = 'demo-plaza-2026';
const COMMENT = 'Que pongan bancos a la sombra, que en verano esto es un horno.';
const HIDE_NOTE = 'Lo ocultamos mientras revisamos las denuncias.';
const REVIEW = 'Es una opinión sobre el mobiliario, no insulta a nadie.';
const REVIEW_NOTE = 'Revisado: el comentario no incumple las normas.';

/** A staff session outside the browser, as the console would use it: cookie and CSRF token. */
async function staffSession(baseUrl: string, email: string): Promise<{ cookie: string; csrf: string }> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  expect(login.status).toBe(200);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { cookie, csrf: ((await login.json()) as { csrfToken: string }).csrfToken };
}

async function staffPost(baseUrl: string, session: { cookie: string; csrf: string }, path: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
    body: JSON.stringify(body),
  });
  if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

/** The "we have hidden your content" mail kept for `to` (delivery may lag behind the decision a little). */
async function hiddenMailFor(baseUrl: string, to: string): Promise<{ subject: string; text: string }> {
  const admin = await staffSession(baseUrl, 'admin@demo.plaza.test');
  for (let attempt = 0; attempt < 40; attempt += 1) {
    const list = await fetch(`${baseUrl}/api/v1/admin/mail?to=${encodeURIComponent(to)}&limit=50`, { headers: { cookie: admin.cookie } });
    expect(list.status).toBe(200);
    const mail = ((await list.json()) as Array<{ subject: string; text: string }>).find((m) => m.subject === 'Hemos ocultado tu contenido');
    if (mail) return mail;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no "hidden" mail kept for ${to}`);
}

async function csrf(page: Page): Promise<string> {
  const me = await page.request.get('/api/v1/auth/me');
  expect(me.status()).toBe(200);
  return ((await me.json()) as { csrfToken: string }).csrfToken;
}

/** Nothing wider than the phone's screen. */
async function noSideways(page: Page): Promise<void> {
  await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(360);
}

describe('the author’s notifications: why content was hidden, one review, its outcome (Chromium, 360 px)', () => {
  const plaza = usePlaza();

  it('tells the author why, takes one review request by keyboard, and shows the reversed outcome', async () => {
    await plaza.withPage(PHONE, async ({ page, context }) => {
      const audit = axeAudit(page);
      const baseUrl = plaza.baseUrl();
      // A new citizen, so their notifications are only this test's.
      const email = `lucia.${Date.now()}@example.org`;
      await signUpInPage(page, baseUrl, { name: 'Lucía Prueba', email, password: 'una-clave-bien-larga-2026' });
      const proposals = (await (await page.request.get('/api/v1/proposals?limit=1')).json()) as { items: Array<{ id: number; title: string }> };
      const proposal = proposals.items[0]!;
      const posted = await page.request.post(`/api/v1/proposals/${proposal.id}/comments`, {
        data: { body: COMMENT },
        headers: { 'x-csrf-token': await csrf(page) },
      });
      expect(posted.status()).toBe(201);
      const commentId = ((await posted.json()) as { id: number }).id;

      // The community manager hides it (through the staff API, as the console does).
      const manager = await staffSession(baseUrl, 'gestora@demo.plaza.test');
      const decision = await staffPost(baseUrl, manager, `/api/v1/staff/flags/comment/${commentId}/hide`, { reason: 'offensive', note: HIDE_NOTE });
      const decisionId = decision['id'] as string;

      // Before opening anything, the account menu says there is something unread, in words.
      await page.goto('/proposals');
      const menuButton = page.getByRole('banner').getByRole('button', { name: /1 notificación sin leer.*Lucía$/ });
      await menuButton.waitFor();

      // The mail's link leads to the page (no 404).
      const mail = await hiddenMailFor(baseUrl, email);
      const link = /https?:\/\/\S+\/account\/notifications/.exec(mail.text)?.[0];
      expect(link).toBeDefined();
      await page.goto(new URL(link!).pathname);
      await page.getByRole('heading', { level: 1, name: 'Mis notificaciones' }).waitFor();
      const notice = page.getByRole('article', { name: /^Sin leer\s?: Hemos ocultado tu comentario$/ });
      await notice.waitFor();
      await notice.getByText('Motivo: Ofensivo').waitFor();
      await notice.getByText(`Nota de moderación: ${HIDE_NOTE}`).waitFor();
      await notice.getByText(COMMENT).waitFor();
      await notice.getByRole('link', { name: `Ver la conversación en «${proposal.title}»` }).waitFor();
      await noSideways(page);
      await audit.check('/account/notifications (es, 360 px)');

      // A second tab, opened now, still offers the form after the review is asked from the first.
      const stale = await context.newPage();
      await stale.goto('/account/notifications');
      await stale.getByRole('button', { name: 'Pedir la revisión' }).waitFor();

      // Keyboard only: Tab to the message, type it, Tab to the button, Enter.
      const fieldId = `review-${decisionId}-message`;
      await page.getByRole('heading', { level: 1 }).focus();
      await tabTo(page, (el) => el.tag === 'textarea' && el.id === fieldId);
      await page.keyboard.type(REVIEW);
      await page.keyboard.press('Tab');
      await expect(focused(page)).resolves.toMatchObject({ tag: 'button', name: 'Pedir la revisión' });
      await page.keyboard.press('Enter');
      const done = page.getByRole('status').filter({ hasText: 'Revisión pedida. Te avisaremos aquí y por correo del resultado.' });
      await done.waitFor();
      // Focus moved from the vanished form to what replaced it; the notice is now read, the form gone.
      await expect(focused(page)).resolves.toMatchObject({ name: 'Revisión pedida. Te avisaremos aquí y por correo del resultado.' });
      await page.getByRole('article', { name: 'Hemos ocultado tu comentario', exact: true }).waitFor();
      await expect(page.locator(`#${fieldId}`).count()).resolves.toBe(0);
      await audit.check('/account/notifications (es, review requested)');

      // Asked once: the stale tab's second request is refused, said beside the field.
      await stale.locator(`#${fieldId}`).fill('Otra vez, por favor, revisadlo.');
      await stale.getByRole('button', { name: 'Pedir la revisión' }).click();
      const refused = stale.locator(`#${fieldId}-error`);
      await refused.waitFor();
      await expect(refused.textContent()).resolves.toBe('Ya pediste una revisión de esta decisión: solo se puede pedir una vez.');
      await expect(stale.locator(`#${fieldId}`).getAttribute('aria-invalid')).resolves.toBe('true');
      await expect(stale.locator(`#${fieldId}`).getAttribute('aria-describedby')).resolves.toContain(`${fieldId}-error`);
      await stale.close();
      const again = await page.request.post(`/api/v1/moderation-decisions/${decisionId}/review-request`, {
        data: { message: 'Una segunda petición.' },
        headers: { 'x-csrf-token': await csrf(page) },
      });
      expect(again.status()).toBe(409);
      expect(again.headers()['content-type']).toContain('application/problem+json');
      expect(((await again.json()) as { code: string }).code).toBe('MODERATION.REVIEW_ALREADY_REQUESTED');

      // The manager reverses the decision.
      await staffPost(baseUrl, manager, `/api/v1/staff/moderation-decisions/${decisionId}/review`, { outcome: 'reversed', note: REVIEW_NOTE });

      // In English: the outcome, the note, and the earlier notice now says how the review ended.
      await page.goto('/account/notifications?lang=en');
      const outcome = page.getByRole('article', { name: /^Unread\s?: Outcome of the review of your comment$/ });
      await outcome.waitFor();
      await outcome.getByText('We reviewed the decision and reversed it: it is published again.').waitFor();
      await outcome.getByText(`Explanation: ${REVIEW_NOTE}`).waitFor();
      await page.getByRole('article', { name: 'We have hidden your comment', exact: true }).getByText('Outcome: reversed, published again').waitFor();
      await noSideways(page);
      await audit.check('/account/notifications (en, outcome)');

      // Following the link marks it read and shows the comment back in its thread.
      await outcome.getByRole('link', { name: `See the conversation on “${proposal.title}”` }).click();
      await page.waitForURL((url) => url.pathname === `/proposals/${proposal.id}`);
      await page.locator(`#comment-${commentId}`).getByText(COMMENT).waitFor();
      let unread = -1;
      for (let attempt = 0; attempt < 20 && unread !== 0; attempt += 1) {
        if (attempt) await page.waitForTimeout(250);
        const list = (await (await page.request.get('/api/v1/me/notifications')).json()) as Array<{ readAt: string | null }>;
        unread = list.filter((n) => n.readAt === null).length;
      }
      expect(unread).toBe(0);
      audit.assertClean();
    });
  });

  it('sends visitors who are not signed in to the sign-in page', async () => {
    await plaza.withPage({}, async ({ page }) => {
      await page.goto('/account/notifications');
      await page.getByRole('heading', { level: 1, name: 'Entrar en Plaza' }).waitFor();
      expect(new URL(page.url()).searchParams.get('next')).toBe('/account/notifications');
    });
  });
});
