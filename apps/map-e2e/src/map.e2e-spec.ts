// The public map and the console as a visitor's Chromium sees them, served with the API from one
// origin by the built app (dist/api + dist/web), on a fresh database seeded with the demo city, or
// on the million reports of `npm run seed:scale` (E2E_DATABASE_URL, docs/testing.md): where the
// demo city's few hundred reports are drawn one by one, the million are drawn as the server's grid
// counts, and each test checks whichever the map should draw, against the API.
import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { axeAudit, focused, PHONE, usePlaza } from './harness';
import { expectViewMatchesApi, parseCount, settledView } from './map-state';

const MADRID_DISTRICTS = 21;
// Counts over 9,999 are grouped: "12.345 avisos", "12,345 reports".
const ES_COUNT = /^(\d[\d.]*) avisos? en la zona visible$/;
const EN_COUNT = /^(\d[\d,]*) reports? in the visible area$/;
const LIST_PAGE = 50;
const MARKER = /^Aviso \d{4}-\d{6}: /;
/** Where the map opens without a view in its URL (CITY_ZOOM's default). */
const CITY_ZOOM = 12;
/** Madrid within its municipal boundary. */
const CITY_BBOX = '-3.89,40.31,-3.52,40.64';

/** District outlines are the only non-interactive SVG paths Leaflet draws. */
const districtPaths = (page: Page) => page.locator('.leaflet-overlay-pane path:not(.leaflet-interactive)');

/** Waits until the districts are drawn and the list has settled on a count; returns that count. */
async function mapReady(page: Page, count: RegExp): Promise<number> {
  await page.waitForFunction(
    (n) => document.querySelectorAll('.leaflet-overlay-pane path:not(.leaflet-interactive)').length === n,
    MADRID_DISTRICTS,
  );
  const status = page.locator('.reports-panel__status:not([aria-busy])').filter({ hasText: count });
  await status.waitFor();
  const match = count.exec(((await status.textContent()) ?? '').trim());
  return parseCount(match?.[1] ?? '');
}

/**
 * Reports the map accounts for: single markers plus the counts their clusters state. Clusters are
 * buttons named "Grupo de N avisos…", markers "Aviso 2026-000123: …".
 */
async function reportsOnMap(page: Page, marker: RegExp, cluster: RegExp): Promise<{ markers: number; inClusters: number }> {
  const pane = page.locator('.leaflet-marker-pane');
  const markers = await pane.getByRole('button', { name: marker }).count();
  const clusters = await pane.getByRole('button', { name: cluster }).evaluateAll((els) => els.map((el) => el.textContent ?? ''));
  const inClusters = clusters.reduce((sum, text) => sum + parseCount(/(\d[\d.,]*) (?:avisos?|reports?)/.exec(text)?.[1] ?? ''), 0);
  return { markers, inClusters };
}

/**
 * How many reports the map has loaded: the view plus a margin, whose bounds the map exposes as
 * `data-loaded-bbox`; asked of the API directly.
 */
async function loadedCount(page: Page): Promise<number> {
  const bbox = await page.locator('.map').getAttribute('data-loaded-bbox');
  expect(bbox).toMatch(/^-?\d+\.\d+(,-?\d+\.\d+){3}$/);
  const body = (await (await page.request.get(`/api/v1/reports?bbox=${bbox}&limit=500`)).json()) as { features: unknown[] };
  return body.features.length;
}

/** Reports whose creation falls in a window, straight from the list's <time datetime>. */
const listDates = (page: Page) => page.locator('.report-list time').evaluateAll((els) => els.map((el) => el.getAttribute('datetime') ?? ''));

describe('public map and console in Chromium', () => {
  const plaza = usePlaza();

  it('loads the map at / with the 21 districts, the reports in view drawn (one by one, or counted by the server when too many), and the newest of them in the list', async () => {
    await plaza.withPage({}, async ({ page }) => {
      const response = await page.goto('/');
      expect(response?.status()).toBe(200);
      const count = await mapReady(page, ES_COUNT);

      await expect(page.title()).resolves.toBe('Plaza · Mapa de avisos');
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('es');
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Plaza Avisos de la ciudad');
      await expect(page.getByRole('region', { name: /^Mapa de avisos\./ }).count()).resolves.toBe(1);
      await expect(districtPaths(page).count()).resolves.toBe(MADRID_DISTRICTS);

      // What the map draws, counts and lists is what the API has for this view (map-state.ts).
      expect(count).toBeGreaterThan(100);
      const view = await settledView(page, CITY_ZOOM);
      await expect(expectViewMatchesApi(page, view)).resolves.toMatchObject({ total: count });
      const onMap = await reportsOnMap(page, /^Aviso \d{4}-\d{6}: .+\. Estado: .+/, /^Grupo de \d[\d.]* avisos?\. Pulsa para acercar\.$/);
      const dense = page.locator('.reports-panel__note').filter({ hasText: 'demasiados avisos' });
      if (view.mode === 'points') {
        // A few hundred (the demo city): every report loaded (the view and a margin round it) is
        // on the map, alone or counted in a cluster.
        const loaded = await loadedCount(page);
        expect(loaded).toBeGreaterThanOrEqual(count);
        expect(onMap.markers).toBeGreaterThan(0);
        expect(onMap.inClusters).toBeGreaterThan(0);
        expect(onMap.markers + onMap.inClusters).toBe(loaded);
        await expect(dense.count()).resolves.toBe(0);
      } else {
        // Too many (the million): the server's counts, named like clusters, add up to the count, and the list says why.
        expect(onMap).toEqual({ markers: 0, inClusters: count });
        await expect(dense.count()).resolves.toBe(1);
      }

      // The list holds the same reports, newest first, 50 at a time, each operable by name.
      const panel = page.getByRole('region', { name: 'Avisos en esta zona' });
      await expect(panel.locator('ol.report-list > li').count()).resolves.toBe(LIST_PAGE);
      const showButtons = panel.getByRole('button', { name: /^Ver en el mapa: aviso \d{4}-\d{6}, .+/ });
      await expect(showButtons.count()).resolves.toBe(LIST_PAGE);
      const refs = await panel.locator('.report-card__meta dd:nth-of-type(4)').allTextContents();
      expect(refs).toHaveLength(LIST_PAGE);
      expect([...refs].sort().reverse()).toEqual(refs);
      await panel.getByRole('button', { name: `Mostrar ${LIST_PAGE} avisos más` }).click();
      await expect(panel.locator('ol.report-list > li').count()).resolves.toBe(2 * LIST_PAGE);
      // Focus moves to the first report just revealed, not back to the top.
      await expect(focused(page)).resolves.toMatchObject({ tag: 'a' });
      await expect(page.evaluate(() => [...document.querySelectorAll('.report-list > li')].indexOf(document.activeElement?.closest('li') as Element))).resolves.toBe(LIST_PAGE);

      const firstCard = panel.locator('ol.report-list > li').first();
      for (const term of ['Estado', 'Categoría', 'Creado el', 'Referencia']) {
        await expect(firstCard.getByRole('term').filter({ hasText: term }).count()).resolves.toBe(1);
      }
      // "Show on map" opens that report's popup (opening its cluster if needed) and moves focus into it.
      const ref = (await firstCard.locator('dd').nth(3).textContent())?.trim() ?? '';
      await firstCard.getByRole('button', { name: /^Ver en el mapa/ }).click();
      const popup = page.locator('.leaflet-popup .report-popup');
      await popup.waitFor();
      await expect(popup.textContent()).resolves.toContain(`Referencia: ${ref}`);
      await expect(page.evaluate(() => document.activeElement?.className)).resolves.toBe('report-popup');
      await expect(popup.getByRole('link', { name: 'Ver el aviso' }).getAttribute('href')).resolves.toBe(`/reports/${ref}`);
    });
  });

  it('switches to English in place: same URL and map view, translated texts and <html lang>', async () => {
    await plaza.withPage({}, async ({ page }) => {
      await page.goto('/?source=e2e#map-view');
      const count = await mapReady(page, ES_COUNT);
      const mapPane = page.locator('.leaflet-map-pane');
      const viewBefore = await mapPane.getAttribute('style');
      await page.evaluate(() => Object.assign(window, { __sameDocument: true }));

      const switcher = page.getByRole('navigation', { name: 'Idioma' });
      await expect(switcher.getByRole('link', { name: 'Español (idioma actual)' }).getAttribute('aria-current')).resolves.toBe('true');
      await switcher.getByRole('link', { name: 'English', exact: true }).click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');

      const url = new URL(page.url());
      expect(url.pathname).toBe('/');
      expect(url.hash).toBe('#map-view');
      // The untouched view is not written into the URL; only the language is added.
      expect(Object.fromEntries(url.searchParams)).toEqual({ source: 'e2e', lang: 'en' });
      // No reload, and the map has not moved: same document, same pane offset, same reports.
      await expect(page.evaluate(() => '__sameDocument' in window)).resolves.toBe(true);
      await expect(mapPane.getAttribute('style')).resolves.toBe(viewBefore);
      await expect(mapReady(page, EN_COUNT)).resolves.toBe(count);

      await expect(page.title()).resolves.toBe('Plaza · Reports map');
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Plaza City reports');
      await expect(page.getByRole('heading', { name: 'Reports in this area' }).count()).resolves.toBe(1);
      await expect(page.getByRole('link', { name: 'Skip to main content' }).count()).resolves.toBe(1);
      await expect(page.getByRole('link', { name: 'Report a problem' }).getAttribute('href')).resolves.toBe('/new?lang=en');
      await expect(page.getByRole('region', { name: /^Reports map\./ }).count()).resolves.toBe(1);
      await expect(page.getByRole('button', { name: 'Zoom in', exact: true }).count()).resolves.toBe(1);
      await expect(page.getByRole('button', { name: /^Show on map: report / }).count()).resolves.toBe(LIST_PAGE);
      const onMap = await reportsOnMap(page, /^Report \d{4}-\d{6}: .+\. Status: .+/, /^Group of \d[\d,]* reports?\. Press to zoom in\.$/);
      if ((await settledView(page)).mode === 'points') expect(onMap.markers + onMap.inClusters).toBe(await loadedCount(page));
      else expect(onMap).toEqual({ markers: 0, inClusters: count });
      const english = page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'English (current language)' });
      await expect(english.getAttribute('aria-current')).resolves.toBe('true');
      // Dates follow the language too.
      await expect(page.locator('.report-list time').first().textContent()).resolves.toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{4}$/);

      // The choice lives in the URL, so a reload (or a shared link) stays in English.
      await page.reload();
      await expect(mapReady(page, EN_COUNT)).resolves.toBe(count);
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    });
  });

  it('filters by status, category and date; the URL keeps filters and view, and a reload restores them', async () => {
    await plaza.withPage({}, async ({ page }) => {
      await page.goto('/');
      const all = await mapReady(page, ES_COUNT);
      // The server's count over the whole city (on the demo city, every one of its reports).
      const cityCount = async (query: string) =>
        ((await (await page.request.get(`/api/v1/reports/clusters?bbox=${CITY_BBOX}&zoom=10&${query}`)).json()) as { total: number }).total;

      await page.locator('summary').filter({ hasText: 'Filtros' }).click();
      await page.getByRole('group', { name: 'Estado' }).getByRole('checkbox', { name: 'Resueltos', exact: true }).check();
      const fixed = await mapReady(page, ES_COUNT);
      expect(fixed).toBeLessThan(all);
      expect(new URL(page.url()).searchParams.get('status')).toBe('fixed');
      for (const status of await page.locator('.report-card__meta dd:first-of-type').allTextContents()) expect(status).toBe('Resuelto');

      await page.getByRole('group', { name: 'Categoría' }).getByRole('checkbox', { name: 'Farola apagada' }).check();
      await page.getByRole('group', { name: 'Categoría' }).getByRole('checkbox', { name: 'Bache o socavón' }).check();
      await page.waitForFunction(() => new URL(location.href).searchParams.get('category') === 'bache,farola');
      const narrowed = await mapReady(page, ES_COUNT);
      expect(narrowed).toBeLessThanOrEqual(fixed);
      const categories = await page.locator('.report-card__category').allTextContents();
      // Drawn one by one, the list holds every report in view; as counts, the newest (map-state.ts checks which).
      if ((await settledView(page)).mode === 'points') expect(categories.length).toBe(Math.min(narrowed, LIST_PAGE));
      else expect(categories.length).toBeGreaterThan(0);
      for (const category of categories) expect(['Farola apagada', 'Bache o socavón']).toContain(category);
      // The API, asked the same over the whole city, has at least as many.
      expect(await cityCount('status=fixed&category=bache,farola')).toBeGreaterThanOrEqual(narrowed);

      // A date range: only reports created in it.
      const from = new Date(Date.now() - 60 * 24 * 3600 * 1000).toISOString().slice(0, 10);
      await page.getByRole('checkbox', { name: 'Resueltos', exact: true }).uncheck();
      await page.getByLabel('Desde', { exact: true }).fill(from);
      await page.waitForFunction((date) => new URL(location.href).searchParams.get('from') === date, from);
      await mapReady(page, ES_COUNT);
      for (const date of await listDates(page)) expect(date >= from).toBe(true);
      // An impossible range is explained, not sent.
      const before = page.url();
      await page.getByLabel('Hasta', { exact: true }).fill('2020-01-01');
      await page.getByText('La fecha «hasta» no puede ser anterior a «desde».').waitFor();
      expect(page.url()).toBe(before);
      await page.getByLabel('Hasta', { exact: true }).fill('');

      // Moving the map writes the view; a reload restores view and filters as they were.
      await page.getByRole('button', { name: 'Acercar', exact: true }).click();
      await page.waitForFunction(() => /^13\//.test(new URL(location.href).searchParams.get('map') ?? ''));
      const filtered = await mapReady(page, ES_COUNT);
      const url = page.url();
      expect(Object.fromEntries(new URL(url).searchParams)).toEqual({ map: expect.stringMatching(/^13\/40\.\d{4}\/-3\.\d{4}$/), category: 'bache,farola', from });
      await page.reload();
      await expect(mapReady(page, ES_COUNT)).resolves.toBe(filtered);
      expect(page.url()).toBe(url);
      await expect(page.locator('summary').filter({ hasText: 'Filtros (2 activos)' }).count()).resolves.toBe(1);
      await expect(page.getByRole('checkbox', { name: 'Farola apagada' }).isChecked()).resolves.toBe(true);
      await expect(page.getByRole('checkbox', { name: 'Resueltos', exact: true }).isChecked()).resolves.toBe(false);
      await expect(page.getByLabel('Desde', { exact: true }).inputValue()).resolves.toBe(from);

      await page.getByRole('button', { name: 'Quitar todos los filtros' }).click();
      await page.waitForFunction(() => !new URL(location.href).searchParams.has('category'));
      expect(Object.keys(Object.fromEntries(new URL(page.url()).searchParams))).toEqual(['map']);
    });
  });

  it('fits a 360×740 phone without horizontal scrolling and the list is reachable', async () => {
    await plaza.withPage(PHONE, async ({ page }) => {
      await page.goto('/');
      await mapReady(page, ES_COUNT);
      const overflow = await page.evaluate(() => {
        window.scrollTo(500, window.scrollY);
        return {
          viewport: window.innerWidth,
          document: document.documentElement.scrollWidth,
          body: document.body.scrollWidth,
          scrollX: window.scrollX,
        };
      });
      expect(overflow).toEqual({ viewport: 360, document: 360, body: 360, scrollX: 0 });

      const panel = page.getByRole('region', { name: 'Avisos en esta zona' });
      await expect(panel.locator('ol.report-list > li').count()).resolves.toBe(LIST_PAGE);
      const lastButton = panel.getByRole('button', { name: /^Ver en el mapa: aviso / }).last();
      await lastButton.scrollIntoViewIfNeeded();
      const box = await lastButton.boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(360);
      expect(box!.y).toBeGreaterThanOrEqual(0);
      expect(box!.y + box!.height).toBeLessThanOrEqual(740);
      expect(box!.height).toBeGreaterThanOrEqual(24); // WCAG 2.2 target size
      await lastButton.tap();
      await page.locator('.leaflet-popup .report-popup').waitFor();
    });
  });

  it('is keyboard operable: skip links, controls, clusters and markers', async () => {
    await plaza.withPage({}, async ({ page }) => {
      await page.goto('/');
      await mapReady(page, ES_COUNT);

      await page.keyboard.press('Tab');
      expect(await focused(page)).toMatchObject({ tag: 'a', name: 'Saltar al contenido principal', visible: true });
      await page.keyboard.press('Tab');
      expect(await focused(page)).toMatchObject({ tag: 'a', name: 'Enviar un aviso', visible: true });
      await page.keyboard.press('Tab');
      expect(await focused(page)).toMatchObject({ tag: 'a', name: 'Propuestas', visible: true });
      await page.keyboard.press('Tab');
      expect(await focused(page)).toMatchObject({ tag: 'a', name: 'Alertas', visible: true });
      await page.keyboard.press('Tab');
      expect(await focused(page)).toMatchObject({ tag: 'a', name: 'Cifras', visible: true });
      await page.keyboard.press('Tab');
      expect(await focused(page)).toMatchObject({ tag: 'a', name: 'Entrar', visible: true });
      await page.keyboard.press('Tab');
      expect(await focused(page)).toMatchObject({ tag: 'a', name: 'Español (idioma actual)', visible: true });
      await page.keyboard.press('Tab');
      expect(await focused(page)).toMatchObject({ tag: 'a', name: 'English', visible: true });

      // Back to the skip link and through it: focus lands on <main>, and the next Tab enters the map.
      for (let i = 0; i < 7; i += 1) await page.keyboard.press('Shift+Tab');
      expect(await focused(page)).toMatchObject({ name: 'Saltar al contenido principal' });
      await page.keyboard.press('Enter');
      expect(await focused(page)).toMatchObject({ tag: 'main', id: 'main' });
      await page.keyboard.press('Tab');
      expect(await focused(page)).toMatchObject({ tag: 'a', name: 'Saltar a la lista de avisos' });
      await page.keyboard.press('Tab');
      expect(await focused(page)).toMatchObject({ role: 'region', name: expect.stringMatching(/^Mapa de avisos\./) });

      // The map is one tab stop: Enter goes to the markers in view, the arrows from one to the next.
      // A cluster is a button: Enter zooms into it and focus stays on the map.
      await page.keyboard.press('Enter');
      for (let i = 0; i < 40 && !/^[\d.]+Grupo de \d[\d.]* avisos?/.test((await focused(page)).name); i += 1) await page.keyboard.press('ArrowRight');
      expect(await focused(page)).toMatchObject({ role: 'button', name: expect.stringMatching(/^[\d.]+Grupo de \d[\d.]* avisos?/) });
      const zoomBefore = await page.evaluate(() => document.querySelector('.leaflet-proxy')?.getAttribute('style'));
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.classList.contains('map'));
      await expect(page.evaluate(() => document.querySelector('.leaflet-proxy')?.getAttribute('style'))).resolves.not.toBe(zoomBefore);
      await page.waitForFunction(() => /^\d+\//.test(new URL(location.href).searchParams.get('map') ?? ''));

      // Markers are buttons too: Enter opens the popup with focus inside it. Where there are too
      // many to draw one by one (the million), the map zooms into a group until it draws some.
      await page.waitForFunction(() => document.querySelectorAll('.leaflet-marker-pane [role=button]').length > 0);
      for (let round = 0; round < 8 && !MARKER.test((await focused(page)).name); round += 1) {
        if (round > 0) {
          // Only groups in view (and maybe proposal squares): Enter zooms into a group, and focus stays on the map.
          for (let i = 0; i < 40 && !/^[\d.]+Grupo de /.test((await focused(page)).name); i += 1) await page.keyboard.press('ArrowRight');
          const before = await page.locator('.map').getAttribute('data-settled-view');
          await page.keyboard.press('Enter');
          await page.waitForFunction(() => document.activeElement?.classList.contains('map'));
          await page.waitForFunction((view) => {
            const now = document.querySelector<HTMLElement>('.map')?.dataset['settledView'];
            return Boolean(now) && now !== view;
          }, before);
          await page.waitForFunction(() => document.querySelectorAll('.leaflet-marker-pane [role=button]').length > 0);
        }
        await page.keyboard.press('Enter');
        const seen = new Set<string>();
        for (let i = 0; i < 60 && !MARKER.test((await focused(page)).name); i += 1) {
          const { name } = await focused(page);
          if (seen.has(name)) break;
          seen.add(name);
          await page.keyboard.press('ArrowRight');
        }
      }
      const marker = await focused(page);
      expect(marker).toMatchObject({ role: 'button', name: expect.stringMatching(/^Aviso \d{4}-\d{6}: /) });
      await page.keyboard.press('Enter');
      await page.locator('.leaflet-popup .report-popup').waitFor();
      const ref = /^Aviso (\d{4}-\d{6})/.exec(marker.name)?.[1];
      await expect(page.evaluate(() => document.activeElement?.closest('.report-popup')?.textContent ?? '')).resolves.toContain(`Referencia: ${ref}`);
      // And the popup's link leads to the report's page.
      await page.keyboard.press('Tab');
      expect(await focused(page)).toMatchObject({ tag: 'a', name: 'Ver el aviso' });
      await page.keyboard.press('Enter');
      await page.locator('h1#report-title').waitFor();
      expect(new URL(page.url()).pathname).toBe(`/reports/${ref}`);
    });
  });

  it('loads the console at /console/ (and its client-side routes)', async () => {
    await plaza.withPage({}, async ({ page }) => {
      for (const path of ['/console/', '/console/reports/2024-000001']) {
        const response = await page.goto(path);
        expect(response?.status()).toBe(200);
        await expect(page.locator('html').getAttribute('lang')).resolves.toBe('es');
        await page.waitForFunction(() => document.title.startsWith('Plaza'));
      }
    });
  });

  it('has no serious or critical axe violations on / (es, en, filters open), /console/ and a 404, the chosen language remembered', async () => {
    await plaza.withPage({}, async ({ page }) => {
      const audit = axeAudit(page);
      await page.goto('/');
      await mapReady(page, ES_COUNT);
      await audit.check('/ (es)');
      await page.locator('summary').filter({ hasText: 'Filtros' }).click();
      await audit.check('/ (es, filtros abiertos)');
      await page.getByRole('link', { name: 'English', exact: true }).click();
      await mapReady(page, EN_COUNT);
      await audit.check('/?lang=en (en, filters open)');
      await page.locator('.leaflet-marker-pane [role=button]').first().focus();
      await page.keyboard.press('Enter');
      await audit.check('/?lang=en (en, after opening a cluster or popup)');
      // The choice is remembered: later pages without ?lang= stay in English.
      await page.goto('/console/');
      // The static page says lang="es" until the app has loaded the remembered language.
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await audit.check('/console/ (en, remembered)');
      await page.goto('/nowhere');
      await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
      await audit.check('/nowhere (en, remembered)');
      audit.assertClean();
    });
  });

  it('serves the OpenAPI document and Swagger UI from the same origin', async () => {
    await plaza.withPage({}, async ({ page, blockedRequests }) => {
      const spec = await page.request.get('/api/openapi.json');
      expect(spec.status()).toBe(200);
      expect(spec.headers()['content-type']).toMatch(/^application\/json/);
      const doc = (await spec.json()) as { openapi: string; info: { title: string }; servers: Array<{ url: string }>; paths: Record<string, unknown> };
      expect(doc.openapi).toMatch(/^3\./);
      expect(doc.info.title).toBe('Plaza API');
      expect(doc.servers.map((s) => s.url)).toContain(plaza.baseUrl());
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining(['/api/v1/reports', '/api/v1/areas', '/api/v1/reports/clusters', '/api/v1/places', '/api/v1/map/settings']),
      );

      const docs = await page.goto('/api/docs');
      expect(docs?.status()).toBe(200);
      expect(docs?.headers()['content-type']).toMatch(/^text\/html/);
      // The UI renders the document it fetched from this origin, with no help from any other.
      await page.locator('.swagger-ui .info .title').filter({ hasText: 'Plaza API' }).waitFor();
      await page.locator('.swagger-ui .opblock').first().waitFor();
      expect(blockedRequests).toEqual([]);
    });
  });

  it('answers an unknown /api route with a 404 problem+json, never the map', async () => {
    await plaza.withPage({}, async ({ page }) => {
      const api = await page.request.get('/api/v1/nope', { headers: { accept: 'application/json' } });
      expect(api.status()).toBe(404);
      expect(api.headers()['content-type']).toMatch(/^application\/problem\+json/);
      expect(await api.json()).toMatchObject({ status: 404 });

      // A browser navigation (Accept: text/html) must not fall back to the map's index.html.
      const navigation = await page.goto('/api/v1/nope');
      expect(navigation?.status()).toBe(404);
      expect(navigation?.headers()['content-type']).toMatch(/^application\/problem\+json/);
    });
  });
});
