// Citizens' accounts on the public site: signing up, out and in (password and one-time email
// link), signing out everywhere, and the account pages' accessibility in Spanish and English.
import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { axeAudit, focused, PHONE, usePlaza, waitForMail } from './harness';

const PASSWORD = 'cuenta-de-prueba-2026';
const VECINA = { email: 'vecina@demo.plaza.test', password: 'demo-plaza-2026' };

/** The newest sign-in link mailed to `to`, read as the admin would on the mail preview (through the API). */
async function latestSignInLink(baseUrl: string, to: string): Promise<string> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@demo.plaza.test', password: 'demo-plaza-2026' }),
  });
  expect(login.status).toBe(200);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  // The outbox worker decides a link request just after the answer (constant time): wait for it briefly.
  let message: { subject: string; text: string } | undefined;
  for (let tries = 0; !message && tries < 50; tries += 1) {
    if (tries) await new Promise((resolve) => setTimeout(resolve, 100));
    const list = await fetch(`${baseUrl}/api/v1/admin/mail?to=${encodeURIComponent(to)}&limit=1`, {
      headers: { cookie },
    });
    expect(list.status).toBe(200);
    [message] = (await list.json()) as Array<{ subject: string; text: string }>;
  }
  expect(message?.subject).toBe('Tu enlace para entrar en Plaza');
  const link = /https?:\/\/\S+\/signin\/link\?token=\S+/.exec(message?.text ?? '')?.[0];
  if (!link) throw new Error(`no public sign-in link in: ${message?.text}`);
  return link;
}

const header = (page: Page) => page.getByRole('banner');
const signInLink = (page: Page, name = 'Entrar') => header(page).getByRole('link', { name, exact: true });
const accountButton = (page: Page, firstName: string) =>
  header(page).getByRole('button', { name: new RegExp(`${firstName}$`) });

async function signOutFromHeader(page: Page, firstName: string, item: string): Promise<void> {
  await accountButton(page, firstName).click();
  await header(page).getByRole('button', { name: item, exact: true }).click();
  await signInLink(page).waitFor();
}

/** Focus moves after the errors render: wait for it rather than racing the effect. */
async function focusOn(page: Page, selector: string): Promise<void> {
  await page.waitForFunction((target) => document.activeElement?.matches(target) ?? false, selector, {
    timeout: 5_000,
  });
}

async function meStatus(page: Page): Promise<number> {
  return (await page.request.get('/api/v1/auth/me')).status();
}

describe('citizen accounts in Chromium', () => {
  const plaza = usePlaza();
  const email = `marta.${Date.now()}@example.org`;

  it('signs a new citizen up, out, and back in with a password; explains what went wrong', async () => {
    await plaza.withPage({}, async ({ page }) => {
      const audit = axeAudit(page);
      await page.goto('/');
      await signInLink(page).click();
      await page.getByRole('heading', { level: 1, name: 'Entrar en Plaza' }).waitFor();
      expect(new URL(page.url()).searchParams.get('next')).toBe('/');
      await audit.check('/signin (es)');

      await page.getByRole('link', { name: 'Crear una cuenta' }).click();
      await page.getByRole('heading', { level: 1, name: 'Crear una cuenta' }).waitFor();
      // The city's data-protection notice, served by /api/v1/map/settings, is shown before consent.
      await page.locator('.privacy-notice p').first().waitFor();
      await audit.check('/signup (es)');

      // Nothing filled in: every error beside its field, and focus on the first one.
      await page.getByRole('button', { name: 'Crear la cuenta' }).click();
      await page.locator('#signup-name-error').waitFor();
      await focusOn(page, '#signup-name');
      await expect(page.locator('#signup-name').getAttribute('aria-invalid')).resolves.toBe('true');
      await expect(page.locator('#signup-consent-error').textContent()).resolves.toContain(
        'aceptar el tratamiento',
      );
      await expect(
        page.getByRole('alert').filter({ hasText: 'Hay que corregir algunos datos' }).count(),
      ).resolves.toBe(1);
      await audit.check('/signup with errors (es)');

      // A password under the API's minimum is refused beside the password.
      await page.getByLabel('Nombre', { exact: true }).fill('Marta Ruiz Gil');
      await page.getByLabel('Correo electrónico').fill(email);
      await page.getByLabel('Contraseña', { exact: true }).fill('corta');
      await page.getByLabel(/He leído la información/).check();
      await page.getByRole('button', { name: 'Crear la cuenta' }).click();
      await expect(page.locator('#signup-password-error').textContent()).resolves.toBe(
        'Escribe al menos 10 caracteres.',
      );
      await focusOn(page, '#signup-password');

      await page.getByLabel('Contraseña', { exact: true }).fill(PASSWORD);
      const created = page.waitForResponse((response) => response.url().endsWith('/api/v1/auth/signup'));
      await page.getByRole('button', { name: 'Crear la cuenta' }).click();
      const answer = await created;
      expect([answer.status(), await answer.json()]).toEqual([202, { status: 'check_mail' }]);
      // "Check your mail", announced; the account opens from the link mailed to the address.
      const checkMail = `Te hemos enviado un mensaje a ${email}. Abre el enlace que contiene para terminar de crear tu cuenta. Si ya tenías una cuenta con este correo, el mensaje te explica cómo entrar.`;
      await expect(page.getByRole('status').filter({ hasText: 'Te hemos enviado' }).textContent()).resolves.toBe(checkMail);
      await expect(meStatus(page)).resolves.toBe(401);
      await audit.check('/signup (check your mail)');
      const welcome = await waitForMail(plaza.baseUrl(), email, /terminar de crear tu cuenta/);
      const finishLink = /https?:\/\/\S+\/signin\/link\?token=\S+/.exec(welcome.text)?.[0];
      if (!finishLink) throw new Error(`no link in: ${welcome.text}`);
      await page.goto(new URL(finishLink).pathname + new URL(finishLink).search);
      // Signed in by the link, back where the visitor started.
      await accountButton(page, 'Marta').waitFor();
      expect(new URL(page.url()).pathname).toBe('/');
      await expect(meStatus(page)).resolves.toBe(200);

      await signOutFromHeader(page, 'Marta', 'Salir');
      await expect(header(page).getByRole('status').textContent()).resolves.toBe('Has cerrado la sesión.');
      await expect(focused(page)).resolves.toMatchObject({ tag: 'a', name: 'Entrar' });
      await expect(meStatus(page)).resolves.toBe(401);

      // The same address again: the page says exactly the same; the owner is told by mail.
      await page.goto('/signup');
      await page.getByLabel('Nombre', { exact: true }).fill('Otra Marta');
      await page.getByLabel('Correo electrónico').fill(email);
      await page.getByLabel('Contraseña', { exact: true }).fill(PASSWORD);
      await page.getByLabel(/He leído la información/).check();
      const again = page.waitForResponse((response) => response.url().endsWith('/api/v1/auth/signup'));
      await page.getByRole('button', { name: 'Crear la cuenta' }).click();
      expect([(await again).status(), await (await again).json()]).toEqual([202, { status: 'check_mail' }]);
      await expect(page.getByRole('status').filter({ hasText: 'Te hemos enviado' }).textContent()).resolves.toBe(checkMail);
      await waitForMail(plaza.baseUrl(), email, /Alguien ha intentado crear una cuenta/);

      // Sign in with a password, coming from the report form: a wrong password first.
      await page.goto('/signin?next=%2Fnew');
      const passwordForm = page.getByRole('region', { name: 'Entrar con contraseña' });
      await passwordForm.getByLabel('Correo electrónico').fill(email);
      await passwordForm.getByLabel('Contraseña', { exact: true }).fill('no-es-esta-clave');
      await passwordForm.getByRole('button', { name: 'Entrar' }).click();
      const wrong = passwordForm
        .getByRole('alert')
        .filter({ hasText: 'El correo o la contraseña no son correctos.' });
      await wrong.waitFor();
      await focusOn(page, '.ui-error-summary');
      await audit.check('/signin with wrong password (es)');

      await passwordForm.getByLabel('Contraseña', { exact: true }).fill(PASSWORD);
      await passwordForm.getByRole('button', { name: 'Entrar' }).click();
      await accountButton(page, 'Marta').waitFor();
      await page.waitForURL((url) => url.pathname === '/new');
      // Signed in, the report form's contact step starts from the account's name and email.
      await page.getByRole('button', { name: 'Poner la chincheta en el centro del mapa' }).click();
      await page.getByRole('button', { name: 'Continuar' }).click();
      await page.getByRole('radio', { name: /^Acera dañada/ }).check();
      await page.getByRole('button', { name: 'Continuar' }).click();
      await page.getByLabel('Título').fill('Baldosa suelta');
      await page.getByLabel('Descripción', { exact: true }).fill('Una baldosa se mueve al pisarla.');
      await page.getByRole('button', { name: 'Continuar' }).click();
      await expect(page.getByLabel('Nombre', { exact: true }).inputValue()).resolves.toBe('Marta Ruiz Gil');
      await expect(page.locator('#nr-email').inputValue()).resolves.toBe(email);
      // Signed in, the report needs no email confirmation: it is public at once, linked as today.
      await page.getByLabel(/^He leído la información sobre protección de datos/).check();
      await page.getByRole('button', { name: 'Enviar el aviso' }).click();
      await page.getByRole('heading', { level: 1, name: 'Aviso enviado' }).waitFor();
      await expect(page.getByText('Ya aparece en el mapa.', { exact: false }).count()).resolves.toBe(1);
      await expect(page.getByRole('link', { name: 'Ver el aviso' }).count()).resolves.toBe(1);
      await signOutFromHeader(page, 'Marta', 'Salir');
      audit.assertClean();
    });
  });

  it('refuses an open redirect and says how long to wait after too many wrong passwords', async () => {
    await plaza.withPage({}, async ({ page }) => {
      await page.goto('/signin?next=%2F%2Fevil.example%2F');
      const passwordForm = page.getByRole('region', { name: 'Entrar con contraseña' });
      await passwordForm.getByLabel('Correo electrónico').fill(VECINA.email);
      await passwordForm.getByLabel('Contraseña', { exact: true }).fill(VECINA.password);
      await passwordForm.getByRole('button', { name: 'Entrar' }).click();
      await accountButton(page, 'Rosa').waitFor();
      expect(page.url()).toBe(`${plaza.baseUrl()}/`);
      await signOutFromHeader(page, 'Rosa', 'Salir');

      // An address of its own, so the block does not get in the way of the other tests.
      const target = `bloqueo.${Date.now()}@example.org`;
      await page.goto('/signin');
      await passwordForm.getByLabel('Correo electrónico').fill(target);
      let message = '';
      for (let attempt = 0; attempt < 7 && !message.includes('min'); attempt += 1) {
        await passwordForm.getByLabel('Contraseña', { exact: true }).fill(`mal-${attempt}-clave`);
        const answered = page.waitForResponse((response) => response.url().endsWith('/api/v1/auth/login'));
        await passwordForm.getByRole('button', { name: 'Entrar' }).click();
        await answered;
        await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
        message = (await passwordForm.locator('.ui-error-summary').textContent()) ?? '';
      }
      expect(message).toMatch(/Demasiados intentos\. Vuelve a probar dentro de \d+ min\./);
    });
  });

  it('signs in with a one-time email link, refuses it a second time, and signs out everywhere', async () => {
    await plaza.withPage({}, async ({ page: other }) => {
      // A second device, signed in with the password.
      await other.goto('/signin');
      const otherForm = other.getByRole('region', { name: 'Entrar con contraseña' });
      await otherForm.getByLabel('Correo electrónico').fill(email);
      await otherForm.getByLabel('Contraseña', { exact: true }).fill(PASSWORD);
      await otherForm.getByRole('button', { name: 'Entrar' }).click();
      await accountButton(other, 'Marta').waitFor();

      await plaza.withPage({}, async ({ page }) => {
        const audit = axeAudit(page);
        await page.goto('/new');
        await signInLink(page).click();
        expect(new URL(page.url()).searchParams.get('next')).toBe('/new');
        const linkForm = page.getByRole('region', { name: 'Entrar con un enlace por correo' });
        await linkForm.getByLabel('Correo electrónico').fill(email);
        await linkForm.getByRole('button', { name: 'Enviarme un enlace para entrar' }).click();
        await linkForm
          .getByRole('status')
          .filter({ hasText: `Si ${email} tiene una cuenta` })
          .waitFor();

        const link = await latestSignInLink(plaza.baseUrl(), email);
        expect(new URL(link).origin).toBe(plaza.baseUrl());
        await page.goto(link);
        await accountButton(page, 'Marta').waitFor();
        await page.waitForURL((url) => url.pathname === '/new');

        // One use only.
        await page.goto(link);
        await page
          .getByRole('alert')
          .filter({ hasText: 'Este enlace ya se ha usado o ha caducado.' })
          .waitFor();
        await audit.check('/signin/link used (es)');
        await page.getByRole('link', { name: 'Pedir un enlace nuevo' }).click();
        await page.waitForURL((url) => url.pathname === '/signin');

        // Everywhere: this device and the other one.
        await page.goto('/');
        await signOutFromHeader(page, 'Marta', 'Salir en todos los dispositivos');
        await expect(header(page).getByRole('status').textContent()).resolves.toBe(
          'Has cerrado la sesión en todos tus dispositivos.',
        );
        await expect(meStatus(page)).resolves.toBe(401);
        await expect(meStatus(other)).resolves.toBe(401);
        audit.assertClean();
      });
    });
  });

  it('works in English on a 360 px phone, by keyboard, and passes axe', async () => {
    await plaza.withPage(PHONE, async ({ page }) => {
      const audit = axeAudit(page);
      const noSideways = async () => {
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width).toBeLessThanOrEqual(360);
      };

      await page.goto('/signin?lang=en');
      await page.getByRole('heading', { level: 1, name: 'Sign in to Plaza' }).waitFor();
      await noSideways();
      await audit.check('/signin (en, 360 px)');

      await page.goto('/signin/link?token=not-a-real-token&lang=en');
      await page
        .getByRole('alert')
        .filter({ hasText: 'This link has already been used or has expired.' })
        .waitFor();
      await page.getByRole('link', { name: 'Ask for a new link' }).waitFor();
      await noSideways();
      await audit.check('/signin/link invalid (en, 360 px)');

      await page.goto('/signup?lang=en');
      await page.getByRole('heading', { level: 1, name: 'Create an account' }).waitFor();
      await page.locator('.privacy-notice p').first().waitFor();
      await noSideways();
      await audit.check('/signup (en, 360 px)');

      // Keyboard only: sign up, follow the mailed link, then open the account menu and sign out.
      const joan = `joan.${Date.now()}@example.org`;
      await page.getByLabel('Name').focus();
      await page.keyboard.type('Joan Smith');
      await page.keyboard.press('Tab');
      await page.keyboard.type(joan);
      await page.keyboard.press('Tab');
      await focusOn(page, '#signup-password');
      await page.keyboard.type(PASSWORD);
      await page.getByLabel(/I have read the data-protection/).focus();
      await page.keyboard.press('Space');
      await page.keyboard.press('Tab');
      await expect(focused(page)).resolves.toMatchObject({ tag: 'button', name: 'Create the account' });
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: `We have sent a message to ${joan}.` }).waitFor();
      await noSideways();
      await audit.check('/signup check your mail (en, 360 px)');
      const welcome = await waitForMail(plaza.baseUrl(), joan, /finish creating your Plaza account/);
      const link = new URL(/https?:\/\/\S+\/signin\/link\?token=\S+/.exec(welcome.text)?.[0] ?? 'http://missing/');
      await page.goto(`${link.pathname}${link.search}&lang=en`);
      const menu = accountButton(page, 'Joan');
      await menu.waitFor();
      await noSideways();
      await menu.focus();
      await page.keyboard.press('Enter');
      await expect(menu.getAttribute('aria-expanded')).resolves.toBe('true');
      await audit.check('header account menu open (en, 360 px)');
      await page.keyboard.press('Escape');
      await expect(menu.getAttribute('aria-expanded')).resolves.toBe('false');
      await expect(focused(page)).resolves.toMatchObject({
        tag: 'button',
        name: expect.stringMatching(/Joan/),
      });
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      await expect(focused(page)).resolves.toMatchObject({ name: 'Sign out' });
      await page.keyboard.press('Enter');
      await signInLink(page, 'Sign in').waitFor();
      await expect(meStatus(page)).resolves.toBe(401);
      audit.assertClean();
    });
  });
});
