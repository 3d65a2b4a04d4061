// Issue 5 in Chromium: a citizen's report goes through the moderation console and the department
// back to the public page. One built Plaza (dist/) on a fresh demo database and one browser for the
// file; the tests build on each other in order (the report the first one publishes is closed later).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import sharp from 'sharp';
import { confirmReportByMail, launchBrowser, openPage, startPlaza, type IsolatedContext, type PlazaServer } from '@plaza/e2e/support';
import type { CaseDetail, Holiday } from '@plaza/shared/contracts';
import { addBusinessDays, isBusinessDay, localDate } from '@plaza/shared/moderation';
import { axeCollector, heading1, signInWithPassword, statusWith } from './console-helpers';

// The city time zone the browser tests' server runs with (CITY_TIME_ZONE's default).
const DEMO_ZONE = 'Europe/Madrid';

const ADMIN = 'admin@demo.plaza.test';
const MANAGER = 'gestora@demo.plaza.test';
const CLEANING = 'limpieza@demo.plaza.test';
const LIGHTING = 'alumbrado@demo.plaza.test';
const PHONE = '612 345 678';
// 'pintada' needs moderation before publication and is routed to Limpieza Viaria (seed data).
const REPORT = {
  category: 'pintada',
  title: 'Pintadas en la fachada del mercado',
  description: `Han llenado de pintadas la fachada lateral del mercado. Si necesitan más datos, llamadme al ${PHONE}.`,
  lat: 40.4153,
  lon: -3.7089,
  address: 'Plaza de San Miguel',
  reporter: { name: 'Rosa Jiménez', email: 'rosa.e2e@example.org', showName: false },
  consent: true,
};
const MANAGER_ONLY_NOTE = 'Nota solo para gestión: el vecino ya llamó dos veces.';
const SHARED_NOTE = 'Nota para el departamento: la fachada es de piedra, cuidado con el producto.';
const GREETING = 'Hola:\n';
const SIGN_OFF = '\nUn saludo.';

let server: PlazaServer | undefined;
let browser: Browser | undefined;
let manager: IsolatedContext | undefined;
let ref = '';
let firstReply = '';
let closingReply = '';

function baseUrl(): string {
  if (!server) throw new Error('the Plaza server did not start');
  return server.baseUrl;
}

async function newContext(options: BrowserContextOptions = {}): Promise<IsolatedContext> {
  if (!browser) throw new Error('Chromium did not start');
  const ctx = await openPage(browser, baseUrl(), options);
  ctx.context.setDefaultTimeout(15_000);
  return ctx;
}

async function signedIn(email: string, next: string, options: BrowserContextOptions = {}): Promise<IsolatedContext> {
  const ctx = await newContext(options);
  await ctx.page.goto(`/console/signin?next=${encodeURIComponent(next)}`);
  await signInWithPassword(ctx.page, email);
  await ctx.page.waitForURL((url) => !url.pathname.startsWith('/console/signin'));
  return ctx;
}

/** The community manager's signed-in page, shared by the tests (signed in by the first that needs it). */
async function managerPage(): Promise<Page> {
  manager ??= await signedIn(MANAGER, '/');
  return manager.page;
}

/**
 * Picks a template (the seeded ones follow the style guide), shows that the check catches a reply
 * without a greeting, and sends the template's text once the check accepts it again.
 */
async function replyFromTemplate(page: Page, prefix: string, template: string): Promise<string> {
  const composer = page.locator(`#${prefix}-body`);
  await page.locator(`#${prefix}-template`).selectOption({ label: template });
  await page.waitForFunction(
    ([id, text]) => (document.getElementById(id) as HTMLTextAreaElement | null)?.value.includes(text) ?? false,
    [`${prefix}-body`, ref] as const,
  );
  const check = page.locator(`#${prefix}-check`);
  await expect(check.getAttribute('role')).resolves.toBe('group');
  await check.getByText('Cumple la guía de estilo.').waitFor();
  const filled = await composer.inputValue();
  expect(filled.startsWith(GREETING)).toBe(true);
  // Without its greeting the same reply is refused, and the console says what to fix.
  await composer.fill(filled.slice(GREETING.length).trimStart());
  await check.getByText('Empieza con un saludo', { exact: false }).waitFor();
  await composer.fill(filled);
  await check.getByText('Cumple la guía de estilo.').waitFor();
  expect(filled.trimEnd().endsWith(SIGN_OFF.trim())).toBe(true);
  return filled;
}

/** A citizen's report through the public API; returns its reference. */
async function createReport(input: typeof REPORT): Promise<string> {
  const response = await fetch(`${baseUrl()}/api/v1/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(input),
  });
  if (!response.ok) throw new Error(`creating the report failed: ${response.status} ${await response.text()}`);
  const created = (await response.json()) as { properties?: { ref?: string }; ref?: string };
  const reference = created.properties?.ref ?? created.ref ?? '';
  if (!reference) throw new Error(`no ref in ${JSON.stringify(created)}`);
  // Filed without a session: it reaches the console once its reporter follows the mailed link.
  await confirmReportByMail(baseUrl(), reference);
  return reference;
}

/** The same, as multipart with one JPEG photo (what the public form sends). */
async function createReportWithPhoto(input: typeof REPORT): Promise<string> {
  const form = new FormData();
  for (const key of ['category', 'title', 'description', 'address'] as const) form.append(key, input[key]);
  form.append('lat', String(input.lat));
  form.append('lon', String(input.lon));
  form.append('reporter[name]', input.reporter.name);
  form.append('reporter[email]', input.reporter.email);
  form.append('reporter[showName]', 'false');
  form.append('consent', 'true');
  const jpeg = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#475569' } }).jpeg().toBuffer();
  form.append('photos', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), 'foto.jpg');
  const response = await fetch(`${baseUrl()}/api/v1/reports`, { method: 'POST', headers: { accept: 'application/json' }, body: form });
  if (!response.ok) throw new Error(`creating the report failed: ${response.status} ${await response.text()}`);
  const created = (await response.json()) as { properties?: { ref?: string } };
  const reference = created.properties?.ref ?? '';
  await confirmReportByMail(baseUrl(), reference);
  // The photo is processed off the request path: wait until the worker has made it public.
  for (let tries = 0; tries < 100; tries += 1) {
    const page = await fetch(`${baseUrl()}/api/v1/reports/${reference}`, { headers: { accept: 'application/json' } });
    if (((await page.json()) as { properties: { photosProcessing?: number } }).properties.photosProcessing === 0) return reference;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the photo of ${reference} was never processed`);
}

describe('moderation console in Chromium', () => {
  beforeAll(async () => {
    const [plaza, chromium] = await Promise.allSettled([startPlaza(), launchBrowser()]);
    if (plaza.status === 'fulfilled') server = plaza.value;
    if (chromium.status === 'fulfilled') browser = chromium.value;
    if (plaza.status === 'rejected') throw plaza.reason;
    if (chromium.status === 'rejected') throw chromium.reason;

    // A citizen reports through the public API, phone number in the description.
    ref = await createReport(REPORT);
  });

  afterAll(async () => {
    await manager?.context.close().catch(() => undefined);
    await Promise.allSettled([browser?.close(), server?.stop()]);
  });

  it('a community manager finds the new report, redacts the phone the console highlighted, publishes it and replies in the city’s style', async () => {
    const page = await managerPage();
    await page.goto('/console/inbox?queue=moderation');
    const axe = axeCollector(page);
    await heading1(page, 'Bandeja de avisos').waitFor();
    const queues = page.getByRole('navigation', { name: 'Colas de trabajo' });
    await queues.locator('a[aria-current="page"]', { hasText: /^Por moderar [1-9]\d*$/ }).waitFor();
    await page.getByRole('link', { name: ref }).waitFor();
    await axe.check('/console/inbox?queue=moderation');

    // Search by the reference, then open it with the keyboard: j highlights the first row, Enter opens it.
    await page.getByLabel('Buscar (referencia, texto o dirección)').fill(ref);
    // Typing j in the search box must stay typing, not move through the list.
    await page.getByLabel('Buscar (referencia, texto o dirección)').press('j');
    await expect(page.getByLabel('Buscar (referencia, texto o dirección)').inputValue()).resolves.toBe(`${ref}j`);
    await page.getByLabel('Buscar (referencia, texto o dirección)').fill(ref);
    await page.getByRole('button', { name: 'Aplicar filtros' }).click();
    await page.getByRole('table', { name: '1 aviso' }).getByRole('link', { name: ref }).waitFor();
    await page.locator('#main h1').focus();
    await page.keyboard.press('j');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(ref);
    await page.keyboard.press('Enter');
    await heading1(page, `Aviso ${ref}`).waitFor();

    // The reporter's contact is there for staff; the phone in the public text is highlighted.
    await page.getByRole('region', { name: 'Contacto del vecino' }).getByText('rosa.e2e@example.org').waitFor();
    const mark = page.locator('.pd-preview mark.pd-mark--phone');
    await expect(mark.textContent()).resolves.toBe(`[posible teléfono: ${PHONE}]`);
    await axe.check('/console/cases/{ref} awaiting moderation');
    await page.getByRole('button', { name: `Ocultar «${PHONE}»` }).click();
    await expect(page.locator('#case-description').inputValue()).resolves.toContain('[teléfono oculto]');
    await page.getByRole('button', { name: 'Guardar el texto' }).click();
    await statusWith(page, 'Texto guardado').waitFor();
    await page.getByText('No se ve ningún dato personal en el título ni en la descripción.').waitFor();

    // p publishes (focus on the page, not in a field).
    await page.locator('#main h1').focus();
    await page.keyboard.press('p');
    await statusWith(page, 'Publicado').waitFor();
    await page.getByRole('button', { name: 'Publicar', exact: true }).waitFor({ state: 'detached' });

    // The routing rules' suggestion is shown; the manager routes it to street cleaning (a, then choose).
    await expect(page.locator('.routing-suggestion').textContent()).resolves.toMatch(/^Sugerencia/);
    await page.keyboard.press('a');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('assign-department');
    await page.locator('#assign-department').selectOption({ label: 'Limpieza Viaria' });
    await page.getByRole('button', { name: 'Asignar', exact: true }).click();
    await statusWith(page, 'Departamento asignado.').waitFor();
    await page.locator('.case-facts').getByText('Limpieza Viaria').waitFor();

    // Two notes from the one composer: n switches it to an internal note (community managers only),
    // then the manager chooses "instruction to the department" for one the department may read.
    await page.keyboard.press('n');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('note-body');
    await expect(page.getByRole('radio', { name: /^Nota interna/ }).isChecked()).resolves.toBe(true);
    await page.locator('#note-body').fill(MANAGER_ONLY_NOTE);
    await page.getByRole('button', { name: 'Añadir la nota' }).click();
    await page.locator('.notes').getByText(MANAGER_ONLY_NOTE).waitFor();
    // Our own save is not announced as someone else's change (issue 16 item 11).
    await statusWith(page, 'Nota añadida').waitFor();
    await page.getByRole('radio', { name: /^Instrucción al departamento/ }).check();
    await page.locator('#note-body').fill(SHARED_NOTE);
    await page.getByRole('button', { name: 'Añadir la nota' }).click();
    await page.locator('.notes').getByText(SHARED_NOTE).waitFor();
    await page.waitForTimeout(1000);
    await expect(page.getByText('Alguien ha cambiado este aviso', { exact: false }).count()).resolves.toBe(0);

    // A public reply from a template, fixed until the style check accepts it.
    await page.getByRole('radio', { name: /^Respuesta pública/ }).check();
    firstReply = await replyFromTemplate(page, 'reply', 'Aviso recibido');
    await page.getByRole('button', { name: 'Publicar la respuesta' }).click();
    await statusWith(page, 'Respuesta publicada.').waitFor();
    const timeline = page.getByRole('region', { name: 'Historial' });
    await timeline.getByText('Escrito por Lucía Serrano').first().waitFor();
    await axe.check('/console/cases/{ref} published');
    axe.assert();
  });

  it('department staff acknowledge the case and draft a closing reply; manager-only notes stay hidden; another department is refused', async () => {
    const cleaning = await signedIn(CLEANING, `/cases/${ref}`);
    try {
      const page = cleaning.page;
      const axe = axeCollector(page);
      await heading1(page, `Aviso ${ref}`).waitFor();
      await page.locator('.notes').getByText(SHARED_NOTE).waitFor();
      await expect(page.locator('.notes').getByText(MANAGER_ONLY_NOTE).count()).resolves.toBe(0);
      // The composer offers department staff a public reply and a note their department reads, never a managers-only note.
      await expect(page.locator('input[name="composer-kind"]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).resolves.toEqual([
        'public',
        'departments',
      ]);
      await axe.check('/console/cases/{ref} as department staff');

      await page.locator('#work-acknowledge').click();
      await statusWith(page, /Recibo acusado|Enviado a gestión/).waitFor();

      await page.locator('#work-resolution').selectOption('fixed');
      closingReply = await replyFromTemplate(page, 'work', 'Resuelto');
      await page.getByRole('button', { name: 'Enviar el cierre para aprobación' }).click();
      await statusWith(page, 'Enviado a gestión de la comunidad para su aprobación.').waitFor();
      axe.assert();
    } finally {
      await cleaning.context.close();
    }

    const lighting = await signedIn(LIGHTING, `/cases/${ref}`);
    try {
      await heading1(lighting.page, `Aviso ${ref}`).waitFor();
      await lighting.page.getByRole('alert').filter({ hasText: 'Tu cuenta no tiene permiso para hacer esto.' }).waitFor();
      await expect(lighting.page.getByText(SHARED_NOTE).count()).resolves.toBe(0);
      await expect(lighting.page.getByText('rosa.e2e@example.org').count()).resolves.toBe(0);
    } finally {
      await lighting.context.close();
    }
  });

  it('the community manager approves the draft; the public page shows both replies in order and the final status', async () => {
    const page = await managerPage();
    await page.goto(`/console/cases/${ref}`);
    await heading1(page, `Aviso ${ref}`).waitFor();
    const drafts = page.getByRole('region', { name: /Borradores del departamento/ });
    await drafts.getByText('De Javier Romero (Limpieza Viaria)', { exact: false }).waitFor();
    await drafts.getByRole('group', { name: 'Revisión de estilo' }).getByText('Cumple la guía de estilo.').waitFor();
    await drafts.getByRole('button', { name: 'Aprobar y publicar' }).click();
    await statusWith(page, 'Borrador aprobado y publicado.').waitFor();
    const timeline = page.getByRole('region', { name: 'Historial' });
    await timeline.getByText('aprobado por Lucía Serrano', { exact: false }).waitFor();
    await timeline.getByText('Escrito por Javier Romero', { exact: false }).first().waitFor();

    const citizen = await newContext();
    try {
      await citizen.page.goto(`/reports/${ref}`);
      await citizen.page.getByRole('heading', { level: 1, name: REPORT.title }).waitFor();
      await citizen.page.locator('.status-badge').getByText('Resuelto').waitFor();
      const messages = await citizen.page.locator('.timeline__message').allTextContents();
      const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
      const first = messages.findIndex((m) => squash(m) === squash(firstReply));
      const closing = messages.findIndex((m) => squash(m) === squash(closingReply));
      expect(first).toBeGreaterThanOrEqual(0);
      expect(closing).toBeGreaterThan(first);
      const body = await citizen.page.locator('body').textContent();
      expect(body).not.toContain(PHONE);
      expect(body).not.toContain(MANAGER_ONLY_NOTE);
      expect(body).not.toContain('rosa.e2e@example.org');
    } finally {
      await citizen.context.close();
    }
  });

  it('works the inbox by keyboard: select with x, bulk-assign with a, the shortcut list with ?; fits a 360 px phone', async () => {
    const page = await managerPage();
    await page.goto('/console/inbox?queue=all&q=' + encodeURIComponent(ref));
    await page.getByRole('table').getByRole('link', { name: ref }).waitFor();
    await page.locator('#main h1').focus();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Atajos de teclado' });
    await help.getByText('Seleccionar o deseleccionar el aviso marcado').waitFor();
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });

    await page.keyboard.press('j');
    await page.keyboard.press('x');
    await expect(page.getByRole('checkbox', { name: `Seleccionar el aviso ${ref}` }).isChecked()).resolves.toBe(true);
    await page.getByRole('heading', { name: 'Acciones en bloque: 1 aviso seleccionado' }).waitFor();
    await page.keyboard.press('a');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('bulk-department');
    await page.locator('#bulk-department').selectOption({ label: 'Limpieza Viaria' });
    await page.getByRole('button', { name: 'Asignar seleccionados' }).click();
    await statusWith(page, 'Hecho: 1 aviso.').waitFor();

    const phone = await newContext({ viewport: { width: 360, height: 740 } });
    try {
      await phone.page.goto(`/console/signin?next=${encodeURIComponent('/inbox')}`);
      await signInWithPassword(phone.page, MANAGER);
      await heading1(phone.page, 'Bandeja de avisos').waitFor();
      const axe = axeCollector(phone.page);
      await axe.check('/console/inbox at 360 px');
      const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await phone.page.goto(`/console/cases/${ref}`);
      await heading1(phone.page, `Aviso ${ref}`).waitFor();
      await axe.check('/console/cases/{ref} at 360 px');
      await phone.page.goto('/console/inbox?lang=en');
      await heading1(phone.page, 'Case inbox').waitFor();
      await phone.page.getByRole('navigation', { name: 'Work queues' }).waitFor();
      await axe.check('/console/inbox in English at 360 px');
      const caseOverflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(caseOverflow).toBeLessThanOrEqual(0);
      axe.assert();
    } finally {
      await phone.context.close();
    }
  });

  it('announces a case arriving live, and hides it from the inbox by keyboard with a reason', async () => {
    const page = await managerPage();
    await page.goto('/console/inbox?queue=moderation');
    await heading1(page, 'Bandeja de avisos').waitFor();
    await page.getByRole('table').getByRole('link').first().waitFor();
    const spam = await createReport({ ...REPORT, title: 'Publicidad de una tienda', description: 'Visita nuestra tienda de pinturas en el centro.' });
    // Announced politely by the live region and added to the list, without reloading the page.
    await statusWith(page, `Ha llegado un aviso nuevo: ${spam}. La lista se ha actualizado.`).waitFor();
    const link = page.getByRole('table').getByRole('link', { name: spam, exact: true });
    await link.waitFor();

    await link.focus();
    await page.keyboard.press('x');
    await page.keyboard.press('h');
    const dialog = page.getByRole('dialog', { name: 'Ocultar avisos' });
    await dialog.waitFor();
    // Keys typed in the dialog are text, not shortcuts.
    await dialog.getByLabel('Motivo (interno, no se publica)').pressSequentially('publicidad, no es un aviso');
    await expect(dialog.getByLabel('Motivo (interno, no se publica)').inputValue()).resolves.toBe('publicidad, no es un aviso');
    await dialog.getByRole('button', { name: 'Ocultar 1 aviso' }).click();
    await statusWith(page, 'Hecho: 1 aviso.').waitFor();
    await link.waitFor({ state: 'detached' });
  });

  it('merges a duplicate into a similar report nearby', async () => {
    const place = { lat: 40.4189, lon: -3.6993, address: 'Calle de Alcalá, 20' };
    const original = await createReport({ ...REPORT, ...place, category: 'limpieza', title: 'Bolsas de basura en la acera', description: 'Hay bolsas de basura amontonadas junto al portal.' });
    const duplicate = await createReport({ ...REPORT, ...place, category: 'limpieza', title: 'Basura junto al portal', description: 'Siguen las bolsas de basura en la acera.' });
    const page = await managerPage();
    await page.goto(`/console/cases/${duplicate}`);
    await heading1(page, `Aviso ${duplicate}`).waitFor();
    const nearby = page.getByRole('region', { name: 'Avisos parecidos cerca' });
    await nearby.getByRole('link', { name: original, exact: true }).waitFor();
    await nearby.getByRole('button', { name: `Marcar este aviso como duplicado de ${original}` }).click();
    await statusWith(page, `Marcado como duplicado de ${original}`).waitFor();
    await nearby.getByText(`Este aviso es un duplicado de ${original}.`).waitFor();
    await page.locator('.case-facts').getByText('Duplicado').waitFor();
  });

  it('hides a photo from the public and shows it again', async () => {
    const withPhoto = await createReportWithPhoto({ ...REPORT, category: 'limpieza', title: 'Papelera desbordada', description: 'La papelera de la esquina está llena desde hace días.' });
    const publicPhotos = async () => {
      const response = await fetch(`${baseUrl()}/api/v1/reports/${withPhoto}`, { headers: { accept: 'application/json' } });
      return ((await response.json()) as { properties: { photos: unknown[] } }).properties.photos.length;
    };
    await expect(publicPhotos()).resolves.toBe(1);
    const page = await managerPage();
    await page.goto(`/console/cases/${withPhoto}`);
    const photos = page.getByRole('region', { name: 'Foto (1)' });
    await photos.getByRole('img', { name: 'Foto 1 del aviso' }).waitFor();
    await photos.getByText('Visible al público').waitFor();
    await photos.getByRole('button', { name: 'Ocultar la foto 1' }).click();
    await statusWith(page, 'Foto oculta.').waitFor();
    await photos.getByText('Oculta al público').waitFor();
    await expect(publicPhotos()).resolves.toBe(0);
    await photos.getByRole('button', { name: 'Mostrar la foto 1' }).click();
    await statusWith(page, 'Foto visible de nuevo.').waitFor();
    await expect(publicPhotos()).resolves.toBe(1);
  });

  it('files a report a resident phoned in, recording the channel; the form explains what is missing', async () => {
    const page = await managerPage();
    await page.goto('/console/inbox');
    await page.getByRole('link', { name: 'Registrar un aviso en nombre de un vecino' }).click();
    await heading1(page, 'Registrar un aviso en nombre de un vecino').waitFor();
    const axe = axeCollector(page);
    await axe.check('/console/cases/new');
    await page.getByRole('button', { name: 'Registrar el aviso' }).click();
    await page.getByRole('alert').filter({ hasText: 'Hay un problema' }).waitFor();
    await expect(page.locator('[aria-invalid="true"]').count()).resolves.toBeGreaterThan(0);
    await axe.check('/console/cases/new with errors');

    await page.locator('#file-channel').selectOption('phone');
    await page.getByRole('textbox', { name: 'Detalles del canal', exact: true }).fill('Llamada al 010, 9:40');
    await page.locator('#file-category').selectOption('limpieza');
    await page.getByRole('textbox', { name: 'Título', exact: true }).fill('Contenedor volcado en la plaza');
    await page.getByRole('textbox', { name: 'Descripción', exact: true }).fill('El contenedor lleva volcado desde anoche y hay basura por la acera.');
    await page.getByRole('textbox', { name: 'Latitud', exact: true }).fill('40,4153');
    await page.getByRole('textbox', { name: 'Longitud', exact: true }).fill('-3.7089');
    await page.locator('#file-name').fill('Manuel Ortiz');
    await page.locator('#file-phone').fill('600 111 222');
    await page.getByRole('button', { name: 'Registrar el aviso' }).click();
    await heading1(page, /^Aviso \d{4}-\d+$/).waitFor();
    await page.locator('.case-facts').getByText('Teléfono').waitFor();
    await page.getByRole('region', { name: 'Contacto del vecino' }).getByText('Llamada al 010, 9:40').waitFor();
    axe.assert();
  });

  it('a holiday the admin adds moves open cases\u2019 due dates: time left skips it', async () => {
    const admin = await signedIn(ADMIN, '/admin/holidays');
    try {
      const page = admin.page;
      const axe = axeCollector(page);
      await heading1(page, 'Festivos').waitFor();
      await page.getByRole('table', { name: /festivos? en \d{4}/ }).waitFor();
      await axe.check('/console/admin/holidays');
      const getJson = <T,>(url: string) => page.evaluate(async (u) => (await fetch(u)).json(), url) as Promise<T>;

      // A fresh street-light report (published at once, 5 business days to answer).
      const fresh = await createReport({ ...REPORT, category: 'farola', title: 'Farola apagada frente al mercado', description: 'No se enciende desde el lunes.' });
      const open = await getJson<CaseDetail>(`/api/v1/staff/cases/${encodeURIComponent(fresh)}`);
      if (!open.due) throw new Error(`no response clock on ${fresh}`);
      const today = localDate(new Date(), DEMO_ZONE);
      const dueDate = localDate(open.due.dueAt, DEMO_ZONE);
      const known = await getJson<Holiday[]>(`/api/v1/staff/holidays?from=${today}&to=${addBusinessDays(dueDate, 5, [], DEMO_ZONE)}`);
      const holidays = known.map((h) => h.date);
      const holiday = addBusinessDays(today, 1, holidays, DEMO_ZONE);
      expect(holiday < dueDate).toBe(true);
      expect(isBusinessDay(holiday, holidays)).toBe(true);

      await page.getByLabel('Fecha').fill(holiday);
      await page.getByLabel('Nombre').fill('Fiesta de prueba e2e');
      await page.getByLabel('Ámbito').selectOption('local');
      await page.getByRole('button', { name: 'Añadir el festivo' }).click();
      await statusWith(page, 'Festivo «Fiesta de prueba e2e» añadido.').waitFor();
      await page.getByRole('cell', { name: 'Fiesta de prueba e2e', exact: true }).waitFor();

      const after = await getJson<CaseDetail>(`/api/v1/staff/cases/${encodeURIComponent(open.ref)}`);
      expect(after.due?.businessDaysLeft).toBe(open.due.businessDaysLeft);
      expect(localDate(after.due?.dueAt ?? '', DEMO_ZONE)).toBe(addBusinessDays(dueDate, 1, [...holidays, holiday], DEMO_ZONE));

      await page.goto(`/console/cases/${encodeURIComponent(open.ref)}`);
      await heading1(page, `Aviso ${open.ref}`).waitFor();
      const expectedDate = await page.evaluate(
        (iso) => new Intl.DateTimeFormat('es', { dateStyle: 'medium' }).format(new Date(iso)),
        after.due?.dueAt ?? '',
      );
      await page.locator('.case-facts').getByText(`(plazo: ${expectedDate})`).waitFor();

      await page.goto('/console/admin/department-trust');
      await heading1(page, 'Respuestas sin mediación').waitFor();
      await expect(page.getByRole('checkbox', { name: 'Limpieza Viaria publica sin aprobación' }).isChecked()).resolves.toBe(false);
      await axe.check('/console/admin/department-trust');
      axe.assert();
    } finally {
      await admin.context.close();
    }
  });
});
