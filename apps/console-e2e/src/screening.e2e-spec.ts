// Issue 12, finding 10 in Chromium: what the server's screening held is explained in the community
// manager's inbox and case page, and personal data in a reply or a department's draft is marked in
// the composer, with a "publish anyway" override (and its reason) offered to community managers only.
import { beforeAll, describe, expect, it } from '@jest/globals';
import { useConsole } from './console-harness';
import { axeCollector, heading1 } from './console-helpers';

const MANAGER = 'gestora@demo.plaza.test';
const LIGHTING = 'alumbrado@demo.plaza.test';
const DNI = '12345678Z';
const PHONE = '612 345 678';
// 'limpieza' publishes without pre-moderation (seed data): only the screening holds this one.
const HELD_REPORT = {
  category: 'limpieza',
  title: 'Basura junto al contenedor',
  description: `El vecino que deja las bolsas fuera tiene el DNI ${DNI}, lo vi en una carta tirada.`,
  lat: 40.4238,
  lon: -3.7122,
  address: 'Calle de San Bernardo, 40',
  reporter: { name: 'Elena Ruiz', email: 'elena.e2e@example.org', showName: false },
  consent: true,
};
// 'farola' goes to Street Lighting, whose replies wait for a community manager's approval.
const LAMP_REPORT = { ...HELD_REPORT, category: 'farola', title: 'Farola apagada en la esquina', description: 'La farola de la esquina lleva dos noches apagada.' };
const PHONE_REPLY = `Hola:\nPara concertar la visita del equipo de alumbrado, llame al ${PHONE} en horario de mañana.\nUn saludo.`;

const { baseUrl, signedIn, fileConfirmedReport } = useConsole();

describe('personal-data screening in the console', () => {
  let held = '';
  let lamp = '';

  beforeAll(async () => {
    held = await fileConfirmedReport(HELD_REPORT);
    lamp = await fileConfirmedReport(LAMP_REPORT);
  });

  it('shows the community manager why a report was held, in the inbox and on the case', async () => {
    const public404 = await fetch(`${baseUrl()}/api/v1/reports/${held}`, { headers: { accept: 'application/json' } });
    expect(public404.status).toBe(404);

    const { page } = await signedIn(MANAGER, '/inbox?queue=moderation');
    const axe = axeCollector(page);
    await heading1(page, 'Bandeja de avisos').waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: held, exact: true }) });
    await row.getByText('Retenido: DNI').waitFor();
    await axe.check('/console/inbox?queue=moderation with a held report');

    await row.getByRole('link', { name: held, exact: true }).click();
    await heading1(page, `Aviso ${held}`).waitFor();
    await page.getByRole('region', { name: 'Moderación' }).getByText('Retenido al llegar porque contiene datos personales (DNI) en: Descripción.', { exact: false }).waitFor();
    await axe.check('/console/cases/{ref} held by screening');
    axe.assert();
  });

  it('marks personal data in a reply and publishes it only with the override and its reason', async () => {
    const { page } = await signedIn(MANAGER, `/cases/${lamp}`);
    const axe = axeCollector(page);
    await heading1(page, `Aviso ${lamp}`).waitFor();
    await page.locator('#reply-body').fill(PHONE_REPLY);
    const found = page.getByRole('group', { name: 'Datos personales en el mensaje' });
    await expect(found.locator('mark.pd-mark--phone').textContent()).resolves.toBe(`[posible teléfono: ${PHONE}]`);
    await axe.check('/console/cases/{ref} reply with personal data');

    await page.getByRole('button', { name: 'Publicar la respuesta' }).click();
    await page.getByRole('alert').filter({ hasText: 'Quita los datos personales o marca «Publicar de todos modos»' }).waitFor();
    await found.getByLabel('Publicar de todos modos', { exact: false }).check();
    await found.getByLabel('Motivo (queda en el registro de auditoría)').fill('Es el teléfono público de la Junta de Distrito');
    await page.getByRole('button', { name: 'Publicar la respuesta' }).click();
    // Published (the live stream may announce the change instead of "Respuesta publicada.").
    await page.getByRole('region', { name: 'Historial' }).getByText('Para concertar la visita del equipo de alumbrado', { exact: false }).first().waitFor();
    await expect(page.locator('#reply-body').inputValue()).resolves.toBe('');
    axe.assert();
  });

  it('lets a department draft carry it to the community manager, who sees it marked and approves only with the override', async () => {
    const lighting = await signedIn(LIGHTING, `/cases/${lamp}`);
    await heading1(lighting.page, `Aviso ${lamp}`).waitFor();
    // Department staff write in the department's composer (`work`), which sends replies as drafts.
    await lighting.page.locator('#work-body').fill(PHONE_REPLY);
    const departmentView = lighting.page.getByRole('group', { name: 'Datos personales en el mensaje' });
    await departmentView.getByText('Irá como borrador: la gestora que lo apruebe verá estos datos marcados.').waitFor();
    await expect(departmentView.getByLabel('Publicar de todos modos', { exact: false }).count()).resolves.toBe(0);
    await lighting.page.getByRole('button', { name: 'Enviar para aprobación' }).click();
    // Kept as a draft, shown to the department with the phone still marked.
    await lighting.page.getByRole('region', { name: /Borradores del departamento/ }).locator('mark.pd-mark--phone').waitFor();

    const { page } = await signedIn(MANAGER, `/cases/${lamp}`);
    const axe = axeCollector(page);
    await heading1(page, `Aviso ${lamp}`).waitFor();
    const drafts = page.getByRole('region', { name: /Borradores del departamento/ });
    const found = drafts.getByRole('group', { name: 'Datos personales en el mensaje' });
    await expect(found.locator('mark.pd-mark--phone').textContent()).resolves.toBe(`[posible teléfono: ${PHONE}]`);
    await axe.check('/console/cases/{ref} draft with personal data');
    await drafts.getByRole('button', { name: 'Aprobar y publicar' }).click();
    await drafts.getByRole('alert').filter({ hasText: 'Quita los datos personales o marca «Publicar de todos modos»' }).waitFor();
    await found.getByLabel('Publicar de todos modos', { exact: false }).check();
    await found.getByLabel('Motivo (queda en el registro de auditoría)').fill('Teléfono del servicio de alumbrado');
    await drafts.getByRole('button', { name: 'Aprobar y publicar' }).click();
    await page.getByRole('region', { name: 'Historial' }).getByText('aprobado por Lucía Serrano', { exact: false }).waitFor();
    axe.assert();
  });
});
