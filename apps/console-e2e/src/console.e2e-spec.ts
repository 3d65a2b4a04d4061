// The console as staff use it in Chromium: signing in (password, email link), the administration
// pages end to end, sign-out, refusals, rate limiting, axe and a phone-sized viewport. One built
// Plaza (dist/) on a fresh demo database and one browser for the whole file; the tests build on
// each other in order (the admin creates what later tests use).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { launchBrowser, openPage, signUpByMail, startPlaza, type IsolatedContext, type PlazaServer } from '@plaza/e2e/support';
import {
  areasGeoJson,
  axeCollector,
  DEMO_PASSWORD as PASSWORD,
  focused,
  heading1,
  signInWithPassword,
  statusWith,
} from './console-helpers';

const ADMIN = 'admin@demo.plaza.test';
const CITIZEN = 'vecina@demo.plaza.test';

// What the admin creates; names are unique so every assertion can only match our own rows.
const DEPARTMENT = {
  code: 'fuentes-e2e',
  es: 'Fuentes Ornamentales',
  en: 'Ornamental Fountains',
  ca: 'Fonts Ornamentals',
  eu: 'Apaingarri-iturriak',
  gl: 'Fontes Ornamentais',
  email: 'fuentes@ayto.example',
};
const CATEGORY = { code: 'fuente-rota', es: 'Fuente rota', en: 'Broken fountain', ca: 'Font trencada', eu: 'Iturri hondatua', gl: 'Fonte rota', targetDays: 7 };
const THEME = { code: 'fuentes-jardines-e2e', es: 'Fuentes y jardines', en: 'Fountains and gardens', ca: 'Fonts i jardins', eu: 'Iturriak eta lorategiak', gl: 'Fontes e xardíns' };
const ENDONYMS_BY_LOCALE = { es: 'Español', en: 'English', ca: 'Català', eu: 'Euskara', gl: 'Galego' } as const;

/** Types a text in each language of the fieldset named `legend` (one input per language, by its endonym). */
async function fillLanguages(scope: Locator, legend: string, texts: Record<keyof typeof ENDONYMS_BY_LOCALE, string>): Promise<void> {
  const group = scope.getByRole('group', { name: legend, exact: true });
  for (const [locale, endonym] of Object.entries(ENDONYMS_BY_LOCALE)) {
    const input = group.getByLabel(endonym, { exact: true });
    await expect(input.getAttribute('lang')).resolves.toBe(locale);
    await input.fill(texts[locale as keyof typeof ENDONYMS_BY_LOCALE]);
  }
}
const STAFF = { name: 'Marta Fuentes', email: 'marta.fuentes@ayto.example' };
const AREA = { code: 'e2e-plaza-mayor', name: 'Plaza Mayor (prueba)' };
const BOWTIE = { code: 'e2e-pajarita', name: 'Pajarita (prueba)' };

const ADMIN_PAGES = [
  { path: '/console/admin', es: 'Administración', en: 'Administration' },
  { path: '/console/admin/departments', es: 'Departamentos', en: 'Departments' },
  { path: '/console/admin/categories', es: 'Categorías', en: 'Categories' },
  { path: '/console/admin/proposal-themes', es: 'Temas de las propuestas', en: 'Proposal themes' },
  { path: '/console/admin/routing', es: 'Reglas de asignación', en: 'Routing rules' },
  { path: '/console/admin/areas', es: 'Zonas', en: 'Areas' },
  { path: '/console/admin/users', es: 'Usuarios y roles', en: 'Users and roles' },
  { path: '/console/admin/templates', es: 'Plantillas de respuesta', en: 'Response templates' },
  { path: '/console/admin/holidays', es: 'Festivos', en: 'Holidays' },
  { path: '/console/admin/department-trust', es: 'Respuestas sin mediación', en: 'Unmediated replies' },
  { path: '/console/admin/audit', es: 'Registro de auditoría', en: 'Audit log' },
  { path: '/console/admin/mail', es: 'Correo enviado', en: 'Mail sent' },
  { path: '/console/admin/api-clients', es: 'Clientes Open311', en: 'Open311 clients' },
];

let server: PlazaServer | undefined;
let browser: Browser | undefined;
/** The admin's signed-in context, shared by the tests that configure the city. */
let admin: IsolatedContext | undefined;

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

/** One isolated context for a test; fails the test on any uncaught page error. */
async function withPage(run: (ctx: IsolatedContext) => Promise<void>, options: BrowserContextOptions = {}): Promise<void> {
  const ctx = await newContext(options);
  try {
    await run(ctx);
    expect(ctx.pageErrors).toEqual([]);
  } finally {
    await ctx.context.close();
  }
}

function adminPage(): Page {
  if (!admin) throw new Error('the admin did not sign in');
  return admin.page;
}

describe('moderation console in Chromium', () => {
  beforeAll(async () => {
    const started = Date.now();
    const [plaza, chromium] = await Promise.allSettled([startPlaza(), launchBrowser()]);
    if (plaza.status === 'fulfilled') server = plaza.value;
    if (chromium.status === 'fulfilled') browser = chromium.value;
    if (plaza.status === 'rejected') throw plaza.reason;
    if (chromium.status === 'rejected') throw chromium.reason;
    if (!server || !browser) throw new Error('unreachable');
    console.info(
      `Plaza on ${server.baseUrl} (${server.database} database) ready in ${server.startupMs} ms; ` +
        `Chromium ${browser.version()}; setup ${Date.now() - started} ms`,
    );
  });

  afterAll(async () => {
    await admin?.context.close().catch(() => undefined);
    await Promise.allSettled([browser?.close(), server?.stop()]);
  });

  it('sends a visitor to sign-in, explains wrong input beside the fields, and passes axe in es and en', async () => {
    await withPage(async ({ page }) => {
      await page.goto('/console/admin/users?role=admin');
      await page.getByRole('region', { name: 'Entrar con contraseña' }).waitFor();
      await heading1(page, 'Consola de moderación').waitFor();
      const url = new URL(page.url());
      expect(url.pathname).toBe('/console/signin');
      expect(url.searchParams.get('next')).toBe('/admin/users?role=admin');
      await expect(page.title()).resolves.toBe('Plaza · Consola de moderación');
      const axe = axeCollector(page);
      await axe.check('/console/signin (es)');

      // Nothing typed: each field says what is wrong, the summary links to them, focus is on the first.
      const form = page.getByRole('region', { name: 'Entrar con contraseña' });
      await form.getByRole('button', { name: 'Entrar' }).click();
      const summary = form.getByRole('alert').filter({ hasText: 'Hay un problema' });
      await summary.waitFor();
      await expect(summary.getByRole('link').allTextContents()).resolves.toEqual([
        'Correo electrónico: Este campo es obligatorio.',
        'Contraseña: Este campo es obligatorio.',
      ]);
      await expect(focused(page)).resolves.toMatchObject({ id: 'signin-email', invalid: 'true' });
      const email = form.getByLabel('Correo electrónico');
      await expect(email.getAttribute('aria-describedby')).resolves.toBe('signin-email-error');
      await expect(form.locator('#signin-email-error').textContent()).resolves.toBe('Este campo es obligatorio.');
      await axe.check('/console/signin with errors (es)');

      // A wrong password: one message for both fields (never which one was wrong).
      await signInWithPassword(page, ADMIN, 'not-the-password');
      await form.getByRole('alert').filter({ hasText: 'El correo o la contraseña no son correctos.' }).waitFor();
      await expect(form.locator('[aria-invalid="true"]').count()).resolves.toBe(0);

      await page.getByRole('navigation', { name: 'Idioma' }).getByRole('link', { name: 'English', exact: true }).click();
      await heading1(page, 'Moderation console').waitFor();
      await page.getByRole('region', { name: 'Sign in with a password' }).waitFor();
      await axe.check('/console/signin (en)');
      axe.assert();
    });
  });

  it('signs the admin in with a password and returns to the page that was asked for', async () => {
    admin = await newContext();
    const page = admin.page;
    await page.goto('/console/admin/departments');
    await heading1(page, 'Consola de moderación').waitFor();
    await signInWithPassword(page, ADMIN);
    await heading1(page, 'Departamentos').waitFor();
    expect(new URL(page.url()).pathname).toBe('/console/admin/departments');
    // The new page's heading has focus, so a screen reader announces where the user landed.
    await expect(focused(page)).resolves.toMatchObject({ tag: 'h1', text: 'Departamentos' });
    const header = page.getByRole('banner');
    await expect(header.textContent()).resolves.toContain('Sesión iniciada como');
    await header.getByRole('button', { name: 'Cerrar sesión', exact: true }).waitFor();
    await header.getByRole('button', { name: 'Cerrar sesión en todos los dispositivos' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Consola' });
    await expect(nav.getByRole('link', { name: 'Administración' }).getAttribute('aria-current')).resolves.toBe('page');
    await expect(page.getByRole('navigation', { name: 'Administración' }).getByRole('link').count()).resolves.toBe(ADMIN_PAGES.length);
  });

  it('creates a department, with field errors first, in an accessible dialog', async () => {
    const page = adminPage();
    const opener = page.getByRole('button', { name: 'Nuevo departamento' });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: 'Nuevo departamento' });
    await dialog.waitFor();
    await expect(focused(page)).resolves.toMatchObject({ id: 'department-code' });

    // Escape closes it and focus goes back to the button that opened it.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect(focused(page)).resolves.toMatchObject({ tag: 'button', text: 'Nuevo departamento' });

    await opener.click();
    await dialog.getByLabel('Código').fill('Not A Code');
    await dialog.getByLabel('Correo de contacto').fill('not-an-email');
    await dialog.getByRole('button', { name: 'Crear departamento' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Hay un problema' }).waitFor();
    await expect(focused(page)).resolves.toMatchObject({ id: 'department-code', invalid: 'true' });
    for (const id of ['department-code', 'department-name-es', 'department-name-en', 'department-name-eu', 'department-email']) {
      await expect(dialog.locator(`#${id}`).getAttribute('aria-invalid')).resolves.toBe('true');
    }
    const axe = axeCollector(page);
    await axe.check('department dialog with errors (es)');
    axe.assert();

    await dialog.getByLabel('Código').fill(DEPARTMENT.code);
    await fillLanguages(dialog, 'Nombre', DEPARTMENT);
    await dialog.getByLabel('Correo de contacto').fill(DEPARTMENT.email);
    await dialog.getByLabel('Idioma de los correos').selectOption('eu');
    await dialog.getByRole('button', { name: 'Crear departamento' }).click();
    await statusWith(page, `Departamento «${DEPARTMENT.es}» guardado.`).waitFor();
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: DEPARTMENT.es, exact: true }) });
    await row.waitFor();
    await expect(row.getByRole('cell').allTextContents()).resolves.toEqual([
      DEPARTMENT.code,
      DEPARTMENT.email,
      'Sí',
      'Correo',
      `Editar ${DEPARTMENT.es}`,
    ]);

    // The same code again is refused beside the code field.
    await opener.click();
    await dialog.getByLabel('Código').fill(DEPARTMENT.code);
    await fillLanguages(dialog, 'Nombre', { es: 'Otra', en: 'Other', ca: 'Una altra', eu: 'Beste bat', gl: 'Outra' });
    await dialog.getByLabel('Correo de contacto').fill('otra@ayto.example');
    await dialog.getByRole('button', { name: 'Crear departamento' }).click();
    await expect(dialog.locator('#department-code-error').textContent()).resolves.toBe('Ya existe un registro con este valor.');
    await dialog.getByRole('button', { name: 'Cancelar' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('creates a category with that default department, a target and moderation', async () => {
    const page = adminPage();
    await page.getByRole('navigation', { name: 'Administración' }).getByRole('link', { name: 'Categorías' }).click();
    await heading1(page, 'Categorías').waitFor();
    await page.getByRole('button', { name: 'Nueva categoría' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nueva categoría' });
    await dialog.getByLabel('Código').fill(CATEGORY.code);
    // Four languages only: the missing one is named in the summary and marked at its input.
    await fillLanguages(dialog, 'Nombre', { ...CATEGORY, gl: '' });
    await fillLanguages(dialog, 'Descripción', {
      es: 'Fuentes que no funcionan, pierden agua o están dañadas.',
      en: 'Fountains that do not work, leak or are damaged.',
      ca: 'Fonts que no funcionen, perden aigua o estan malmeses.',
      eu: 'Funtzionatzen ez duten, ura galtzen duten edo hondatuta dauden iturriak.',
      gl: 'Fontes que non funcionan, perden auga ou están danadas.',
    });
    await dialog.getByLabel('Icono').selectOption('drop');
    await dialog.getByLabel('Departamento por defecto').selectOption({ label: DEPARTMENT.es });
    await dialog.getByLabel('Plazo objetivo (días hábiles)').fill(String(CATEGORY.targetDays));
    await dialog.getByLabel('Moderar antes de publicar').check();
    await dialog.getByRole('button', { name: 'Crear categoría' }).click();
    await dialog.getByRole('link', { name: /Nombre \(Galego\)/ }).waitFor();
    await expect(dialog.locator('#category-name-gl').getAttribute('aria-invalid')).resolves.toBe('true');
    const axe = axeCollector(page);
    await axe.check('category dialog, five languages, one missing (es)');
    axe.assert();
    await dialog.getByRole('group', { name: 'Nombre', exact: true }).getByLabel('Galego', { exact: true }).fill(CATEGORY.gl);
    await dialog.getByRole('button', { name: 'Crear categoría' }).click();
    await statusWith(page, `Categoría «${CATEGORY.es}» guardada.`).waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: CATEGORY.es, exact: true }) });
    await row.waitFor();
    await expect(row.getByRole('cell').allTextContents()).resolves.toEqual([
      CATEGORY.code,
      DEPARTMENT.es,
      `${CATEGORY.targetDays} días`,
      'Sí',
      'Sí',
      `Editar ${CATEGORY.es}`,
    ]);
  });

  it('creates a proposal theme named in five languages, by keyboard, and serves it in Basque', async () => {
    const page = adminPage();
    // Reached from the section nav and opened with the keyboard alone.
    await page.getByRole('navigation', { name: 'Administración' }).getByRole('link', { name: 'Temas de las propuestas', exact: true }).focus();
    await page.keyboard.press('Enter');
    await heading1(page, 'Temas de las propuestas').waitFor();
    // The demo city's themes are listed (the table has rows besides its header).
    await page.getByRole('table').getByRole('row').nth(1).waitFor();
    // Enabled once the themes and the departments have both loaded (a disabled button takes no focus).
    const opener = page.getByRole('button', { name: 'Nuevo tema', disabled: false });
    await opener.waitFor();
    await opener.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Nuevo tema' });
    await dialog.waitFor();
    await expect(focused(page)).resolves.toMatchObject({ id: 'theme-code' });
    await page.keyboard.type(THEME.code);

    // No Basque name: the summary names the language, and the Basque input is the one marked.
    await fillLanguages(dialog, 'Nombre', { ...THEME, eu: '' });
    await dialog.getByLabel('Departamento que evalúa').selectOption({ label: DEPARTMENT.es });
    await dialog.getByRole('button', { name: 'Crear tema' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Hay un problema' }).getByRole('link', { name: /Nombre \(Euskara\)/ }).waitFor();
    await expect(focused(page)).resolves.toMatchObject({ id: 'theme-name-eu', invalid: 'true' });
    for (const locale of ['es', 'en', 'ca', 'gl']) {
      await expect(dialog.locator(`#theme-name-${locale}`).getAttribute('aria-invalid')).resolves.toBeNull();
    }
    const axe = axeCollector(page);
    await axe.check('proposal theme dialog, Basque name missing (es)');
    axe.assert();

    // Focus is already on the Basque input: type the name and send the form with Enter.
    await page.keyboard.type(THEME.eu);
    await page.keyboard.press('Enter');
    await statusWith(page, `Tema «${THEME.es}» guardado.`).waitFor();
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: THEME.es, exact: true }) });
    await row.waitFor();
    await expect(row.getByRole('cell').allTextContents()).resolves.toEqual([THEME.code, DEPARTMENT.es, 'Sí', `Editar ${THEME.es}`]);

    // The public list names it in the language asked for, with the department that evaluates it.
    const answer = await page.evaluate(async () => {
      const [themes, departments] = await Promise.all([
        fetch('/api/v1/proposal-themes?lang=eu').then(async (r) => ({ status: r.status, body: (await r.json()) as Array<{ code: string; name: string; departmentId: string | null }> })),
        fetch('/api/v1/admin/departments').then(async (r) => (await r.json()) as Array<{ id: string; code: string }>),
      ]);
      return { themes, departments };
    });
    expect(answer.themes.status).toBe(200);
    expect(answer.themes.body.find((theme) => theme.code === THEME.code)).toEqual({
      code: THEME.code,
      name: THEME.eu,
      departmentId: answer.departments.find((d) => d.code === DEPARTMENT.code)?.id,
      active: true,
    });
  });

  it('uploads areas as GeoJSON, reports what PostGIS repaired, and lists them with their size', async () => {
    const page = adminPage();
    await page.getByRole('navigation', { name: 'Administración' }).getByRole('link', { name: 'Zonas' }).click();
    await heading1(page, 'Zonas').waitFor();
    const upload = page.getByRole('region', { name: 'Cargar zonas desde GeoJSON' });

    // No file chosen: said beside the file input.
    await upload.getByRole('button', { name: 'Cargar zonas' }).click();
    await expect(upload.locator('#areas-file-error').textContent()).resolves.toBe('Elige un archivo.');

    await upload.getByLabel('Archivo GeoJSON').setInputFiles({
      name: 'zonas-prueba.geojson',
      mimeType: 'application/geo+json',
      buffer: areasGeoJson(AREA, BOWTIE),
    });
    await upload.getByRole('button', { name: 'Cargar zonas' }).click();
    const result = statusWith(upload, 'Carga completada: 2 creadas, 0 actualizadas, 1 reparadas.');
    await result.waitFor();
    await expect(result.textContent()).resolves.toContain(`Creadas: ${AREA.name}, ${BOWTIE.name}.`);
    await expect(result.textContent()).resolves.toMatch(new RegExp(`Reparada ${BOWTIE.code}: .+\\.`));

    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: AREA.name, exact: true }) });

    await row.waitFor();
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells.slice(0, 2)).toEqual([AREA.code, 'neighbourhood']);
    // ≈ 254 m × 222 m ≈ 0.06 km², measured by PostGIS on the spheroid.
    const km2 = Number(/^([\d,]+) km²$/.exec(cells[2] ?? '')?.[1]?.replace(',', '.'));
    expect(km2).toBeGreaterThan(0.04);
    expect(km2).toBeLessThan(0.08);
    await expect(page.getByRole('rowheader', { name: 'Centro', exact: true }).count()).resolves.toBe(1);
  });

  it('adds a routing rule for the new area and category', async () => {
    const page = adminPage();
    await page.getByRole('navigation', { name: 'Administración' }).getByRole('link', { name: 'Reglas de asignación' }).click();
    await heading1(page, 'Reglas de asignación').waitFor();
    const form = page.getByRole('form', { name: 'Nueva regla' });
    await form.getByLabel('Zona').selectOption({ label: AREA.name });
    await form.getByLabel('Categoría').selectOption({ label: CATEGORY.es });
    // The category's default department is suggested as a hint.
    await expect(form.locator('#rule-department-hint').textContent()).resolves.toBe(`Por defecto, esta categoría va a ${DEPARTMENT.es}.`);
    await form.getByLabel('Departamento').selectOption({ label: 'Parques y Jardines' });
    await form.getByRole('button', { name: 'Añadir regla' }).click();
    await statusWith(page, `Regla añadida: ${CATEGORY.es} en ${AREA.name}.`).waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: AREA.name, exact: true }) });
    await row.waitFor();
    await expect(row.getByRole('cell').allTextContents()).resolves.toEqual([
      CATEGORY.es,
      'Parques y Jardines',
      `Eliminar la regla ${CATEGORY.es} en ${AREA.name}`,
    ]);
  });

  it('creates a staff account in the new department; it is invited by email', async () => {
    const page = adminPage();
    await page.getByRole('navigation', { name: 'Administración' }).getByRole('link', { name: 'Usuarios y roles' }).click();
    await heading1(page, 'Usuarios y roles').waitFor();
    await page.getByRole('button', { name: 'Nueva cuenta de personal' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nueva cuenta de personal' });
    await dialog.getByLabel('Nombre', { exact: true }).fill(STAFF.name);
    await dialog.getByLabel('Correo electrónico').fill(STAFF.email);
    // No role: the group is marked invalid and focus goes to its first box.
    await dialog.getByRole('button', { name: 'Crear cuenta' }).click();
    await expect(dialog.locator('#user-roles-error').textContent()).resolves.toBe('Elige al menos una opción.');
    await expect(focused(page)).resolves.toMatchObject({ id: 'user-roles-community_manager', invalid: 'true' });

    await dialog.getByRole('group', { name: 'Roles' }).getByLabel('Personal de departamento').check();
    await dialog.getByRole('group', { name: 'Departamentos' }).getByLabel(DEPARTMENT.es).check();
    await dialog.getByRole('button', { name: 'Crear cuenta' }).click();
    await statusWith(page, `Cuenta de ${STAFF.name} creada.`).waitFor();

    await page.getByRole('searchbox', { name: 'Nombre o correo' }).fill('marta.fuentes');
    await page.getByRole('search').getByRole('button', { name: 'Buscar' }).click();
    // Only the header row and Marta's are left once the filtered list has arrived.
    await page.getByRole('table').getByRole('row').nth(2).waitFor({ state: 'detached' });
    await expect(page.getByRole('table').getByRole('row').count()).resolves.toBe(2);
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: STAFF.name, exact: true }) });
    await row.waitFor();
    await expect(row.getByRole('cell').allTextContents()).resolves.toEqual([
      STAFF.email,
      'Personal de departamento',
      DEPARTMENT.es,
      'Sí',
      'Nunca',
      `Editar ${STAFF.name}`,
    ]);
  });

  it('creates a response template with placeholders for the new category', async () => {
    const page = adminPage();
    await page.getByRole('navigation', { name: 'Administración' }).getByRole('link', { name: 'Plantillas de respuesta' }).click();
    await heading1(page, 'Plantillas de respuesta').waitFor();
    await page.getByRole('button', { name: 'Nueva plantilla' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nueva plantilla' });
    await dialog.getByLabel('Categoría').selectOption({ label: CATEGORY.es });
    await dialog.getByLabel('Estado del aviso').selectOption({ label: 'Resuelto' });
    const texts = {
      es: ['Fuente reparada', 'Hola: el servicio de {department} ha reparado la fuente del aviso {ref} el {date}. Gracias por avisar.'],
      en: ['Fountain repaired', 'Hello: the {department} team repaired the fountain in report {ref} on {date}. Thank you.'],
      ca: ['Font reparada', 'Hola: el servei de {department} ha reparat la font de l’avís {ref} el {date}. Gràcies.'],
      eu: ['Iturria konponduta', 'Kaixo: {department} zerbitzuak {ref} abisuko iturria konpondu du {date} egunean. Eskerrik asko.'],
      gl: ['Fonte reparada', 'Ola: o servizo de {department} reparou a fonte do aviso {ref} o {date}. Grazas.'],
    } as const;
    for (const [locale, [title, body]] of Object.entries(texts)) {
      const language = dialog.getByRole('group', { name: ENDONYMS_BY_LOCALE[locale as keyof typeof texts], exact: true });
      await language.getByLabel('Título').fill(title);
      await expect(language.getByLabel('Texto').getAttribute('lang')).resolves.toBe(locale);
      await language.getByLabel('Texto').fill(body);
    }
    await dialog
      .getByRole('group', { name: 'Español', exact: true })
      .getByLabel('Notas de estilo')
      .fill('Trato de tú, frases cortas, sin siglas internas.');
    await dialog.getByRole('button', { name: 'Crear plantilla' }).click();
    await statusWith(page, 'Plantilla «Fuente reparada» guardada.').waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Fuente reparada', exact: true }) });
    await row.waitFor();
    await expect(row.getByRole('cell').allTextContents()).resolves.toEqual([
      'Los cinco',
      CATEGORY.es,
      'Resuelto',
      'Sí',
      'Editar Fuente reparadaEliminar Fuente reparada',
    ]);
  });

  it('shows every change in the audit log with before/after, and verifies the chain', async () => {
    const page = adminPage();
    await page.getByRole('navigation', { name: 'Administración' }).getByRole('link', { name: 'Registro de auditoría' }).click();
    await heading1(page, 'Registro de auditoría').waitFor();
    const table = page.getByRole('table');
    await table.getByRole('row').nth(1).waitFor();
    const departmentRow = table.getByRole('row').filter({ hasText: DEPARTMENT.code }).filter({ hasText: ADMIN }).first();
    await departmentRow.waitFor();
    await expect(departmentRow.textContent()).resolves.toContain(DEPARTMENT.es);
    // A creation reads as values appearing: "name.es: Antes: nada → Después: Fuentes Ornamentales".
    await expect(departmentRow.locator('.diff').textContent()).resolves.toMatch(
      new RegExp(`name\\.es\\s*Antes: nada → Después: ${DEPARTMENT.es}`),
    );

    await page.getByRole('button', { name: 'Verificar la cadena' }).click();
    const verdict = statusWith(page, /^Cadena íntegra: \d+ entradas comprobadas\.$/);
    await verdict.waitFor();
    const checked = Number(/(\d+)/.exec((await verdict.textContent()) ?? '')?.[1]);
    // At least our own changes: department, category, two areas, rule, user, template.
    expect(checked).toBeGreaterThanOrEqual(7);
  });

  it('puts the new category on the public report form, with its default department', async () => {
    const page = adminPage();
    await page.goto('/?lang=es');
    const answer = await page.evaluate(async () => {
      const response = await fetch('/api/v1/categories?lang=es');
      return { status: response.status, body: (await response.json()) as Array<{ code: string; name: string; department: string; icon: string }> };
    });
    expect(answer.status).toBe(200);
    expect(answer.body.find((c) => c.code === CATEGORY.code)).toMatchObject({
      name: CATEGORY.es,
      department: DEPARTMENT.es,
      icon: 'drop',
    });

    // And a visitor filing a report (a fresh browser, no cached catalogue) can pick it.
    await withPage(async ({ page: visitor }) => {
      await visitor.goto('/new?lang=es');
      await visitor.getByRole('button', { name: 'Poner la chincheta en el centro del mapa' }).click();
      await visitor.getByRole('button', { name: 'Continuar' }).click();
      const picker = visitor.getByRole('group', { name: '¿Qué tipo de problema es?' });
      const choice = picker.getByRole('radio', { name: new RegExp(`^${CATEGORY.es}`) });
      await choice.check();
      await expect(choice.isChecked()).resolves.toBe(true);
    });
  });

  it('signs a new staff member in with the emailed link, read on the mail preview page', async () => {
    await withPage(async ({ page }) => {
      await page.goto('/console/signin');
      const request = page.getByRole('region', { name: 'Entrar con un enlace por correo' });
      await request.getByLabel('Correo electrónico').fill(STAFF.email);
      await request.getByRole('button', { name: 'Enviarme un enlace' }).click();
      await statusWith(request, `Si ${STAFF.email} tiene una cuenta`).waitFor();

      // The admin reads it on the mail preview page: newest first, so the link, not the invitation.
      const mail = adminPage();
      await mail.goto('/console/admin/mail');
      await heading1(mail, 'Correo enviado').waitFor();
      const message = mail.getByRole('row').filter({ hasText: STAFF.email }).filter({ hasText: 'Tu enlace para entrar en Plaza' }).first();
      await message.getByRole('link').click();
      await heading1(mail, 'Mensaje: Tu enlace para entrar en Plaza').waitFor();
      const text = (await mail.locator('.mail-text').textContent()) ?? '';
      const link = /https?:\/\/\S+\/console\/signin\/link\?token=\S+/.exec(text)?.[0];
      expect(link).toBeDefined();
      // The HTML version is shown inert: a sandboxed frame with no permissions at all.
      const frame = mail.locator('iframe.mail-html');
      await expect(frame.getAttribute('sandbox')).resolves.toBe('');
      await expect(frame.getAttribute('title')).resolves.toBe('Versión HTML del mensaje «Tu enlace para entrar en Plaza»');
      const html = await mail.frameLocator('iframe.mail-html').getByRole('link', { name: 'Entrar en Plaza' }).getAttribute('href');
      expect(html).toBe(link);
      const axe = axeCollector(mail);
      await axe.check('/console/admin/mail/:id (es)');
      axe.assert();

      await page.goto(link!);
      await heading1(page, 'Consola de moderación').waitFor();
      await page.getByText(`Hola, ${STAFF.name}.`).waitFor();
      expect(new URL(page.url()).pathname).toBe('/console/');
      const role = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Personal de departamento' }) });
      await expect(role.getByRole('listitem').allTextContents()).resolves.toEqual([DEPARTMENT.es]);
      await expect(page.getByRole('navigation', { name: 'Consola' }).getByRole('link', { name: 'Administración' }).count()).resolves.toBe(0);

      // Staff who are not admins are refused administration, in the page and by the API.
      await page.goto('/console/admin/users');
      await heading1(page, 'Solo para administración').waitFor();
      const api = await page.evaluate(async () => (await fetch('/api/v1/admin/users')).status);
      expect(api).toBe(403);

      // The link worked once; a second use is refused.
      const again = await newContext();
      try {
        await again.page.goto(link!);
        await again.page.getByRole('alert').filter({ hasText: 'Este enlace ya se ha usado o ha caducado.' }).waitFor();
      } finally {
        await again.context.close();
      }
    });
  });

  it('signs out on one device, and everywhere', async () => {
    const page = adminPage();
    const other = await newContext();
    try {
      await other.page.goto('/console/signin');
      await signInWithPassword(other.page, ADMIN);
      await heading1(other.page, 'Consola de moderación').waitFor();

      await other.page.getByRole('button', { name: 'Cerrar sesión', exact: true }).click();
      await statusWith(other.page, 'Has cerrado la sesión.').waitFor();
      expect(new URL(other.page.url()).pathname).toBe('/console/signin');
      await expect(focused(other.page)).resolves.toMatchObject({ tag: 'h1' });
      await expect(other.page.evaluate(async () => (await fetch('/api/v1/auth/me')).status)).resolves.toBe(401);

      await signInWithPassword(other.page, ADMIN);
      await heading1(other.page, 'Consola de moderación').waitFor();
      await other.page.getByText('Hola,').waitFor();

      await page.goto('/console/');
      await page.getByRole('button', { name: 'Cerrar sesión en todos los dispositivos' }).click();
      await statusWith(page, 'Has cerrado la sesión en todos tus dispositivos.').waitFor();

      // The other device's session is gone too: its next page load lands on sign-in.
      await other.page.goto('/console/admin/departments');
      await other.page.getByRole('region', { name: 'Entrar con contraseña' }).waitFor();
      expect(new URL(other.page.url()).pathname).toBe('/console/signin');
      expect(other.pageErrors).toEqual([]);
    } finally {
      await other.context.close();
    }
    // Back in for the remaining checks.
    await signInWithPassword(page, ADMIN);
    await page.getByText('Hola,').waitFor();
  });

  it('tells a citizen the console is for staff and refuses administration', async () => {
    await withPage(async ({ page }) => {
      await page.goto('/console/signin');
      await signInWithPassword(page, CITIZEN);
      await heading1(page, 'La consola es para el personal del Ayuntamiento').waitFor();
      await page.goto('/console/admin/departments');
      await heading1(page, 'La consola es para el personal del Ayuntamiento').waitFor();
      await expect(page.getByRole('navigation', { name: 'Consola' }).count()).resolves.toBe(0);
      await expect(page.getByRole('table').count()).resolves.toBe(0);
      const api = await page.evaluate(async () => (await fetch('/api/v1/admin/departments')).status);
      expect(api).toBe(403);
    });
  });

  it('has no serious or critical axe violations on any administration page, in es and en', async () => {
    const page = adminPage();
    const axe = axeCollector(page);
    for (const lang of ['es', 'en'] as const) {
      for (const target of ADMIN_PAGES) {
        await page.goto(`${target.path}?lang=${lang}`);
        await heading1(page, target[lang]).waitFor();
        // Wait for the data: the loading line disappears and the table (if any) has rows.
        await page.getByRole('status').filter({ hasText: /^(Cargando…|Loading…)$/ }).waitFor({ state: 'detached' }).catch(() => undefined);
        if (target.path !== '/console/admin') await page.getByRole('table').getByRole('row').nth(1).waitFor();
        await axe.check(`${target.path} (${lang})`);
      }
    }
    axe.assert();
  });

  it('fits the shell and an administration table in a 360-px-wide phone', async () => {
    const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
    await withPage(async ({ page }) => {
      const noSideways = async (label: string) => {
        const overflow = await page.evaluate(() => {
          window.scrollTo(500, window.scrollY);
          return { document: document.documentElement.scrollWidth, scrollX: window.scrollX };
        });
        expect({ label, ...overflow }).toEqual({ label, document: 360, scrollX: 0 });
      };
      await page.goto('/console/signin');
      await page.getByRole('region', { name: 'Entrar con contraseña' }).waitFor();
      await noSideways('sign-in');

      await signInWithPassword(page, ADMIN);
      await page.getByText('Hola,').waitFor();
      await noSideways('home');
      for (const name of ['Cerrar sesión', 'Cerrar sesión en todos los dispositivos']) {
        const box = await page.getByRole('button', { name, exact: true }).boundingBox();
        expect(box).not.toBeNull();
        expect(box!.x).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width).toBeLessThanOrEqual(360);
        expect(box!.height).toBeGreaterThanOrEqual(24); // WCAG 2.2 target size
      }

      // A wide table scrolls inside its own focusable region, never the page.
      await page.getByRole('navigation', { name: 'Consola' }).getByRole('link', { name: 'Administración' }).tap();
      await page.getByRole('navigation', { name: 'Administración' }).getByRole('link', { name: 'Usuarios y roles' }).tap();
      await heading1(page, 'Usuarios y roles').waitFor();
      const region = page.getByRole('region', { name: /^\d+ cuentas?$/ });
      await region.getByRole('row').nth(1).waitFor();
      await noSideways('users');
      await expect(region.getAttribute('tabindex')).resolves.toBe('0');
      const widths = await region.evaluate((el) => ({ client: el.clientWidth, scroll: el.scrollWidth }));
      expect(widths.client).toBeLessThanOrEqual(360);
      expect(widths.scroll).toBeGreaterThan(widths.client);

      // The five-language form's page fits too (the nav stacks above it).
      await page.getByRole('navigation', { name: 'Administración' }).getByRole('link', { name: 'Temas de las propuestas' }).tap();
      await heading1(page, 'Temas de las propuestas').waitFor();
      await page.getByRole('table').getByRole('row').nth(1).waitFor();
      await noSideways('proposal themes');

      await page.getByRole('button', { name: 'Cerrar sesión', exact: true }).tap();
      await statusWith(page, 'Has cerrado la sesión.').waitFor();
    }, phone);
  });

  it('offers reply templates in the citizen’s language, and switches the chosen one to another language', async () => {
    // A citizen who signed up in Galician files a report from their account.
    const { cookie, ...session } = await signUpByMail(
      baseUrl(),
      { name: 'Uxía Castro', email: 'uxia.castro@example.org', password: 'un contrasinal moi longo' },
      { 'accept-language': 'gl-ES,gl;q=0.9' },
    );
    expect(session.user.locale).toBe('gl');
    const filed = await fetch(`${baseUrl()}/api/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': session.csrfToken },
      body: JSON.stringify({
        category: 'farola',
        title: 'Farola apagada na rúa',
        description: 'Leva dúas noites sen luz diante do portal.',
        lat: 40.4345,
        lon: -3.7038,
        reporter: { name: 'Uxía Castro', email: 'uxia.castro@example.org', showName: false },
        consent: true,
      }),
    });
    expect(filed.status).toBe(201);
    const ref = ((await filed.json()) as { properties: { ref: string } }).properties.ref;

    await withPage(async ({ page }) => {
      await page.goto('/console/signin?lang=es');
      await signInWithPassword(page, 'gestora@demo.plaza.test');
      await page.waitForURL((url) => !url.pathname.startsWith('/console/signin'));
      await page.goto(`/console/cases/${ref}`);
      await heading1(page, `Aviso ${ref}`).waitFor();
      const language = page.locator('#reply-locale');
      await expect(language.inputValue()).resolves.toBe('gl');
      await page.getByText('Idioma del vecino o vecina: Gallego.').waitFor();
      const template = page.locator('#reply-template');
      const titles = () => template.locator('option').evaluateAll((options) => options.map((o) => o.textContent ?? ''));
      await template.locator('option', { hasText: 'Resolto' }).waitFor({ state: 'attached' });
      expect(await titles()).not.toContain('Resuelto');
      await template.selectOption({ label: 'Resolto' });
      const body = page.locator('#reply-body');
      await page.waitForFunction((r) => (document.getElementById('reply-body') as HTMLTextAreaElement | null)?.value.includes(r) ?? false, ref);
      await expect(body.inputValue()).resolves.toMatch(/^Ola:/);
      await expect(body.getAttribute('lang')).resolves.toBe('gl');
      await page.locator('#reply-check').getByText('Cumple la guía de estilo.').waitFor();

      // Switched to Basque: the same template, filled again in Basque, checked by Basque rules.
      await language.selectOption('eu');
      await page.waitForFunction(() => (document.getElementById('reply-body') as HTMLTextAreaElement | null)?.value.startsWith('Kaixo') ?? false);
      await expect(template.locator('option:checked').textContent()).resolves.toBe('Konponduta');
      await expect(body.getAttribute('lang')).resolves.toBe('eu');
      await page.locator('#reply-check').getByText('Cumple la guía de estilo.').waitFor();
      const axe = axeCollector(page);
      await axe.check('case composer in the citizen’s language');
      axe.assert();
    });
  });

  it('rate-limits password guessing and says when to try again', async () => {
    await withPage(async ({ page }) => {
      await page.goto('/console/signin');
      const form = page.getByRole('region', { name: 'Entrar con contraseña' });
      const attempt = async (password: string) => {
        const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'));
        await signInWithPassword(page, 'vecino@demo.plaza.test', password);
        return (await answer).status();
      };
      // Five wrong passwords for one account from one address; then even the right one is refused.
      for (let n = 1; n <= 5; n++) {
        expect(await attempt(`wrong-password-${n}`)).toBe(401);
        await form.getByRole('alert').filter({ hasText: 'El correo o la contraseña no son correctos.' }).waitFor();
      }
      expect(await attempt(PASSWORD)).toBe(429);
      await form.getByRole('alert').filter({ hasText: /Demasiados intentos\. Vuelve a probar dentro de \d+ min\./ }).waitFor();
    });
  });
});
