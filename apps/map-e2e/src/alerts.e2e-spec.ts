// Local alerts on the public site: the /alerts form with the mouse and with the keyboard, on a
// desktop and on a 360-px phone, in Spanish and English, and the confirmation page.
import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { axeAudit, focused, PHONE, tabTo, usePlaza } from './harness';

/** The newest confirmation link mailed to `to`, read as the admin would on the mail preview. */
async function confirmationPath(baseUrl: string, to: string): Promise<string> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@demo.plaza.test', password: 'demo-plaza-2026' }),
  });
  expect(login.status).toBe(200);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const list = await fetch(`${baseUrl}/api/v1/admin/mail?to=${encodeURIComponent(to)}&limit=1`, {
    headers: { cookie },
  });
  expect(list.status).toBe(200);
  const [message] = (await list.json()) as Array<{ subject: string; text: string }>;
  const path = /https?:\/\/[^/\s]+(\/alerts\/confirm\/[A-Za-z0-9_-]+)/.exec(message?.text ?? '')?.[1];
  if (!path) throw new Error(`no confirmation link in: ${message?.text}`);
  return path;
}

async function focusOn(page: Page, selector: string): Promise<void> {
  await page.waitForFunction((target) => document.activeElement?.matches(target) ?? false, selector, {
    timeout: 5_000,
  });
}

async function noSideways(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({
    doc: document.documentElement.scrollWidth,
    view: window.innerWidth,
  }));
  expect(widths.doc).toBeLessThanOrEqual(widths.view);
}

describe('local alerts in Chromium', () => {
  const plaza = usePlaza();

  it('subscribes with the mouse to reports near a point, then confirms from the email (es)', async () => {
    const email = `alerta.${Date.now()}@example.org`;
    await plaza.withPage({}, async ({ page }) => {
      const audit = axeAudit(page);
      await page.goto('/');
      await page.getByRole('banner').getByRole('link', { name: 'Alertas', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Alertas por correo' }).waitFor();
      await page.locator('.privacy-notice div p').first().waitFor();
      // The page offers the matching feeds to feed readers.
      await expect(
        page.locator('head link[rel="alternate"][type="application/atom+xml"]').count(),
      ).resolves.toBe(1);
      await audit.check('/alerts (es)');

      // Nothing chosen: errors beside the fields, focus on the first.
      await page.getByRole('button', { name: 'Crear la alerta' }).click();
      await focusOn(page, '#alert-area');
      await expect(page.locator('#alert-email-error').textContent()).resolves.toContain('correo válido');
      await expect(page.locator('#alert-consent-error').textContent()).resolves.toContain(
        'protección de datos',
      );
      await audit.check('/alerts with errors (es)');

      await page.getByLabel('Los que estén cerca de un punto').check();
      const map = page.locator('#alert-point');
      await map.waitFor();
      const box = (await map.boundingBox())!;
      await page.mouse.click(box.x + box.width / 2 + 20, box.y + box.height / 2 - 10);
      await expect(page.locator('#alert-point-where').textContent()).resolves.toMatch(
        /^Punto marcado: 40,\d+, -3,\d+\.$/,
      );
      await expect(
        page.locator('path.leaflet-interactive, .leaflet-overlay-pane path').count(),
      ).resolves.toBeGreaterThan(0);
      await page.getByLabel('Distancia alrededor del punto').selectOption('1000');
      await page.getByLabel('Un resumen al día (solo si hay avisos nuevos)').check();
      await page.getByLabel('Tu correo electrónico').fill(email);
      await page.getByLabel(/He leído la información/).check();
      await audit.check('/alerts filled in (es)');
      await page.getByRole('button', { name: 'Crear la alerta' }).click();
      await page.getByRole('heading', { name: 'Revisa tu correo' }).waitFor();
      await expect(page.getByRole('status').filter({ hasText: email }).count()).resolves.toBe(1);
      await audit.check('/alerts sent (es)');

      await page.goto(await confirmationPath(plaza.baseUrl(), email));
      await page
        .getByText(/^Listo: te avisaremos de los avisos nuevos a menos de 1000 m del punto/)
        .waitFor();
      await page.getByText('Recibirás un resumen diario cuando haya avisos nuevos.').waitFor();
      await audit.check('/alerts/confirm (es)');

      await page.goto('/alerts/confirm/not-a-valid-token-000000000000');
      await page.getByRole('alert').filter({ hasText: 'Este enlace ya no sirve' }).waitFor();
      audit.assertClean();
    });
  });

  it('works with the keyboard alone on a 360-px phone, in English', async () => {
    const email = `keys.${Date.now()}@example.org`;
    await plaza.withPage({ ...PHONE, locale: 'en-GB' }, async ({ page }) => {
      const audit = axeAudit(page);
      await page.goto('/alerts?lang=en');
      await page.getByRole('heading', { level: 1, name: 'Email alerts' }).waitFor();
      await page.locator('.privacy-notice div p').first().waitFor();
      await noSideways(page);
      await audit.check('/alerts (en, phone)');

      // Radios: the arrow keys move the choice, as in any radio group.
      await tabTo(page, (el) => el.id === 'alert-scope-area');
      await page.keyboard.press('ArrowDown');
      await expect(page.locator('#alert-scope-radius').isChecked()).resolves.toBe(true);
      // On the map, Enter marks the point at its centre.
      await tabTo(page, (el) => el.id === 'alert-point');
      await page.keyboard.press('Enter');
      await expect(page.locator('#alert-point-where').textContent()).resolves.toMatch(
        /^Point marked: 40\.\d+, -3\.\d+\.$/,
      );
      await noSideways(page);
      await audit.check('/alerts point chosen (en, phone)');

      await tabTo(page, (el) => el.id === 'alert-email');
      await page.keyboard.type(email);
      await tabTo(page, (el) => el.id === 'alert-consent');
      await page.keyboard.press('Space');
      await tabTo(page, (el) => el.tag === 'button' && el.name === 'Create the alert');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Check your email' }).waitFor();
      expect((await focused(page)).name).toBe('Check your email');
      await noSideways(page);
      await audit.check('/alerts sent (en, phone)');

      await page.goto(`${await confirmationPath(plaza.baseUrl(), email)}?lang=en`);
      await page.getByText(/^Done: we will tell you about new reports within 500 m of /).waitFor();
      await noSideways(page);
      await audit.check('/alerts/confirm (en, phone)');
      audit.assertClean();
    });
  });
});
