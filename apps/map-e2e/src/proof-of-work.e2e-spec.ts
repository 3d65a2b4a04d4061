// The proof-of-work gate seen from the map: a client past the threshold is answered 428, and the
// browser solves the challenge with Web Crypto and sends again, with a short announced status,
// without the person doing anything.
import { describe, expect, it } from '@jest/globals';
import { axeAudit, usePlaza } from './harness';

describe('proof of work in Chromium', () => {
  // Every request from this client needs a proof of work.
  const plaza = usePlaza({ env: { ABUSE_CHALLENGE_AFTER: '0' } });

  it('files a report through the gate, saying it is checking', async () => {
    await plaza.withPage({ viewport: { width: 390, height: 844 } }, async ({ page }) => {
      const audit = axeAudit(page);
      await page.goto('/new');
      // What the status line says over time (it may show for only a fraction of a second).
      await page.evaluate(() => {
        const seen: string[] = [];
        (window as unknown as { seen: string[] }).seen = seen;
        new MutationObserver(() => {
          const text = document.querySelector('.connection-check')?.textContent ?? '';
          if (text) seen.push(text);
        }).observe(document.body, { subtree: true, childList: true, characterData: true });
      });
      const challenges: number[] = [];
      page.on('response', (response) => {
        if (response.url().includes('/api/v1/reports') && response.request().method() === 'POST') challenges.push(response.status());
      });

      await page.getByRole('heading', { name: 'Paso 1 de 4: Ubicación' }).waitFor();
      const map = page.getByRole('application', { name: 'Mapa para situar el aviso' });
      await map.scrollIntoViewIfNeeded();
      const box = await map.boundingBox();
      if (!box) throw new Error('the map has no box');
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await page.locator('.location-pin').waitFor();
      await expect(page.locator('#nr-location-where').textContent()).resolves.toMatch(/distrito Centro/);
      await page.getByRole('button', { name: 'Continuar' }).click();
      await page.getByRole('heading', { name: 'Paso 2 de 4: Tipo de problema' }).waitFor();
      await page.getByRole('radio', { name: /^Farola apagada/ }).check();
      await page.locator('.duplicates[aria-busy]').waitFor({ state: 'detached' });
      await page.getByRole('button', { name: 'Continuar' }).click();
      await page.getByRole('heading', { name: 'Paso 3 de 4: Descripción y fotos' }).waitFor();
      await page.getByLabel('Título').fill('Farola apagada (prueba de trabajo)');
      await page.getByLabel('Descripción', { exact: true }).fill('No se enciende desde el lunes.');
      await page.getByRole('button', { name: 'Continuar' }).click();
      await page.getByRole('heading', { name: 'Paso 4 de 4: Tus datos' }).waitFor();
      await page.getByLabel('Nombre', { exact: true }).fill('Rosa Prieto');
      await page.getByLabel('Correo electrónico').fill('rosa@example.org');
      await page.getByLabel(/^He leído la información sobre protección de datos/).check();
      await page.getByRole('button', { name: 'Enviar el aviso' }).click();

      await page.getByRole('heading', { level: 1, name: 'Revisa tu correo' }).waitFor();
      // First answer 428, then 201 once the browser solved the challenge.
      expect(challenges).toEqual([428, 201]);
      const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
      expect(seen).toContain('Comprobando la conexión antes de enviar…');
      // The live region is still in the page, empty, once done.
      await expect(page.getByRole('status').filter({ hasText: 'Comprobando' }).count()).resolves.toBe(0);
      await audit.check('/new/sent after a proof of work (es, phone)');
      audit.assertClean();
    });
  });
});
