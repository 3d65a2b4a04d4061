// The administration of Open311 client keys and of departments' send methods, in Chromium:
// a key is shown once and never again, a department's external API key is write-only, the
// dialogs work from the keyboard, and both pages pass axe in Spanish and English.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, startPlaza, type IsolatedContext, type PlazaServer } from '@plaza/e2e/support';
import { axeCollector, focused, heading1, signInWithPassword, statusWith } from './console-helpers';

const ADMIN = 'admin@demo.plaza.test';
const CLIENT = { name: 'App de barrio (prueba)', email: 'dev@barrio.example' };
const EXTERNAL_KEY = 'external-secret-key-e2e';

let server: PlazaServer | undefined;
let browser: Browser | undefined;
let admin: IsolatedContext | undefined;

function page() {
  if (!admin) throw new Error('the admin did not sign in');
  return admin.page;
}

describe('Open311 clients and send methods in Chromium', () => {
  beforeAll(async () => {
    const [plaza, chromium] = await Promise.allSettled([startPlaza(), launchBrowser()]);
    if (plaza.status === 'fulfilled') server = plaza.value;
    if (chromium.status === 'fulfilled') browser = chromium.value;
    if (plaza.status === 'rejected') throw plaza.reason;
    if (chromium.status === 'rejected') throw chromium.reason;
    admin = await openPage(browser as Browser, (server as PlazaServer).baseUrl);
    admin.context.setDefaultTimeout(15_000);
    await admin.page.goto('/console/admin/api-clients');
    await signInWithPassword(admin.page, ADMIN);
    await heading1(admin.page, 'Clientes Open311').waitFor();
  });

  afterAll(async () => {
    await admin?.context.close().catch(() => undefined);
    await Promise.allSettled([browser?.close(), server?.stop()]);
  });

  it('issues a client key shown once, from the keyboard, and revokes it', async () => {
    const p = page();
    const axe = axeCollector(p);
    await p.getByRole('table').getByRole('row').nth(1).waitFor();
    await axe.check('/console/admin/api-clients (es)');

    const opener = p.getByRole('button', { name: 'Nuevo cliente' });
    await opener.focus();
    await p.keyboard.press('Enter');
    const dialog = p.getByRole('dialog', { name: 'Nuevo cliente' });
    await dialog.waitFor();
    await expect(focused(p)).resolves.toMatchObject({ id: 'api-client-name' });
    await dialog.getByRole('button', { name: 'Crear cliente y su clave' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Hay un problema' }).waitFor();
    await expect(dialog.locator('#api-client-email').getAttribute('aria-invalid')).resolves.toBe('true');
    await axe.check('new client dialog with errors (es)');

    await dialog.getByLabel('Nombre').fill(CLIENT.name);
    await dialog.getByLabel('Correo de contacto del cliente').fill(CLIENT.email);
    await dialog.getByLabel('Correo de contacto del cliente').press('Enter');
    const keyDialog = p.getByRole('dialog', { name: `Clave de ${CLIENT.name}` });
    await keyDialog.waitFor();
    const key = await keyDialog.getByLabel('Clave de API').inputValue();
    expect(key).toMatch(/^plaza_o311_[A-Za-z0-9_-]{43}$/);
    await axe.check('issued key dialog (es)');
    await keyDialog.getByRole('button', { name: 'Ya la he copiado' }).click();
    await keyDialog.waitFor({ state: 'detached' });

    const row = p.getByRole('row').filter({ has: p.getByRole('rowheader', { name: CLIENT.name, exact: true }) });
    await row.waitFor();
    await expect(row.getByRole('cell').nth(0).textContent()).resolves.toBe(CLIENT.email);
    await expect(row.getByRole('cell').nth(3).textContent()).resolves.toBe('No'); // does not verify its users
    await expect(row.getByRole('cell').nth(4).textContent()).resolves.toBe('Activo');
    // Gone for good: not in the page, not in what the API lists.
    await p.reload();
    await row.waitFor();
    await expect(p.content()).resolves.not.toContain(key);
    const listed = await p.evaluate(async () => (await fetch('/api/v1/admin/api-clients')).text());
    expect(listed).not.toContain(key);

    await row.getByRole('button', { name: `Revocar la clave de ${CLIENT.name}` }).click();
    const confirm = p.getByRole('dialog', { name: 'Revocar la clave' });
    await confirm.getByRole('button', { name: 'Revocar', exact: true }).click();
    await statusWith(p, `Clave de «${CLIENT.name}» revocada.`).waitFor();
    await row.getByRole('cell', { name: 'Revocado', exact: true }).waitFor();

    await p.goto('/console/admin/api-clients?lang=en');
    await heading1(p, 'Open311 clients').waitFor();
    await p.getByRole('table').getByRole('row').nth(1).waitFor();
    await axe.check('/console/admin/api-clients (en)');
    await p.goto('/console/admin/api-clients?lang=es');
    await heading1(p, 'Clientes Open311').waitFor();
    axe.assert();
  });

  it('sets a department to send by Open311 with a write-only key', async () => {
    const p = page();
    const axe = axeCollector(p);
    await p.goto('/console/admin/departments');
    await heading1(p, 'Departamentos').waitFor();
    const row = p.getByRole('row').filter({ has: p.getByRole('rowheader', { name: 'Alumbrado Público', exact: true }) });
    await row.getByRole('button', { name: 'Editar Alumbrado Público' }).click();
    const dialog = p.getByRole('dialog', { name: 'Editar departamento' });
    await dialog.getByLabel('Envío de los casos').selectOption('open311');
    const external = dialog.getByRole('group', { name: 'Sistema Open311 del departamento' });
    await external.waitFor();
    await dialog.getByRole('button', { name: 'Guardar cambios' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Hay un problema' }).waitFor();
    await expect(focused(p)).resolves.toMatchObject({ id: 'department-open311-endpoint', invalid: 'true' });
    await axe.check('department dialog, Open311 with errors (es)');

    await external.getByLabel('Dirección del servicio (endpoint)').fill('https://open311.ayto.example/v2');
    await external.getByLabel('Clave de API del sistema externo').fill(EXTERNAL_KEY);
    await external.getByLabel('Códigos de servicio por categoría').fill('farola = LIGHT-01');
    await dialog.getByRole('button', { name: 'Guardar cambios' }).click();
    await statusWith(p, 'Departamento «Alumbrado Público» guardado.').waitFor();
    // The list reloads after the save: wait for the new value rather than read the old one.
    await row.getByRole('cell', { name: 'Open311', exact: true }).waitFor();

    await row.getByRole('button', { name: 'Editar Alumbrado Público' }).click();
    const key = dialog.getByLabel('Clave de API del sistema externo');
    await expect(key.inputValue()).resolves.toBe('');
    await expect(dialog.textContent()).resolves.toContain('Hay una clave guardada; no se muestra.');
    await expect(dialog.getByLabel('Códigos de servicio por categoría').inputValue()).resolves.toBe('farola = LIGHT-01');
    await expect(p.content()).resolves.not.toContain(EXTERNAL_KEY);
    await axe.check('department dialog, Open311 (es)');
    await p.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    axe.assert();
  });
});
