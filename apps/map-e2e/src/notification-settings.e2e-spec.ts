// The account page's switch for update emails (docs/notifications.md): reached from the account
// menu, saved at once and said in a live region, kept after a reload, axe-clean in both languages.
import { describe, expect, it } from '@jest/globals';
import { axeAudit, usePlaza } from './harness';

const VECINA = { email: 'vecina@demo.plaza.test', password: 'demo-plaza-2026' };

describe('account notification settings in Chromium', () => {
  const plaza = usePlaza();

  it('turns update emails off and on from the account page, in Spanish and English', async () => {
    await plaza.withPage({}, async ({ page }) => {
      const audit = axeAudit(page);
      await page.goto('/signin');
      const passwordForm = page.getByRole('region', { name: 'Entrar con contraseña' });
      await passwordForm.getByLabel('Correo electrónico').fill(VECINA.email);
      await passwordForm.getByLabel('Contraseña', { exact: true }).fill(VECINA.password);
      await passwordForm.getByRole('button', { name: 'Entrar' }).click();

      const header = page.getByRole('banner');
      await header.getByRole('button', { name: /Rosa$/ }).click();
      await header.getByRole('link', { name: 'Mi cuenta', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Mi cuenta' }).waitFor();

      const box = page.getByRole('checkbox', { name: 'Enviarme correos sobre mis avisos, mis propuestas y lo que sigo' });
      await expect(box.isChecked()).resolves.toBe(true);
      await audit.check('/account (es)');

      await box.uncheck();
      await page.getByRole('status').filter({ hasText: 'Guardado: ya no recibirás estos correos.' }).waitFor();
      const saved = await page.request.get('/api/v1/account/notifications');
      expect(await saved.json()).toEqual({ emailNotifications: false });
      await audit.check('/account (es, saved)');

      await page.goto('/account?lang=en');
      const english = page.getByRole('checkbox', { name: 'Email me about my reports, my proposals and what I follow' });
      await english.waitFor();
      await expect(english.isChecked()).resolves.toBe(false);
      await english.check();
      await page.getByRole('status').filter({ hasText: 'Saved: you will get these emails.' }).waitFor();
      await audit.check('/account (en)');
      audit.assertClean();
    });
  });

  it('sends visitors who are not signed in to the sign-in page', async () => {
    await plaza.withPage({}, async ({ page }) => {
      await page.goto('/account');
      await page.getByRole('heading', { level: 1, name: 'Entrar en Plaza' }).waitFor();
      expect(new URL(page.url()).searchParams.get('next')).toBe('/account');
    });
  });
});
