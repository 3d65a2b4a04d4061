// Filing a report in the public map, as citizens do it: by touch on a phone, by keyboard alone,
// supporting a duplicate instead, and recovering from the API's refusals and a lost connection.
import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { confirmationLinkFor, confirmationMailsFor, confirmReportByMail } from '@plaza/e2e/support';
import { axeAudit, focused, PHONE, tabTo, usePlaza } from './harness';

const MADRID_BBOX = '-3.89,40.31,-3.52,40.64';

async function photo(colour: string): Promise<Buffer> {
  return sharp({ create: { width: 640, height: 480, channels: 3, background: colour } }).jpeg({ quality: 70 }).toBuffer();
}

async function reportsTitled(page: Page, title: string): Promise<Array<{ ref: string; supports: number }>> {
  const response = await page.request.get(`/api/v1/reports?bbox=${MADRID_BBOX}&limit=500`);
  const body = (await response.json()) as { features: Array<{ properties: { ref: string; title: string; supports: number } }> };
  return body.features.filter((f) => f.properties.title === title).map((f) => ({ ref: f.properties.ref, supports: f.properties.supports }));
}

describe('filing a report in Chromium', () => {
  const plaza = usePlaza();

  it('files a report with a photo by touch on a phone, confirms it from the mailed link, then opens its page', async () => {
    await plaza.withPage(PHONE, async ({ page }) => {
      const audit = axeAudit(page);
      const title = 'Farola fundida en la plaza (táctil)';
      await page.goto('/');
      await page.getByRole('status').filter({ hasText: /avisos en la zona visible/ }).waitFor();
      await page.getByRole('link', { name: 'Enviar un aviso' }).tap();

      await page.getByRole('heading', { name: 'Paso 1 de 4: Ubicación' }).waitFor();
      await audit.check('/new, paso 1 (es, móvil)');
      // The pin goes where the map is tapped: its centre, in Madrid's Centro district.
      const map = page.getByRole('application', { name: 'Mapa para situar el aviso' });
      await map.scrollIntoViewIfNeeded();
      const box = await map.boundingBox();
      if (!box) throw new Error('the map has no box');
      await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
      await expect(page.locator('#nr-location-where').textContent()).resolves.toMatch(/^Chincheta en 40,4\d*, -3,7\d* \(distrito Centro\)\.$/);
      await expect(page.locator('.location-pin').count()).resolves.toBe(1);
      await page.getByRole('button', { name: 'Continuar' }).tap();

      await page.getByRole('heading', { name: 'Paso 2 de 4: Tipo de problema' }).waitFor();
      await page.getByRole('radio', { name: /^Farola apagada/ }).check();
      await page.getByRole('heading', { name: '¿Ya lo ha avisado alguien?' }).waitFor();
      await page.locator('.duplicates[aria-busy]').waitFor({ state: 'detached' });
      await audit.check('/new, paso 2 (es, móvil)');
      await page.getByRole('button', { name: 'Continuar' }).tap();

      await page.getByRole('heading', { name: 'Paso 3 de 4: Descripción y fotos' }).waitFor();
      await page.getByLabel('Título').fill(title);
      await page.getByLabel('Descripción', { exact: true }).fill('No se enciende desde el lunes y la plaza queda a oscuras.');
      await page.getByLabel('Fotos (opcional)').setInputFiles({ name: 'farola.jpg', mimeType: 'image/jpeg', buffer: await photo('#334155') });
      const preview = page.getByRole('img', { name: 'Foto 1: farola.jpg' });
      await preview.waitFor();
      await expect(preview.evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth))).resolves.toBe(640);
      await expect(page.getByText('1 de 5 fotos').count()).resolves.toBe(1);
      await audit.check('/new, paso 3 (es, móvil)');
      await page.getByRole('button', { name: 'Continuar' }).tap();

      await page.getByRole('heading', { name: 'Paso 4 de 4: Tus datos' }).waitFor();
      await page.getByLabel('Nombre', { exact: true }).fill('Carmen Ortega');
      await page.getByLabel('Correo electrónico').fill('carmen@example.org');
      await page.getByLabel('Teléfono (opcional)').fill('+34 600 123 456');
      await expect(page.getByRole('heading', { name: 'Protección de datos' }).count()).resolves.toBe(1);
      await expect(page.locator('.privacy-notice').textContent()).resolves.toContain('Finalidad:');
      await page.getByLabel(/^He leído la información sobre protección de datos/).check();
      await audit.check('/new, paso 4 (es, móvil)');
      // Nothing spills sideways on a 360-px screen.
      await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBe(360);
      const filing = page.waitForResponse((r) => r.url().endsWith('/api/v1/reports') && r.request().method() === 'POST');
      await page.getByRole('button', { name: 'Enviar el aviso' }).tap();
      // The photo is accepted at once and processed off the request path (EXIF/GPS removed there).
      const filed = await filing;
      expect(filed.status()).toBe(201);
      expect((await filed.json()).photoUploads).toEqual([{ id: expect.any(String), state: 'pending' }]);

      // Not signed in: the report waits for the reporter to confirm their email.
      await page.getByRole('heading', { level: 1, name: 'Revisa tu correo' }).waitFor();
      const ref = (await page.locator('.sent__ref strong').textContent())?.trim() ?? '';
      expect(ref).toMatch(/^\d{4}-\d{6}$/);
      await expect(page.getByText('El aviso todavía no es público', { exact: false }).count()).resolves.toBe(1);
      await expect(page.getByRole('link', { name: 'Ver el aviso' }).count()).resolves.toBe(0);
      await audit.check('/new/sent, revisa tu correo (es, móvil)');
      expect((await page.request.get(`/api/v1/reports/${ref}`)).status()).toBe(404);

      // The link in the mail opens the map's confirmation page: the report is public now.
      const link = await confirmationLinkFor(plaza.baseUrl(), ref);
      expect(new URL(link).origin).toBe(plaza.baseUrl());
      await page.goto(link);
      await page.getByRole('heading', { level: 1, name: 'Aviso confirmado' }).waitFor();
      await page.getByRole('status').filter({ hasText: 'El aviso ya aparece en el mapa' }).waitFor();
      await expect(page.locator('.sent__ref strong').textContent()).resolves.toBe(ref);
      await audit.check('/confirm/{token} (es, móvil)');

      await page.getByRole('link', { name: 'Ver el aviso' }).tap();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/reports/${ref}`);
      // Shown once processed: the page says "being processed" meanwhile and asks again by itself.
      const stored = page.getByRole('img', { name: `Foto 1 de 1 del aviso «${title}»` });
      await stored.waitFor({ timeout: 20_000 });
      await expect(page.getByText('Se está procesando una foto', { exact: false }).count()).resolves.toBe(0);
      await expect(stored.evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth))).resolves.toBeGreaterThan(0);
      const text = (await page.locator('main').textContent()) ?? '';
      expect(text).toContain('Aviso recibido. Estado: Abierto');
      expect(text).toContain('Alumbrado Público');
      // The reporter chose not to show their name: nothing about them is on the page.
      for (const secret of ['Carmen', 'carmen@example.org', '600 123 456', 'Enviado por']) expect(text).not.toContain(secret);
      audit.assertClean();
    });
  });

  it('files a report by keyboard alone, in English, with a photo and the name shown', async () => {
    await plaza.withPage({ viewport: { width: 1280, height: 900 } }, async ({ page }) => {
      const audit = axeAudit(page);
      const title = 'Pothole by the kerb (keyboard)';
      await page.goto('/new?lang=en');
      await page.getByRole('heading', { name: 'Step 1 of 4: Location' }).waitFor();
      await audit.check('/new, step 1 (en)');

      // "Use my location" without permission explains what else to do.
      await tabTo(page, (el) => el.name === 'Use my location');
      await page.keyboard.press('Enter');
      await page.getByRole('alert').filter({ hasText: 'You did not allow access to your location.' }).waitFor();

      // On the map, the arrows pan it and Enter drops the pin at the crosshair.
      await tabTo(page, (el) => el.role === 'application' && el.name === 'Map to place the report');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('Enter');
      const where = page.locator('#nr-location-where');
      await expect(where.textContent()).resolves.toMatch(/^Pin at 40\.\d+, -3\.\d+ \(.+ district\)\.$/);
      // Then Tab reaches the pin, and the arrows move it.
      await tabTo(page, (el) => el.name === 'Report pin. Use the arrow keys to move it.', 3);
      const before = await where.textContent();
      await page.keyboard.press('ArrowUp');
      await expect(where.textContent()).resolves.not.toBe(before);
      await tabTo(page, (el) => el.name === 'Continue');
      await page.keyboard.press('Enter');

      await page.getByRole('heading', { name: 'Step 2 of 4: Kind of problem' }).waitFor();
      await expect(focused(page)).resolves.toMatchObject({ tag: 'h2', name: 'Step 2 of 4: Kind of problem' });
      await tabTo(page, (el) => el.type === 'radio');
      await page.keyboard.press('Space');
      await expect(page.getByRole('radio', { name: /^Pothole/ }).isChecked()).resolves.toBe(true);
      await page.locator('.duplicates[aria-busy]').waitFor({ state: 'detached' });
      await audit.check('/new, step 2 (en)');
      await tabTo(page, (el) => el.name === 'Continue');
      await page.keyboard.press('Enter');

      await page.getByRole('heading', { name: 'Step 3 of 4: Description and photos' }).waitFor();
      await tabTo(page, (el) => el.id === 'nr-title');
      await page.keyboard.type(title);
      await page.keyboard.press('Tab');
      await page.keyboard.type('Deep enough to twist an ankle when crossing.');
      // Listening before the key press gives Playwright time to intercept the native dialog.
      const chooser = page.waitForEvent('filechooser');
      await tabTo(page, (el) => el.id === 'nr-photos');
      await page.keyboard.press('Space');
      await (await chooser).setFiles({ name: 'pothole.png', mimeType: 'image/png', buffer: await sharp(await photo('#7c2d12')).png().toBuffer() });
      await page.getByRole('img', { name: 'Photo 1: pothole.png' }).waitFor();
      await audit.check('/new, step 3 (en)');
      await tabTo(page, (el) => el.name === 'Continue');
      await page.keyboard.press('Enter');

      await page.getByRole('heading', { name: 'Step 4 of 4: Your details' }).waitFor();
      await tabTo(page, (el) => el.id === 'nr-name');
      await page.keyboard.type('Jordi Puig');
      await page.keyboard.press('Tab');
      await page.keyboard.type('jordi@example.org');
      await tabTo(page, (el) => el.id === 'nr-show-name');
      await page.keyboard.press('Space');
      await tabTo(page, (el) => el.id === 'nr-consent');
      await page.keyboard.press('Space');
      await audit.check('/new, step 4 (en)');
      await tabTo(page, (el) => el.name === 'Send the report');
      await page.keyboard.press('Enter');

      await page.getByRole('heading', { level: 1, name: 'Check your email' }).waitFor();
      await expect(focused(page)).resolves.toMatchObject({ tag: 'h1', name: 'Check your email' });
      await audit.check('/new/sent, check your email (en)');
      const ref = (await page.locator('.sent__ref strong').textContent())?.trim() ?? '';
      // The mail is written in the language the report was filed in.
      const [mail] = await confirmationMailsFor(plaza.baseUrl(), ref);
      expect(mail?.subject).toBe(`Confirm your report ${ref}`);

      await page.goto(await confirmationLinkFor(plaza.baseUrl(), ref));
      await page.getByRole('heading', { level: 1, name: 'Report confirmed' }).waitFor();
      await audit.check('/confirm/{token} (en)');
      // Following the link twice is harmless, and the page says so.
      await page.reload();
      await page.getByRole('status').filter({ hasText: 'This report had already been confirmed.' }).waitFor();
      await tabTo(page, (el) => el.name === 'Open the report');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await expect(focused(page)).resolves.toMatchObject({ tag: 'h1', name: title });
      const facts = page.locator('.facts');
      await expect(facts.textContent()).resolves.toContain('Reported byJordi Puig');
      await expect(page.locator('main').textContent()).resolves.not.toContain('jordi@example.org');
      await page.getByRole('img', { name: /^Photo 1 of 1 of the report/ }).waitFor();
      await audit.check('/reports/{ref} (en)');
      audit.assertClean();
    });
  });

  it('suggests the open report nearby and lets a neighbour support it instead', async () => {
    await plaza.withPage({}, async ({ page }) => {
      const existing = await page.request.post('/api/v1/reports', {
        data: {
          category: 'contenedor',
          title: 'Contenedor desbordado en la esquina',
          description: 'Lleva tres días sin recogerse.',
          lat: 40.41532,
          lon: -3.70771,
          address: 'Calle de la Prueba Duplicada, 7',
          reporter: { name: 'Luis', email: 'luis@example.org', showName: false },
          consent: true,
        },
      });
      expect(existing.status()).toBe(201);
      const ref = ((await existing.json()) as { properties: { ref: string } }).properties.ref;
      await confirmReportByMail(plaza.baseUrl(), ref);

      await page.goto('/new');
      // Searching a known place puts the pin on it.
      await page.getByRole('searchbox', { name: 'Buscar un lugar' }).fill('prueba duplicada');
      await page.getByRole('status').filter({ hasText: '1 lugar encontrado' }).waitFor();
      await page.getByRole('button', { name: /^Calle de la Prueba Duplicada, 7 \(dirección, Centro\)$/ }).click();
      await expect(page.locator('#nr-location-where').textContent()).resolves.toMatch(/^Chincheta en Calle de la Prueba Duplicada, 7\. Chincheta en 40,41532, -3,70771 \(distrito Centro\)\.$/);
      await page.getByRole('button', { name: 'Continuar' }).click();

      await page.getByRole('radio', { name: /^Contenedor lleno o dañado/ }).check();
      const duplicates = page.getByRole('region', { name: '¿Ya lo ha avisado alguien?' });
      await duplicates.getByRole('status').filter({ hasText: /^Hay 1 aviso parecido a menos de 150 metros/ }).waitFor();
      await expect(duplicates.getByRole('link', { name: 'Contenedor desbordado en la esquina' }).getAttribute('href')).resolves.toBe(`/reports/${ref}`);
      await expect(duplicates.getByText(/a 0 m/).count()).resolves.toBe(1);

      const support = duplicates.getByRole('button', { name: `Yo también lo he visto: apoyar el aviso ${ref}, Contenedor desbordado en la esquina` });
      await support.click();
      await duplicates.getByRole('status').filter({ hasText: 'Gracias: hemos sumado tu apoyo.' }).waitFor();
      await expect(page.locator('.support-success').textContent()).resolves.toContain(`Gracias: tu apoyo se ha sumado al aviso ${ref}.`);
      // The button stays where it was, focused, now saying it is done.
      await expect(focused(page)).resolves.toMatchObject({ tag: 'button', name: `Ya has apoyado el aviso ${ref}, Contenedor desbordado en la esquina` });
      await expect(duplicates.getByText('1 persona ha apoyado este aviso').count()).resolves.toBe(1);
      await expect(reportsTitled(page, 'Contenedor desbordado en la esquina')).resolves.toEqual([{ ref, supports: 1 }]);

      // The report's page says so too, and this browser is remembered.
      await page.locator('.support-success').getByRole('link', { name: 'Ver ese aviso' }).click();
      await page.getByRole('heading', { level: 1, name: 'Contenedor desbordado en la esquina' }).waitFor();
      await expect(page.getByText('1 persona ha apoyado este aviso').count()).resolves.toBe(1);
      await expect(page.getByRole('button', { name: /^Ya has apoyado el aviso/ }).getAttribute('aria-disabled')).resolves.toBe('true');
      // Back in the form, the draft is still there.
      await page.goBack();
      await page.getByRole('heading', { name: 'Paso 2 de 4: Tipo de problema' }).waitFor();
      await expect(page.getByRole('radio', { name: /^Contenedor lleno o dañado/ }).isChecked()).resolves.toBe(true);
    });
  });

  it('shows the API’s refusals beside the right field, and retries a lost request without a duplicate', async () => {
    await plaza.withPage({}, async ({ page }) => {
      const title = 'Acera levantada (errores y reintento)';
      await page.goto('/new');
      await page.getByRole('button', { name: 'Poner la chincheta en el centro del mapa' }).click();
      await page.getByRole('button', { name: 'Continuar' }).click();
      await page.getByRole('radio', { name: /^Acera dañada/ }).check();
      await page.getByRole('button', { name: 'Continuar' }).click();

      // The browser's own checks come first, with focus on the first problem.
      await page.getByRole('button', { name: 'Continuar' }).click();
      await expect(focused(page)).resolves.toMatchObject({ id: 'nr-title' });
      await expect(page.locator('#nr-title-error').textContent()).resolves.toBe('Este dato es obligatorio.');

      await page.getByLabel('Título').fill(title);
      await page.getByLabel('Descripción', { exact: true }).fill('Las baldosas están sueltas y alguien se va a caer.');
      // Named and typed as a JPEG, but not an image: the browser tries to decode it on selection
      // and refuses it there, instead of the API after the whole form is filled in.
      await page.getByLabel('Fotos (opcional)').setInputFiles({ name: 'acera.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('esto no es una foto') });
      await page.getByText('«acera.jpg» no es una foto JPEG, PNG o WebP.').waitFor();
      await expect(page.getByRole('button', { name: 'Quitar la foto 1' }).count()).resolves.toBe(0);
      await page.getByRole('button', { name: 'Continuar' }).click();

      await page.getByLabel('Nombre', { exact: true }).fill('Vecina');
      // A plausible address for the browser; the API wants a real domain and refuses it.
      await page.getByLabel('Correo electrónico').fill('vecina@barrio');
      await page.getByLabel(/^He leído la información/).check();
      await page.getByRole('button', { name: 'Enviar el aviso' }).click();

      const email = page.locator('#nr-email');
      await expect(page.locator('#nr-email-error').textContent()).resolves.toBe('Escribe un correo electrónico válido, como nombre@ejemplo.es.');
      await expect(email.getAttribute('aria-invalid')).resolves.toBe('true');
      await expect(email.getAttribute('aria-describedby')).resolves.toContain('nr-email-error');
      await expect(focused(page)).resolves.toMatchObject({ id: 'nr-email' });
      await expect(page.getByRole('alert').filter({ hasText: 'Hay que corregir algunos datos:' }).count()).resolves.toBe(1);
      await expect(page.getByRole('heading', { name: 'Paso 4 de 4: Tus datos' }).count()).resolves.toBe(1);

      await email.fill('vecina@example.org');

      // The connection drops after the API has filed the report: the answer never arrives.
      const keys: string[] = [];
      await page.route('**/api/v1/reports', async (route) => {
        if (route.request().method() !== 'POST') return route.continue();
        keys.push(route.request().headers()['idempotency-key'] ?? '');
        if (keys.length > 1) return route.continue();
        await route.fetch();
        return route.abort('connectionreset');
      });
      await page.getByRole('button', { name: 'Enviar el aviso' }).click();
      await page.getByRole('alert').filter({ hasText: /^No hemos podido enviar el aviso/ }).waitFor();

      // Trying again sends the same Idempotency-Key, and the API answers with the same report.
      await page.getByRole('button', { name: 'Reintentar el envío' }).click();
      await page.getByRole('heading', { level: 1, name: 'Revisa tu correo' }).waitFor();
      expect(keys).toHaveLength(2);
      expect(keys[0]).toMatch(/^web-[A-Za-z0-9_-]{24}$/);
      expect(keys[1]).toBe(keys[0]);
      const ref = (await page.locator('.sent__ref strong').textContent())?.trim() ?? '';
      // One report, one mail: the retry did not file or mail again.
      await expect(confirmationMailsFor(plaza.baseUrl(), ref)).resolves.toHaveLength(1);
      await confirmReportByMail(plaza.baseUrl(), ref);
      await expect(reportsTitled(page, title)).resolves.toEqual([{ ref, supports: 0 }]);
    });
  });
});
