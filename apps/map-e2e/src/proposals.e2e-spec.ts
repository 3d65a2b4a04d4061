// The public proposals pages: a visitor browses, searches and reads; a signed-in neighbour supports,
// comments and flags. The demo city has about thirty proposals in every public state.
import { describe, expect, it } from '@jest/globals';
import type { APIRequestContext, Page } from 'playwright-core';
import { axeAudit, PHONE, usePlaza } from './harness';

interface Summary {
  id: number;
  title: string;
  status: string;
  comments: number;
  theme: { code: string; name: string };
}
interface Detail extends Summary {
  answers: Array<{ department: { name: string } | null }>;
  timeline: unknown[];
  viewer?: { supported: boolean; isAuthor: boolean };
}
interface Thread {
  comments: Array<{ id: number; body: string | null; mine?: boolean; state: string }>;
}

async function listProposals(request: APIRequestContext, query: string): Promise<Summary[]> {
  const response = await request.get(`/api/v1/proposals?${query}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { items: Summary[] }).items;
}

/** Starts a session in the page's context (the cookie stays there); returns its CSRF token. */
async function signIn(page: Page, email = 'vecina@demo.plaza.test'): Promise<string> {
  const response = await page.request.post('/api/v1/auth/login', {
    data: { email, password: 'demo-plaza-2026' },
  });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

describe('proposals pages in Chromium', () => {
  const plaza = usePlaza();

  it('lists proposals with search, sort and filters kept in the URL, in Spanish and English', async () => {
    await plaza.withPage({}, async ({ page }) => {
      const audit = axeAudit(page);
      await page.goto('/proposals');
      await page.getByRole('heading', { level: 1, name: 'Propuestas vecinales' }).waitFor();
      const count = page.locator('.proposals-page__count');
      await page.waitForFunction(() =>
        /\d+ propuestas?/.test(document.querySelector('.proposals-page__count')?.textContent ?? ''),
      );
      const total = Number((await count.textContent())?.match(/\d+/)?.[0]);
      expect(total).toBeGreaterThanOrEqual(20);
      await expect(page.locator('.proposal-list > li').count()).resolves.toBe(20);
      await audit.check('list (es)');

      // "Show more" appends the next page.
      await page.getByRole('button', { name: 'Mostrar más propuestas' }).click();
      await page.waitForFunction(
        (n) => document.querySelectorAll('.proposal-list > li').length === n,
        Math.min(total, 40),
      );

      // A search by a word of a real proposal's title finds it, and the URL says what was asked.
      const [first] = await listProposals(page.request, 'sort=supports&limit=1');
      if (!first) throw new Error('the demo city has no proposals');
      const word = first.title.split(/\s+/).find((w) => w.length >= 6) ?? first.title;
      await page.getByLabel('Buscar', { exact: true }).fill(word);
      await page.getByLabel('Ordenar por').selectOption('supports');
      await page.getByLabel('Tema').selectOption(first.theme.code);
      await page.getByRole('button', { name: 'Buscar', exact: true }).click();
      await page.waitForURL(
        (url) => url.searchParams.get('q') === word && url.searchParams.get('sort') === 'supports',
      );
      expect(new URL(page.url()).searchParams.get('theme')).toBe(first.theme.code);
      await page.getByRole('link', { name: first.title }).waitFor();

      // A status filter with no match says so; reloading keeps the filters.
      await page.getByLabel('Estado').selectOption('withdrawn');
      await page.getByRole('button', { name: 'Buscar', exact: true }).click();
      await page.waitForURL((url) => url.searchParams.get('status') === 'withdrawn');
      await page.getByText('Ninguna propuesta coincide con la búsqueda.').waitFor();
      await page.reload();
      await expect(page.getByLabel('Estado').inputValue()).resolves.toBe('withdrawn');
      await expect(page.getByLabel('Buscar', { exact: true }).inputValue()).resolves.toBe(word);

      await page.goto('/proposals?lang=en&sort=comments');
      await page.getByRole('heading', { level: 1, name: 'Neighbourhood proposals' }).waitFor();
      await page.waitForFunction(() => document.querySelectorAll('.proposal-list > li').length > 0);
      await audit.check('list (en)');
      audit.assertClean();
    });
  });

  it('shows a decided proposal with its official answer, timeline and comments, and asks anonymous visitors to sign in', async () => {
    await plaza.withPage({}, async ({ page }) => {
      const audit = axeAudit(page);
      const decided = await listProposals(
        page.request,
        'status=accepted,partially_accepted,rejected&sort=comments&limit=10',
      );
      const target = decided.find((p) => p.comments > 0) ?? decided[0];
      if (!target) throw new Error('the demo city has no decided proposal');
      const detail = (await (await page.request.get(`/api/v1/proposals/${target.id}`)).json()) as Detail;

      await page.goto('/proposals');
      await page.getByRole('link', { name: target.title }).first().waitFor();
      await page.goto(`/proposals/${target.id}`);
      await page.getByRole('heading', { level: 1, name: target.title }).waitFor();
      await page.getByRole('heading', { name: 'Respuesta oficial' }).waitFor();
      const department = detail.answers[0]?.department?.name;
      if (department) await page.getByText(`Respuesta de ${department}`).waitFor();
      await expect(page.locator('.proposal-timeline > li').count()).resolves.toBe(detail.timeline.length);
      if (target.comments > 0) await page.locator('.comment').first().waitFor();
      await page.getByRole('heading', { name: /^Comentarios/ }).waitFor();
      // Anonymous: sign-in links carry the way back; no action buttons. A decided proposal takes no
      // more supports, so the link left is the comments' one.
      const signIn = page.getByRole('link', { name: 'Inicia sesión para comentar o denunciar un comentario' }).last();
      await expect(signIn.getAttribute('href')).resolves.toBe(
        `/signin?next=${encodeURIComponent(`/proposals/${target.id}`)}`,
      );
      await expect(page.getByRole('button', { name: 'Apoyar esta propuesta' }).count()).resolves.toBe(0);
      await audit.check('proposal (es)');

      await page.goto(`/proposals/${target.id}?lang=en`);
      await page.getByRole('heading', { name: 'Official answer' }).waitFor();
      await page.getByRole('heading', { name: 'History' }).waitFor();
      await audit.check('proposal (en)');

      await page.goto('/proposals/999999?lang=en');
      await page.getByRole('heading', { level: 1, name: 'Proposal not found' }).waitFor();
      audit.assertClean();
    });
  });

  it('lets a signed-in neighbour support and withdraw, comment, reply and flag a comment on a phone', async () => {
    await plaza.withPage(PHONE, async ({ page }) => {
      const audit = axeAudit(page);
      await signIn(page);
      // A published proposal with comments by others, that she neither wrote nor supports yet.
      let chosen: Detail | undefined;
      for (const candidate of await listProposals(page.request, 'status=published&sort=comments&limit=20')) {
        const detail = (await (await page.request.get(`/api/v1/proposals/${candidate.id}`)).json()) as Detail;
        if (candidate.comments > 0 && detail.viewer && !detail.viewer.isAuthor && !detail.viewer.supported) {
          chosen = detail;
          break;
        }
      }
      if (!chosen) throw new Error('no published proposal with comments that the demo citizen may support');

      await page.goto(`/proposals/${chosen.id}`);
      await page.getByRole('heading', { level: 1, name: chosen.title }).waitFor();
      const supportCount = page.locator('.proposal-support__count strong');
      const before = Number((await supportCount.textContent())?.match(/\d+/)?.[0]);

      await page.getByRole('button', { name: 'Apoyar esta propuesta' }).click();
      await page.getByRole('button', { name: 'Retirar mi apoyo' }).waitFor();
      await page.waitForFunction(
        (n) => document.querySelector('.proposal-support__count strong')?.textContent?.includes(String(n)),
        before + 1,
      );
      await expect(
        page.getByRole('status').filter({ hasText: 'Has apoyado esta propuesta.' }).count(),
      ).resolves.toBeGreaterThan(0);
      // Said once, not twice (a paragraph and the live region used to both say it).
      await expect(page.getByText('Has apoyado esta propuesta.', { exact: true }).count()).resolves.toBe(1);
      await audit.check('supported (es, 360 px)');

      await page.getByRole('button', { name: 'Retirar mi apoyo' }).click();
      await page.getByRole('button', { name: 'Apoyar esta propuesta' }).waitFor();
      await page.waitForFunction(
        (n) => document.querySelector('.proposal-support__count strong')?.textContent?.includes(String(n)),
        before,
      );

      // Comment, then reply to the first comment of the thread.
      const body = `Me parece buena idea, sobre todo para los mayores del barrio ${Date.now()}.`;
      await page.getByLabel('Tu comentario').fill(body);
      await page.getByRole('button', { name: 'Publicar comentario' }).click();
      await page.locator('.comment__body', { hasText: body }).waitFor();
      const thread = (await (
        await page.request.get(`/api/v1/proposals/${chosen.id}/comments`)
      ).json()) as Thread;
      expect(thread.comments.some((c) => c.body === body && c.mine)).toBe(true);

      const reply = `Estoy de acuerdo contigo ${Date.now()}.`;
      const firstComment = page.locator('.comment-list > li > .comment').first();
      await firstComment.getByRole('button', { name: 'Responder' }).first().click();
      await firstComment.getByLabel('Tu respuesta').fill(reply);
      await firstComment.getByRole('button', { name: 'Publicar respuesta' }).click();
      await page.locator('.comment-replies .comment__body', { hasText: reply }).waitFor();

      // Flag someone else's comment with a reason; the API records it (a second flag is refused).
      const other = thread.comments.find((c) => !c.mine && c.state === 'visible');
      if (!other) throw new Error('the thread has no comment by someone else');
      const otherComment = page.locator('.comment', { hasText: other.body ?? '' }).first();
      await otherComment.getByRole('button', { name: 'Denunciar', exact: true }).first().click();
      // No reason is chosen for the visitor: sending at once asks for one instead of filing "spam".
      await expect(otherComment.getByLabel('Motivo').first().inputValue()).resolves.toBe('');
      await otherComment.getByRole('button', { name: 'Enviar denuncia' }).first().click();
      await otherComment.getByText('Elige el motivo de la denuncia.').first().waitFor();
      await otherComment.getByLabel('Motivo').first().selectOption('off_topic');
      await audit.check('flag form (es, 360 px)');
      await otherComment.getByRole('button', { name: 'Enviar denuncia' }).first().click();
      await page.getByText('Gracias. Moderación revisará la denuncia.').waitFor();
      const again = await page.request.post('/api/v1/flags', {
        data: { targetType: 'comment', targetId: String(other.id), reason: 'spam' },
        headers: {
          'X-CSRF-Token': (
            (await (await page.request.get('/api/v1/auth/me')).json()) as { csrfToken: string }
          ).csrfToken,
        },
      });
      expect(again.status()).toBe(409);

      await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBe(360);
      await page.goto(`/proposals/${chosen.id}?lang=en`);
      await page.getByRole('button', { name: 'Support this proposal' }).waitFor();
      await audit.check('signed in (en, 360 px)');

      // The list and the form fit a 360 px screen too.
      await page.goto('/proposals?lang=en');
      await page.waitForFunction(() => document.querySelectorAll('.proposal-list > li').length > 0);
      await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBe(360);
      await audit.check('list (en, 360 px)');
      await page.goto('/proposals/new?lang=en');
      await page.getByRole('button', { name: 'Publish the proposal' }).waitFor();
      await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBe(360);
      audit.assertClean();
    });
  });

  it('shows a comment hidden by moderation as a placeholder with its reason', async () => {
    await plaza.withPage({}, async ({ page }) => {
      const [proposal] = await listProposals(page.request, 'sort=comments&limit=1');
      if (!proposal) throw new Error('the demo city has no proposals');
      // A neighbour flags someone else's comment, a community manager hides it as offensive.
      const neighbour = await signIn(page, 'vecino@demo.plaza.test');
      const thread = (await (
        await page.request.get(`/api/v1/proposals/${proposal.id}/comments`)
      ).json()) as Thread;
      const target = thread.comments.find((c) => c.state === 'visible' && !c.mine);
      if (!target?.body)
        throw new Error('the most discussed proposal has no visible comment by someone else');
      const flag = await page.request.post('/api/v1/flags', {
        data: { targetType: 'comment', targetId: String(target.id), reason: 'offensive' },
        headers: { 'X-CSRF-Token': neighbour },
      });
      expect([201, 409]).toContain(flag.status());
      const manager = await signIn(page, 'gestora@demo.plaza.test');
      const hide = await page.request.post(`/api/v1/staff/flags/comment/${target.id}/hide`, {
        data: { reason: 'offensive' },
        headers: { 'X-CSRF-Token': manager },
      });
      expect(hide.status()).toBeLessThan(300);
      await page.request.post('/api/v1/auth/logout', { headers: { 'X-CSRF-Token': manager } });

      await page.goto(`/proposals/${proposal.id}`);
      await page.getByText('Comentario oculto por moderación. Motivo: Ofensivo.').first().waitFor();
      await expect(page.getByText(target.body, { exact: true }).count()).resolves.toBe(0);
    });
  });

  it('files a new proposal with a location and opens its page; anonymous visitors are asked to sign in', async () => {
    await plaza.withPage({}, async ({ page }) => {
      const audit = axeAudit(page);
      await page.goto('/proposals/new?lang=en');
      await page.getByRole('link', { name: 'Sign in to support, comment or flag content' }).waitFor();

      await signIn(page);
      await page.goto('/proposals/new');
      await page.getByRole('heading', { level: 1, name: 'Hacer una propuesta' }).waitFor();
      // Sent empty: the errors are said beside the fields and focus goes to the first one.
      await page.getByRole('button', { name: 'Publicar la propuesta' }).click();
      await page.getByText('Revisa 4 campos del formulario.').waitFor();
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('np-title');
      await audit.check('new proposal errors (es)');

      const title = `Fuente de agua en el parque ${Date.now()}`;
      await page.getByLabel('Título').fill(title);
      await page
        .getByLabel('Resumen')
        .fill('Instalar una fuente de agua potable junto a los columpios del parque.');
      await page
        .getByLabel('Descripción')
        .fill(
          'En verano no hay dónde beber agua cerca de la zona infantil; una fuente accesible ayudaría a las familias.',
        );
      const theme = page.getByLabel('Tema');
      await theme.selectOption({ index: 1 });
      // By keyboard: Enter on the map drops the pin at its centre (Madrid's centre).
      await page.locator('#np-location').focus();
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: 'Quitar la ubicación' }).waitFor();
      await page.getByRole('button', { name: 'Publicar la propuesta' }).click();

      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      const id = Number(new URL(page.url()).pathname.split('/').pop());
      const created = (await (await page.request.get(`/api/v1/proposals/${id}`)).json()) as Detail & {
        location: unknown;
        authorName: unknown;
      };
      expect(created.title).toBe(title);
      expect(created.location).not.toBeNull();
      expect(created.authorName).toBeNull();
      await page.getByRole('region', { name: 'Mapa con la ubicación de la propuesta' }).waitFor();

      await page.goto('/proposals/new?lang=en');
      await page.getByRole('button', { name: 'Publish the proposal' }).waitFor();
      await audit.check('new proposal (en)');
      audit.assertClean();
    });
  });

  it('lets authors delete their comment and withdraw their proposal, and anyone signed in follow a report, by keyboard', async () => {
    await plaza.withPage({}, async ({ page }) => {
      const audit = axeAudit(page);
      const csrf = await signIn(page);
      const headers = { 'x-csrf-token': csrf };
      const created = await page.request.post('/api/v1/proposals', {
        headers,
        data: {
          title: 'Bancos con respaldo en el parque del Oeste',
          summary: 'Cambiar los bancos sin respaldo por otros cómodos para personas mayores.',
          description: 'Los bancos nuevos no tienen respaldo y muchas personas mayores no pueden descansar en ellos un buen rato.',
          theme: 'urbanismo',
          showName: false,
        },
      });
      expect(created.status()).toBe(201);
      const { id } = (await created.json()) as { id: number };
      const comment = await page.request.post(`/api/v1/proposals/${id}/comments`, {
        headers,
        data: { body: 'Añado que también hacen falta sombras.' },
      });
      const { id: commentId } = (await comment.json()) as { id: number };

      await page.goto(`/proposals/${id}`);
      const mine = page.locator(`#comment-${commentId}`);
      await mine.getByRole('button', { name: 'Borrar' }).focus();
      await page.keyboard.press('Enter');
      // The question takes focus; Enter on "yes" deletes, and the thread keeps a placeholder.
      await expect(page.evaluate(() => document.activeElement?.textContent ?? '')).resolves.toMatch(/^¿Borrar este comentario\?/);
      await audit.check('proposal (es, confirming a deletion)');
      await page.getByRole('button', { name: 'Sí, borrar el comentario' }).focus();
      await page.keyboard.press('Enter');
      await mine.getByText('Comentario borrado por su autor.').waitFor();
      await page.getByRole('status').filter({ hasText: 'Comentario borrado.' }).waitFor();

      await page.getByRole('button', { name: 'Retirar la propuesta' }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: 'Sí, retirarla' }).focus();
      await page.keyboard.press('Enter');
      await page.locator('.proposal-timeline > li').filter({ hasText: 'Retirada' }).waitFor();
      await expect(page.getByRole('button', { name: 'Retirar la propuesta' }).count()).resolves.toBe(0);
      const after = (await (await page.request.get(`/api/v1/proposals/${id}`)).json()) as Detail;
      expect(after.status).toBe('withdrawn');

      // A report's page: follow it (a toggle button), and its discussion is there too.
      const reports = (await (await page.request.get('/api/v1/reports?limit=1')).json()) as {
        features: Array<{ properties: { ref: string } }>;
      };
      const ref = reports.features[0]?.properties.ref;
      if (!ref) throw new Error('the demo city has no public report');
      await page.goto(`/reports/${ref}`);
      const follow = page.getByRole('button', { name: 'Seguir' });
      await expect(follow.getAttribute('aria-pressed')).resolves.toBe('false');
      await follow.focus();
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: 'Ahora sigues esta página.' }).waitFor();
      await expect(follow.getAttribute('aria-pressed')).resolves.toBe('true');
      await page.getByText('1 persona la sigue').waitFor();
      await page.getByRole('heading', { level: 2, name: /^Comentarios/ }).waitFor();
      await audit.check('report (es, following)');
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: 'Has dejado de seguir esta página.' }).waitFor();
      await page.goto(`/reports/${ref}?lang=en`);
      await page.getByRole('button', { name: 'Follow' }).waitFor();
      await audit.check('report (en)');
      audit.assertClean();
    });
  });
});
