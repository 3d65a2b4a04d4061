// Rough edges of the report form found in use, on a desktop and on a phone: the description says
// its limit, a file that is not a picture is refused when chosen, a reload keeps the draft, and an
// anonymous visit logs no failed /auth request in the browser console.
import { describe, expect, it } from '@jest/globals';
import type { BrowserContextOptions } from 'playwright-core';
import { usePlaza } from './harness';

const WIDTHS: Array<[string, BrowserContextOptions]> = [
  ['desktop 1280×800', { viewport: { width: 1280, height: 800 } }],
  ['phone 390×844', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }],
];

describe('the report form, details', () => {
  const plaza = usePlaza();

  for (const [label, options] of WIDTHS) {
    it(`keeps a draft across a reload, counts the description and refuses a non-picture on selection (${label})`, async () => {
      await plaza.withPage(options, async ({ page }) => {
        const consoleErrors: string[] = [];
        page.on('console', (message) => {
          if (message.type() === 'error' && !/ERR_NAME_NOT_RESOLVED|ERR_BLOCKED|ERR_FAILED/.test(message.text())) consoleErrors.push(message.text());
        });
        await page.goto('/new');
        await page.getByRole('heading', { name: 'Paso 1 de 4: Ubicación' }).waitFor();
        await page.getByRole('button', { name: 'Poner la chincheta en el centro del mapa' }).click();
        await page.getByRole('button', { name: 'Continuar' }).click();
        await page.getByRole('heading', { name: 'Paso 2 de 4: Tipo de problema' }).waitFor();
        await page.getByRole('radio', { name: /^Farola apagada/ }).check();
        await page.locator('.duplicates[aria-busy]').waitFor({ state: 'detached' });
        await page.getByRole('button', { name: 'Continuar' }).click();
        await page.getByRole('heading', { name: 'Paso 3 de 4: Descripción y fotos' }).waitFor();

        await page.getByLabel('Título').fill('Farola apagada junto al quiosco');
        const description = page.getByLabel('Descripción', { exact: true });
        await description.fill('No se enciende por la noche.');
        await expect(page.locator('#nr-description-count').textContent()).resolves.toBe('28 de 5000 caracteres');
        await description.fill('x'.repeat(5_100));
        await expect(description.inputValue()).resolves.toHaveLength(5_000);
        await expect(page.locator('#nr-description-count').textContent()).resolves.toContain('Has llegado al máximo de 5000 caracteres');
        await description.fill('No se enciende por la noche desde el lunes.');

        // A document renamed .jpg says image/jpeg, but does not decode: refused at once.
        await page.getByLabel('Fotos (opcional)').setInputFiles({ name: 'factura.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('%PDF-1.4 not a picture') });
        await page.locator('#nr-photos-error').filter({ hasText: '«factura.jpg» no es una foto JPEG, PNG o WebP.' }).waitFor();
        await expect(page.getByText('0 de 5 fotos').count()).resolves.toBe(1);

        // A reload (or a phone discarding the tab) keeps the step and the text.
        await page.reload();
        await page.getByRole('heading', { name: 'Paso 3 de 4: Descripción y fotos' }).waitFor();
        await expect(page.getByLabel('Título').inputValue()).resolves.toBe('Farola apagada junto al quiosco');
        await expect(description.inputValue()).resolves.toBe('No se enciende por la noche desde el lunes.');

        // Anonymous all along: the session check answered without an error.
        expect(consoleErrors).toEqual([]);
      });
    });
  }
});
