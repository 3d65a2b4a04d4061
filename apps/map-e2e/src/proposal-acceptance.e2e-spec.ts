// The proposals issue's acceptance scenario as one flow, in order, in Chromium: a citizen proposes
// (with a point and an image), a second citizen supports and comments, a third flags the comment,
// the community manager hides it in the console, the support threshold moves the proposal to
// evaluation, the responsible department answers officially from a template, and the public page
// shows all of it in order. Every new page is checked with axe in Spanish and English, and people
// act by keyboard where a person would (typing, Tab, Enter, Space).
import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { axeAudit, focused, signUpInPage, usePlaza } from './harness';

// Two supports reach evaluation: the test server is configured rather than filled with accounts.
// Jest gives each spec file its own copy of process.env, and startPlaza passes it to the server.
process.env['PROPOSAL_SUPPORT_THRESHOLD'] = '2';

const PASSWORD = 'demo-plaza-2026';
const TITLE = 'Fuentes de agua potable en la Puerta del Sol';
const SUMMARY = 'Instalar dos fuentes de agua potable accesibles en la plaza para el verano.';
const DESCRIPTION =
  'En verano la plaza se llena de gente y no hay ninguna fuente cerca. Proponemos dos fuentes accesibles, una a cada lado de la plaza.';
const COMMENT = 'Muy buena idea, en agosto no hay dónde beber agua en todo el centro.';
const EDITED = `${COMMENT} Y que sean accesibles para sillas de ruedas.`;
const HIDE_NOTE = 'El comentario se ha denunciado y lo ocultamos mientras se revisa.';

async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  const response = await page.request.post('/api/v1/auth/login', { data: { email, password } });
  expect(response.status()).toBe(200);
}

/** Types into a field the way a person does: focus it, then the keyboard. */
async function typeInto(page: Page, label: string, text: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).focus();
  await page.keyboard.type(text);
}

/** Activates a button from the keyboard. */
async function press(page: Page, name: string | RegExp, key: 'Enter' | ' ' = 'Enter'): Promise<void> {
  await page.getByRole('button', { name, exact: typeof name === 'string' }).first().focus();
  await page.keyboard.press(key);
}

async function consoleSignIn(page: Page, email: string, next: string): Promise<void> {
  await page.goto(`/console/signin?next=${encodeURIComponent(next)}`);
  const form = page.getByRole('region', { name: 'Entrar con contraseña' });
  await form.getByLabel('Correo electrónico').fill(email);
  await form.getByLabel('Contraseña').fill(PASSWORD);
  await form.getByRole('button', { name: 'Entrar' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => !url.pathname.startsWith('/console/signin'));
}

describe('proposals: the acceptance scenario in one flow (Chromium)', () => {
  const plaza = usePlaza();

  it('proposes, supports, comments, flags, hides, reaches evaluation, answers, and shows it all in order', async () => {
    let proposalId = 0;
    let commentId = 0;
    let flaggerEmail = '';

    // 1. A citizen proposes: text, theme, a point placed from the keyboard, and an image with its preview.
    await plaza.withPage({}, async ({ page }) => {
      const audit = axeAudit(page);
      await signIn(page, 'vecina@demo.plaza.test');
      await page.goto('/proposals/new?lang=en');
      await page.locator('html[lang=en]').waitFor();
      await page.locator('#np-title').waitFor();
      await audit.check('/proposals/new (en)');
      await page.goto('/proposals/new?lang=es');
      await page.getByRole('heading', { level: 1, name: 'Hacer una propuesta' }).waitFor();
      await audit.check('/proposals/new (es)');

      // Sending it empty says what is missing and puts focus on the first field.
      await press(page, 'Publicar la propuesta');
      await page.getByRole('alert').filter({ hasText: 'Revisa 4 campos del formulario.' }).waitFor();
      // Focus moves on the next animation frame, which a loaded machine may paint a little later.
      await page.waitForFunction(() => document.activeElement?.id === 'np-title').catch(() => undefined);
      await expect(focused(page)).resolves.toMatchObject({ tag: 'input', id: 'np-title' });
      await audit.check('/proposals/new (es, errors)');

      await page.keyboard.type(TITLE);
      await page.keyboard.press('Tab');
      await page.keyboard.type(SUMMARY);
      await page.keyboard.press('Tab');
      await page.keyboard.type(DESCRIPTION);
      await page.getByLabel('Tema').focus();
      await page.getByLabel('Tema').selectOption('limpieza');
      // The point: the map opens on the city centre; "pin at centre" places it there.
      await press(page, 'Poner la chincheta en el centro del mapa');
      await page.getByRole('status').filter({ hasText: /Has marcado un punto en / }).waitFor();
      const image = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#0e7490' } }).jpeg().toBuffer();
      await page.getByLabel('Imágenes (opcional)').setInputFiles({ name: 'fuente.jpg', mimeType: 'image/jpeg', buffer: image });
      await page.getByRole('img', { name: 'Foto 1: fuente.jpg' }).waitFor();
      await page.getByText('1 de 3 fotos').waitFor();
      await audit.check('/proposals/new (es, filled)');
      await press(page, 'Publicar la propuesta');
      await page.waitForURL((url) => /^\/proposals\/\d+$/.test(url.pathname));
      proposalId = Number(new URL(page.url()).pathname.split('/').pop());
      await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      await page.getByRole('img', { name: /^Imagen 1 de 1/ }).waitFor();
      // The author sees "withdraw" (not used here) and cannot support their own proposal.
      await page.getByRole('button', { name: 'Retirar la propuesta' }).waitFor();
      const own = await page.request.post(`/api/v1/proposals/${proposalId}/support`, {
        headers: { 'x-csrf-token': await csrf(page) },
      });
      expect(own.status()).toBe(403);
      expect(own.headers()['content-type']).toContain('application/problem+json');
      expect(((await own.json()) as { code: string }).code).toBe('PROPOSAL.OWN_PROPOSAL');
      await audit.check('/proposals/{id} (es, author)');
      audit.assertClean();
    });

    // 2. A second citizen supports it, comments, edits the comment within the window, and follows.
    await plaza.withPage({}, async ({ page }) => {
      const audit = axeAudit(page);
      await signIn(page, 'vecino@demo.plaza.test');
      await page.goto(`/proposals/${proposalId}`);
      await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      await page.getByText('0 de 2 apoyos para pasar a evaluación').waitFor();
      await press(page, 'Apoyar esta propuesta');
      await page.getByRole('status').filter({ hasText: 'Has apoyado esta propuesta.' }).waitFor();
      await page.getByText('1 de 2 apoyos para pasar a evaluación').waitFor();
      // A double support is refused cleanly: 409 problem+json, the count unchanged.
      const again = await page.request.post(`/api/v1/proposals/${proposalId}/support`, {
        headers: { 'x-csrf-token': await csrf(page) },
      });
      expect(again.status()).toBe(409);
      expect(again.headers()['content-type']).toContain('application/problem+json');
      expect(((await again.json()) as { code: string }).code).toBe('PROPOSAL.ALREADY_SUPPORTED');

      await typeInto(page, 'Tu comentario', COMMENT);
      await press(page, 'Publicar comentario');
      const article = page.locator('.comment').filter({ hasText: COMMENT });
      await article.waitFor();
      commentId = Number((await article.getAttribute('id'))?.replace('comment-', ''));
      expect(commentId).toBeGreaterThan(0);
      await article.getByRole('button', { name: 'Editar' }).focus();
      await page.keyboard.press('Enter');
      await expect(focused(page)).resolves.toMatchObject({ tag: 'textarea' });
      await page.keyboard.press('End');
      await page.keyboard.type(' Y que sean accesibles para sillas de ruedas.');
      await audit.check('/proposals/{id} (es, editing a comment)');
      await press(page, 'Guardar cambios');
      await page.locator('.comment__body').filter({ hasText: EDITED }).waitFor();
      await page.getByText('(editado)').waitFor();
      // Focus comes back to the button that opened the edit form.
      await expect(focused(page)).resolves.toMatchObject({ tag: 'button', name: 'Editar' });

      const follow = page.getByRole('button', { name: 'Seguir' });
      await expect(follow.getAttribute('aria-pressed')).resolves.toBe('false');
      await follow.focus();
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: 'Ahora sigues esta página.' }).waitFor();
      await expect(follow.getAttribute('aria-pressed')).resolves.toBe('true');
      await audit.check('/proposals/{id} (es, supporter)');
      await page.goto(`/proposals/${proposalId}?lang=en`);
      await page.getByRole('button', { name: 'Follow' }).waitFor();
      await audit.check('/proposals/{id} (en, supporter)');
      audit.assertClean();
    });

    // 3. A third citizen, new to the site, flags the comment with a reason.
    await plaza.withPage({}, async ({ page }) => {
      flaggerEmail = `tercera.${Date.now()}@example.org`;
      await signUpInPage(page, plaza.baseUrl(), { name: 'Tercera Vecina', email: flaggerEmail, password: 'una-clave-bien-larga-2026' });
      await page.goto(`/proposals/${proposalId}`);
      const comment = page.locator(`#comment-${commentId}`);
      await comment.getByRole('button', { name: 'Denunciar' }).focus();
      await page.keyboard.press('Enter');
      const form = comment.getByRole('form', { name: 'Denunciar contenido' });
      await form.getByLabel('Motivo').focus();
      await form.getByLabel('Motivo').selectOption('offensive');
      await form.getByRole('button', { name: 'Enviar denuncia' }).focus();
      await page.keyboard.press('Enter');
      await page.getByText('Gracias. Moderación revisará la denuncia.').waitFor();
    });

    // 4. The community manager finds it in the console (the navigation counts it) and hides it.
    await plaza.withPage({}, async ({ page }) => {
      const audit = axeAudit(page);
      await consoleSignIn(page, 'gestora@demo.plaza.test', '/');
      const link = page.getByRole('navigation', { name: 'Consola' }).getByRole('link', { name: /^Contenido marcado/ });
      await link.filter({ hasText: /pendientes? de revisar/ }).waitFor();
      await link.focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: 'Contenido marcado' }).waitFor();
      const card = page.getByRole('article', { name: `Comentario ${commentId}` });
      // The comment is judged in its thread: the proposal it was posted on.
      await card.getByText('Comentario publicado en').waitFor();
      await card.getByRole('link', { name: new RegExp(TITLE) }).waitFor();
      await audit.check('/console/flags (es)');
      await card.getByRole('button', { name: 'Ocultar', exact: true }).focus();
      await page.keyboard.press('Enter');
      const form = card.getByRole('form', { name: 'Ocultar el contenido' });
      await form.getByLabel('Motivo').focus();
      await form.getByLabel('Motivo').selectOption('offensive');
      await page.keyboard.press('Tab');
      await page.keyboard.type(HIDE_NOTE);
      await form.getByRole('button', { name: 'Ocultar contenido' }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: 'Contenido oculto.' }).waitFor();
      await page.goto('/console/flags?lang=en');
      await page.getByRole('heading', { level: 1, name: 'Flagged content' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Blocked accounts' }).waitFor();
      await audit.check('/console/flags (en)');
      await page.goto(`/console/proposals/${proposalId}?lang=en`);
      await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      await audit.check('/console/proposals/{id} (en)');
      audit.assertClean();
    });

    // 5. The third citizen supports too: the second support reaches the threshold, evaluation starts.
    await plaza.withPage({}, async ({ page }) => {
      await signIn(page, flaggerEmail, 'una-clave-bien-larga-2026');
      await page.goto(`/proposals/${proposalId}`);
      await page.getByText('Comentario oculto por moderación. Motivo: Ofensivo.').waitFor();
      await press(page, 'Apoyar esta propuesta');
      await page.getByRole('status').filter({ hasText: 'Has apoyado esta propuesta.' }).waitFor();
      await page.locator('.proposal-page header').getByText('En evaluación').waitFor();
    });

    // 6. Street Cleaning (the theme's department) answers officially, from a template.
    let answerText = '';
    await plaza.withPage({}, async ({ page }) => {
      const audit = axeAudit(page);
      await consoleSignIn(page, 'limpieza@demo.plaza.test', `/proposals/${proposalId}`);
      await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      await audit.check('/console/proposals/{id} (es, department)');
      const answer = page.getByRole('region', { name: 'Respuesta oficial' });
      const text = answer.getByLabel('Texto de la respuesta');
      await page.waitForFunction(() => (document.getElementById('answer-text') as HTMLTextAreaElement | null)?.value.includes('Limpieza Viaria') ?? false);
      answerText = `Hola:\n${(await text.inputValue()).replace('{details}', 'instalaremos dos fuentes accesibles antes del verano')}\nUn saludo.`;
      await text.fill(answerText);
      await answer.getByText('Cumple la guía de estilo.').waitFor();
      await answer.getByRole('button', { name: 'Publicar la respuesta oficial' }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: 'Respuesta oficial publicada.' }).waitFor();
      audit.assertClean();
    });

    // 7. The public page shows all of it, in order; and the proposal is on the map, apart from incidents.
    await plaza.withPage({}, async ({ page }) => {
      const audit = axeAudit(page);
      await page.goto(`/proposals/${proposalId}`);
      await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      const timeline = page.locator('.proposal-timeline > li');
      await expect(timeline.allTextContents()).resolves.toEqual([
        expect.stringMatching(/Autora o autor.*Publicada/s),
        expect.stringMatching(/Automático.*En evaluación.*2 apoyos: alcanzado el umbral de 2/s),
        expect.stringMatching(/Ayuntamiento.*Aceptada/s),
      ]);
      const answers = page.getByRole('region', { name: 'Respuesta oficial' });
      await answers.getByText('Respuesta de Limpieza Viaria').waitFor();
      await answers.getByText('instalaremos dos fuentes accesibles antes del verano', { exact: false }).waitFor();
      await page.getByText('2 apoyos', { exact: true }).waitFor();
      await page.getByText('Comentario oculto por moderación. Motivo: Ofensivo.').waitFor();
      await expect(page.getByText(COMMENT, { exact: false }).count()).resolves.toBe(0);
      await audit.check('/proposals/{id} (es, public, answered)');
      await page.goto(`/proposals/${proposalId}?lang=en`);
      await page.getByRole('heading', { level: 2, name: 'Comments' }).waitFor();
      await audit.check('/proposals/{id} (en, public, answered)');

      // The map: proposals are square "P" markers with a legend entry and a list of their own.
      await page.goto('/?map=17/40.41690/-3.70350');
      const marker = page.locator('.leaflet-pane').getByRole('button', { name: `Propuesta: ${TITLE}. Estado: Aceptada` });
      await marker.waitFor();
      await page.getByText('Propuesta vecinal (marcador cuadrado con una P)').waitFor();
      const layer = page.getByRole('region', { name: 'Propuestas en esta zona' });
      await layer.getByRole('link', { name: TITLE }).waitFor();
      await audit.check('/ (es, proposals layer)');
      await marker.focus();
      await page.keyboard.press('Enter');
      await page.locator('.leaflet-popup .proposal-popup').getByRole('link', { name: 'Ver la propuesta' }).waitFor();
      // The layer switch is a checkbox: Space turns it off and the URL remembers it.
      await layer.getByLabel('Mostrar propuestas en el mapa').focus();
      await page.keyboard.press(' ');
      await page.waitForURL((url) => url.searchParams.get('proposals') === '0');
      await marker.waitFor({ state: 'detached' });
      await page.reload();
      await expect(page.getByLabel('Mostrar propuestas en el mapa').isChecked()).resolves.toBe(false);
      await page.goto('/?map=17/40.41690/-3.70350&lang=en');
      await page.getByRole('button', { name: `Proposal: ${TITLE}. Status: Accepted` }).waitFor();
      await audit.check('/ (en, proposals layer)');
      audit.assertClean();
    });
  }, 420_000);
});

async function csrf(page: Page): Promise<string> {
  const me = await page.request.get('/api/v1/auth/me');
  expect(me.status()).toBe(200);
  return ((await me.json()) as { csrfToken: string }).csrfToken;
}
