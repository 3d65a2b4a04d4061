// A report's own page: what a neighbour opening a shared link sees, and what a social network's
// crawler reads from the raw HTML.
import { describe, expect, it } from '@jest/globals';
import type { APIRequestContext } from 'playwright-core';
import sharp from 'sharp';
import { confirmReportByMail } from '@plaza/e2e/support';
import { axeAudit, focused, PHONE, usePlaza } from './harness';

interface Feature {
  properties: {
    ref: string;
    title: string;
    status: string;
    reporterName: string | null;
    photos: Array<{ thumbnailUrl: string }>;
    photosProcessing?: number;
  };
}

/** Filed anonymously through the API, then confirmed from the mailed link, as its reporter would. */
async function fileWithPhoto(baseUrl: string, request: APIRequestContext, fields: Record<string, string>): Promise<Feature> {
  const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#0f766e' } }).jpeg().toBuffer();
  const response = await request.post('/api/v1/reports', {
    multipart: {
      category: 'arbol',
      lat: '40.4153',
      lon: '-3.6846',
      description: 'Una rama grande cuelga sobre la acera del parque.',
      'reporter[email]': 'nuria@example.org',
      'reporter[phone]': '+34 699 000 111',
      consent: 'true',
      ...fields,
      photos: { name: 'rama.jpg', mimeType: 'image/jpeg', buffer: photo },
    },
  });
  expect(response.status()).toBe(201);
  const feature = (await response.json()) as Feature;
  await confirmReportByMail(baseUrl, feature.properties.ref);
  // The photo is processed off the request path: the public report lists it once it is ready.
  for (let tries = 0; tries < 100; tries += 1) {
    const current = (await (await request.get(`/api/v1/reports/${feature.properties.ref}`)).json()) as Feature;
    if (current.properties.photosProcessing === 0 && current.properties.photos.length > 0) return current;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the photo of ${feature.properties.ref} was never processed`);
}

describe('report pages in Chromium', () => {
  const plaza = usePlaza();

  it('opens from the list with its facts, photos and public timeline, and nothing private', async () => {
    await plaza.withPage({}, async ({ page }) => {
      const audit = axeAudit(page);
      // A report whose history has a city answer, found through the public API as anyone could.
      const list = (await (await page.request.get('/api/v1/reports?status=in_progress&limit=1')).json()) as { features: Feature[] };
      const target = list.features[0]?.properties;
      if (!target) throw new Error('the demo city has no report in progress');

      const detail = (await (await page.request.get(`/api/v1/reports/${target.ref}`)).json()) as {
        geometry: { coordinates: [number, number] };
        properties: { timeline: Array<{ to: string; message: string | null }> };
      };
      const [lon, lat] = detail.geometry.coordinates;
      await page.goto(`/?map=18/${lat}/${lon}`);
      await page.locator('.reports-panel__status:not([aria-busy])').filter({ hasText: /avisos? en la zona visible/ }).waitFor();
      await page.getByRole('link', { name: target.title }).first().click();

      const heading = page.getByRole('heading', { level: 1, name: target.title });
      await heading.waitFor();
      expect(new URL(page.url()).pathname).toBe(`/reports/${target.ref}`);
      await expect(page.title()).resolves.toBe(`${target.title} · Plaza`);
      // Arriving by a link moves focus to the page's heading, as a page load would.
      await expect(focused(page)).resolves.toMatchObject({ tag: 'h1', name: target.title });
      await expect(page.locator('.status-badge').textContent()).resolves.toBe('Estado: En curso');
      const facts = (await page.locator('.facts').textContent()) ?? '';
      for (const term of ['Referencia', target.ref, 'Categoría', 'Distrito', 'Servicio responsable', 'Creado el']) expect(facts).toContain(term);

      // The page's timeline is the API's public one, entry for entry, with the city's messages.
      const timeline = page.getByRole('region', { name: 'Historial' }).getByRole('listitem');
      const entries = detail.properties.timeline;
      expect(entries.length).toBeGreaterThanOrEqual(2);
      await expect(timeline.count()).resolves.toBe(entries.length);
      await expect(timeline.nth(0).textContent()).resolves.toMatch(/Vecino o vecina.*Aviso recibido\. Estado: Abierto/);
      const last = entries[entries.length - 1];
      await expect(timeline.last().textContent()).resolves.toMatch(/Ayuntamiento.*Estado cambiado de «.+» a «En curso»/);
      for (const [index, entry] of entries.entries()) {
        if (entry.message) await expect(timeline.nth(index).locator('blockquote').textContent()).resolves.toBe(entry.message);
      }
      expect(last?.to).toBe('in_progress');

      // The demo reporters are "Vecino N" <vecinoN@example.org>: their addresses never reach the page.
      const html = await page.content();
      expect(html).not.toMatch(/vecino\d+@example\.org/);
      if (!target.reporterName) expect(html).not.toMatch(/Vecino \d+/);
      await audit.check('/reports/{ref} (es)');

      // The language switch keeps the page.
      await page.getByRole('link', { name: 'English', exact: true }).click();
      await page.getByRole('heading', { name: 'History' }).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/reports/${target.ref}`);
      await expect(page.locator('.status-badge').textContent()).resolves.toBe('Status: In progress');
      await expect(page.locator('.facts').textContent()).resolves.toContain('Department in charge');
      await audit.check('/reports/{ref} (en)');

      // Back to the map where the visitor was.
      await page.getByRole('link', { name: '← Back to the map' }).click();
      await page.locator('.reports-panel__status:not([aria-busy])').filter({ hasText: /reports? in the visible area/ }).waitFor();
      expect(new URL(page.url()).searchParams.get('map')).toMatch(/^18\//);
      audit.assertClean();
    });
  });

  it('puts Open Graph and Twitter tags, escaped, with an absolute photo URL, in the raw HTML', async () => {
    await plaza.withPage({}, async ({ page }) => {
      const report = await fileWithPhoto(plaza.baseUrl(), page.request, {
        title: 'Rama "rota" <peligrosa> & suelta',
        'reporter[name]': 'Núria Vidal',
        'reporter[showName]': 'false',
      });
      const { ref, photos } = report.properties;
      expect(photos[0]?.thumbnailUrl.startsWith(`${plaza.baseUrl()}/api/v1/media/`)).toBe(true);

      const raw = await page.request.get(`/reports/${ref}`, { headers: { accept: 'text/html' } });
      expect(raw.status()).toBe(200);
      expect(raw.headers()['content-type']).toMatch(/^text\/html/);
      const html = await raw.text();
      const title = 'Rama &quot;rota&quot; &lt;peligrosa&gt; &amp; suelta';
      expect(html).toContain(`<title>${title} · Plaza</title>`);
      expect(html).toContain(`<meta property="og:title" content="${title}" />`);
      expect(html).toContain(`<meta property="og:image" content="${photos[0]?.thumbnailUrl}" />`);
      expect(html).toContain(`<meta property="og:url" content="${plaza.baseUrl()}/reports/${ref}" />`);
      expect(html).toContain('<meta name="twitter:card" content="summary_large_image" />');
      expect(html).toMatch(/<meta property="og:description" content="Abierto · Árbol o zona verde · Retiro\. Una rama grande cuelga/);
      expect(html).not.toContain('<peligrosa>');
      for (const secret of ['Núria', 'nuria@example.org', '699 000 111']) expect(html).not.toContain(secret);
      // The app still boots from that HTML.
      expect(html).toMatch(/<script type="module" crossorigin src="\/assets\/index-[\w-]+\.js"><\/script>/);

      const english = await (await page.request.get(`/reports/${ref}?lang=en`, { headers: { accept: 'text/html' } })).text();
      expect(english).toContain('<html lang="en">');
      expect(english).toMatch(/<meta property="og:description" content="Open · Tree or green area · Retiro\./);

      // In the browser the page renders the same report, photo included.
      await page.goto(`/reports/${ref}`);
      const img = page.getByRole('img', { name: /^Foto 1 de 1 del aviso «Rama "rota" <peligrosa> & suelta»$/ });
      await expect(img.evaluate((el: HTMLImageElement) => el.decode().then(() => el.naturalWidth))).resolves.toBe(400);
      await expect(img.locator('xpath=..').getAttribute('href')).resolves.toBe(photos[0]?.thumbnailUrl.replace('-thumb', ''));
    });
  });

  it('answers 404 for a report that is not public, in the HTML and on the page', async () => {
    await plaza.withPage({}, async ({ page }) => {
      const raw = await page.request.get('/reports/2099-999999', { headers: { accept: 'text/html' } });
      expect(raw.status()).toBe(404);
      expect(await raw.text()).not.toContain('og:title');
      const audit = axeAudit(page);
      await page.goto('/reports/2099-999999');
      await page.getByRole('heading', { level: 1, name: 'Aviso no encontrado' }).waitFor();
      await expect(page.getByText('No hay ningún aviso público con la referencia 2099-999999.', { exact: false }).count()).resolves.toBe(1);
      await audit.check('/reports/2099-999999 (es)');
      await page.getByRole('link', { name: 'English', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Report not found' }).waitFor();
      await audit.check('/reports/2099-999999 (en)');
      audit.assertClean();
    });
  });

  it('lets a neighbour say "me too" once from this browser, and fits a phone', async () => {
    await plaza.withPage(PHONE, async ({ page }) => {
      const report = await fileWithPhoto(plaza.baseUrl(), page.request, { title: 'Árbol inclinado', 'reporter[name]': 'Pere', 'reporter[showName]': 'true' });
      const { ref } = report.properties;
      await page.goto(`/reports/${ref}`);
      await page.getByRole('heading', { level: 1, name: 'Árbol inclinado' }).waitFor();
      // The reporter chose to show their name; contact details still stay private.
      await expect(page.locator('.facts').textContent()).resolves.toContain('Enviado porPere');
      await expect(page.locator('main').textContent()).resolves.not.toContain('nuria@example.org');
      await expect(page.getByText('Nadie ha apoyado este aviso todavía.').count()).resolves.toBe(1);

      await page.getByRole('button', { name: `Yo también lo he visto: apoyar el aviso ${ref}, Árbol inclinado` }).tap();
      await page.getByRole('status').filter({ hasText: 'Gracias: hemos sumado tu apoyo.' }).waitFor();
      await expect(page.getByText('1 persona ha apoyado este aviso').count()).resolves.toBe(1);
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Árbol inclinado' }).waitFor();
      await expect(page.getByText('1 persona ha apoyado este aviso').count()).resolves.toBe(1);
      const done = page.getByRole('button', { name: `Ya has apoyado el aviso ${ref}, Árbol inclinado` });
      await expect(done.getAttribute('aria-disabled')).resolves.toBe('true');
      // Pressing it again changes nothing (aria-disabled keeps it focusable, so it can still be pressed).
      await done.tap({ force: true });
      await expect(page.getByText('1 persona ha apoyado este aviso').count()).resolves.toBe(1);
      const api = (await (await page.request.get(`/api/v1/reports/${ref}`)).json()) as { properties: { supports: number } };
      expect(api.properties.supports).toBe(1);

      await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBe(360);
      const audit = axeAudit(page);
      await audit.check('/reports/{ref} (es, móvil)');
      audit.assertClean();
    });
  });
});
