// Plaza opened at whatever address it is reached by. In development (no PUBLIC_URL), forms work at
// http://127.0.0.1:PORT as well as at localhost (and so at the machine's network address, from a
// phone); in production the strict origin check stays, and the page says what happened instead of
// "check your data". `/console` without its slash leads to the console.
import { describe, expect, it } from '@jest/globals';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { usePlaza } from './harness';

const WIDTHS: Array<[string, BrowserContextOptions]> = [
  ['desktop 1280×800', { viewport: { width: 1280, height: 800 } }],
  ['phone 390×844', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }],
];

/** Fills the alert form for a point at the map's centre and sends it. */
async function sendAlert(page: Page, origin: string, email: string): Promise<void> {
  await page.goto(`${origin}/alerts`);
  await page.getByRole('heading', { level: 1, name: 'Alertas por correo' }).waitFor();
  await page.getByLabel('Los que estén cerca de un punto').check();
  await page.getByRole('button', { name: /centro del mapa/ }).first().click();
  await expect(page.locator('#alert-point-where').textContent()).resolves.toMatch(/^Punto marcado: /);
  await page.getByLabel('Tu correo electrónico').fill(email);
  await page.getByLabel(/He leído la información/).check();
  await page.getByRole('button', { name: 'Crear la alerta' }).click();
}

describe('in development, without PUBLIC_URL', () => {
  const plaza = usePlaza({ env: { PUBLIC_URL: '' } });

  for (const [label, options] of WIDTHS) {
    it(`accepts forms sent from 127.0.0.1, the address it was opened at (${label})`, async () => {
      await plaza.withPage(options, async ({ page }) => {
        const origin = plaza.baseUrl();
        expect(new URL(origin).hostname).toBe('127.0.0.1');
        await sendAlert(page, origin, `dev.${Date.now()}@example.org`);
        await page.getByRole('heading', { name: 'Revisa tu correo' }).waitFor();
      });
    });
  }

  it('redirects /console to /console/', async () => {
    await plaza.withPage({}, async ({ page }) => {
      const response = await page.goto('/console');
      expect(response?.status()).toBe(200);
      expect(new URL(page.url()).pathname).toBe('/console/');
      await page.waitForFunction(() => document.title.startsWith('Plaza'));
    });
  });
});

describe('in production, with PUBLIC_URL set', () => {
  // The public address is another one than the page is opened at (the harness's browser reaches
  // only 127.0.0.1), as when a proxy or a LAN address is used against a configured site.
  const plaza = usePlaza({ env: { PUBLIC_URL: 'https://plaza.example.org' } });

  for (const [label, options] of WIDTHS) {
    it(`refuses forms from another address and says why (${label})`, async () => {
      await plaza.withPage(options, async ({ page }) => {
        const origin = plaza.baseUrl();
        await sendAlert(page, origin, `prod.${Date.now()}@example.org`);
        const message = page.getByText(`El servidor no acepta formularios enviados desde esta dirección (${origin}).`);
        await message.waitFor();
        await expect(page.getByText(/Revisa los datos/).count()).resolves.toBe(0);
      });
    });
  }
});
