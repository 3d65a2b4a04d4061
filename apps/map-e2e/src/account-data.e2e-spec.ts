// A citizen's own data on the map (issue 15, docs/privacy.md): they see it, download it as JSON,
// correct their email (confirmed through the link mailed to the new address) and erase their
// account; their report stays public without their name, and the audit chain still verifies.
import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { axeAudit, PHONE, signUpInPage, usePlaza } from './harness';

const ADMIN = { email: 'admin@demo.plaza.test', password: 'demo-plaza-2026' };
const NAME = 'Begoña Aranburu';

async function adminCookie(baseUrl: string): Promise<string> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  expect(login.status).toBe(200);
  return (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

/** The newest mail to `to`, read as the admin would on the mail preview. */
async function latestMailTo(baseUrl: string, to: string): Promise<{ subject: string; text: string }> {
  const list = await fetch(`${baseUrl}/api/v1/admin/mail?to=${encodeURIComponent(to)}&limit=1`, {
    headers: { cookie: await adminCookie(baseUrl) },
  });
  expect(list.status).toBe(200);
  const [message] = (await list.json()) as Array<{ subject: string; text: string }>;
  if (!message) throw new Error(`no mail to ${to}`);
  return message;
}

/** Signs up in the page's context and files a report that shows the name; answers its reference. */
async function citizenWithReport(page: Page, baseUrl: string, email: string): Promise<string> {
  const csrfToken = await signUpInPage(page, baseUrl, { name: NAME, email, password: 'cuenta-de-prueba-2026' });
  const filed = await page.request.post('/api/v1/reports', {
    headers: { 'x-csrf-token': csrfToken },
    data: {
      category: 'limpieza',
      title: 'Contenedor desbordado en la esquina',
      description: 'El contenedor lleva dos días lleno y hay bolsas en la acera.',
      lat: 40.4345,
      lon: -3.7038,
      reporter: { name: NAME, email, phone: '+34 600 123 456', showName: true },
      consent: true,
    },
  });
  expect(filed.status()).toBe(201);
  return ((await filed.json()) as { properties: { ref: string } }).properties.ref;
}

describe('my data page in Chromium', () => {
  const plaza = usePlaza();

  it('downloads the data, corrects the email by mail, erases the account; the report stays public without the name', async () => {
    const email = `begona.${Date.now()}@example.org`;
    const newEmail = `begona.nueva.${Date.now()}@example.org`;
    await plaza.withPage({}, async ({ page }) => {
      const audit = axeAudit(page);
      const ref = await citizenWithReport(page, plaza.baseUrl(), email);
      const publicBefore = await page.request.get(`/api/v1/reports/${ref}`);
      expect(await publicBefore.text()).toContain(NAME);

      // From the account page: my reports with their status, and the way to my data.
      await page.goto('/account');
      await page.getByRole('heading', { level: 1, name: 'Mi cuenta' }).waitFor();
      await page.getByRole('region', { name: 'Mis avisos' }).getByRole('link', { name: 'Contenedor desbordado en la esquina' }).waitFor();
      await page.getByRole('link', { name: 'Ver, descargar, corregir o borrar mis datos' }).click();
      await page.getByRole('heading', { level: 1, name: 'Mis datos' }).waitFor();
      await page.getByText('El personal del Ayuntamiento no ha consultado tus datos de contacto.').waitFor();
      await expect(page.getByRole('region', { name: 'Consentimientos que diste' }).getByRole('listitem').count()).resolves.toBe(2);
      await audit.check('/account/data (es)');

      // Download: the whole record as a JSON attachment.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Descargar mis datos (JSON)' }).click(),
      ]);
      const data = JSON.parse(await readFile((await download.path())!, 'utf8')) as Record<string, unknown>;
      for (const key of ['reports', 'proposals', 'comments', 'supports', 'follows', 'alerts', 'consents']) {
        expect(Array.isArray(data[key])).toBe(true);
      }
      expect(data['account']).toMatchObject({ email, name: NAME });

      // Correct the email: nothing changes until the new address follows the mailed link.
      const form = page.getByRole('region', { name: 'Corregir tus datos' });
      await form.getByLabel('Correo electrónico').fill(newEmail);
      await form.getByRole('button', { name: 'Guardar cambios' }).click();
      await page.getByRole('status').filter({ hasText: `Te hemos enviado un enlace a ${newEmail}` }).waitFor();
      const mail = await latestMailTo(plaza.baseUrl(), newEmail);
      expect(mail.subject).toBe('Confirma tu nuevo correo en Plaza');
      const link = /https?:\/\/\S+\/account\/data\?email-token=\S+/.exec(mail.text)?.[0];
      if (!link) throw new Error(`no confirmation link in: ${mail.text}`);
      const url = new URL(link);
      await page.goto(`${url.pathname}${url.search}`);
      await page.getByRole('status').filter({ hasText: `Tu correo es ahora ${newEmail}.` }).waitFor();
      // The token leaves the address bar once used.
      await page.waitForFunction(() => !location.search.includes('email-token'));
      await page.getByRole('region', { name: 'Tu cuenta' }).getByText(newEmail).waitFor();
      await audit.check('/account/data (es, email confirmed)');

      // English, at phone width.
      await page.setViewportSize(PHONE.viewport!);
      await page.goto('/account/data?lang=en');
      await page.getByRole('heading', { level: 1, name: 'My data' }).waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await audit.check('/account/data (en, phone)');

      // Erase, by keyboard: the box, the button, and the confirmation in the dialog.
      await page.goto('/account/data');
      const erase = page.getByRole('region', { name: 'Borrar mi cuenta' });
      await expect(erase.getByRole('button', { name: 'Borrar mi cuenta…' }).isDisabled()).resolves.toBe(true);
      await erase.getByRole('checkbox', { name: 'Entiendo que no se puede deshacer' }).focus();
      await page.keyboard.press('Space');
      await erase.getByRole('button', { name: 'Borrar mi cuenta…' }).focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: '¿Borrar tu cuenta?' });
      await dialog.waitFor();
      await audit.check('/account/data (es, erase dialog)');
      await dialog.getByRole('button', { name: 'Sí, borrar mi cuenta' }).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL((u) => u.pathname === '/');
      expect((await page.request.get('/api/v1/auth/me')).status()).toBe(401);

      // The report is still public, without the name.
      const publicAfter = await page.request.get(`/api/v1/reports/${ref}`);
      expect(publicAfter.status()).toBe(200);
      expect(await publicAfter.text()).not.toContain('Begoña');
      await page.goto(`/reports/${ref}`);
      await page.getByRole('heading', { level: 1, name: 'Contenedor desbordado en la esquina' }).waitFor();
      expect(await page.locator('main').innerText()).not.toContain('Begoña');
      audit.assertClean();
    });

    // The audit log still verifies after the erasure.
    const verify = await fetch(`${plaza.baseUrl()}/api/v1/admin/audit/verify`, { headers: { cookie: await adminCookie(plaza.baseUrl()) } });
    expect(await verify.json()).toMatchObject({ ok: true, brokenAt: null });
  });

  it('offers anonymous reporters a mailed link instead', async () => {
    await plaza.withPage({}, async ({ page }) => {
      const audit = axeAudit(page);
      await page.goto('/account/data');
      await page.getByRole('heading', { level: 1, name: 'Mis datos' }).waitFor();
      const region = page.getByRole('region', { name: '¿Enviaste avisos sin cuenta?' });
      await region.getByLabel('Correo electrónico').fill('nadie@example.org');
      await region.getByRole('button', { name: 'Enviarme el enlace' }).click();
      await page.getByRole('status').filter({ hasText: 'Si hay avisos enviados con nadie@example.org' }).waitFor();
      await audit.check('/account/data (anonymous)');
      audit.assertClean();
    });
  });
});
