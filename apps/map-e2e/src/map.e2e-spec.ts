// The public map and the console as a visitor's Chromium sees them, served with the API from one
// origin by the built app (dist/api + dist/web), on a fresh database seeded with the demo city.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import {
  formatAxe,
  launchBrowser,
  openPage,
  seriousAxeViolations,
  startPlaza,
  type IsolatedContext,
  type PlazaServer,
} from '@plaza/e2e/support';

const MADRID_DISTRICTS = 21;
const ES_COUNT = /^(\d+) avisos? en la zona visible$/;
const EN_COUNT = /^(\d+) reports? in the visible area$/;

let server: PlazaServer | undefined;
let browser: Browser | undefined;

function baseUrl(): string {
  if (!server) throw new Error('the Plaza server did not start');
  return server.baseUrl;
}

/** One isolated browser context per test; fails the test on any uncaught page error. */
async function withPage(
  options: BrowserContextOptions,
  run: (ctx: IsolatedContext) => Promise<void>,
): Promise<void> {
  if (!browser) throw new Error('Chromium did not start');
  const ctx = await openPage(browser, baseUrl(), options);
  ctx.context.setDefaultTimeout(15_000);
  try {
    await run(ctx);
    expect(ctx.pageErrors).toEqual([]);
  } finally {
    await ctx.context.close();
  }
}

/** District outlines are the only non-interactive SVG paths Leaflet draws; report markers are interactive. */
const districtPaths = (page: Page) => page.locator('.leaflet-overlay-pane path:not(.leaflet-interactive)');
const markers = (page: Page, name: RegExp) => page.getByRole('button', { name });

/** Waits until the districts are drawn and the list has settled on a count; returns that count. */
async function mapReady(page: Page, count: RegExp): Promise<number> {
  await page.waitForFunction(
    (n) => document.querySelectorAll('.leaflet-overlay-pane path:not(.leaflet-interactive)').length === n,
    MADRID_DISTRICTS,
  );
  const status = page.getByRole('status').filter({ hasText: count });
  await status.waitFor();
  const match = count.exec(((await status.textContent()) ?? '').trim());
  return Number(match?.[1]);
}

describe('public map and console in Chromium', () => {
  beforeAll(async () => {
    const started = Date.now();
    // Both start in parallel; whichever succeeds is kept so afterAll can always close it.
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
    await Promise.allSettled([browser?.close(), server?.stop()]);
  });

  it('loads the map at / with the 21 districts and the seeded reports in the accessible list', async () => {
    await withPage({}, async ({ page }) => {
      const response = await page.goto('/');
      expect(response?.status()).toBe(200);
      const count = await mapReady(page, ES_COUNT);

      await expect(page.title()).resolves.toBe('Plaza · Mapa de avisos');
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('es');
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Plaza Avisos de la ciudad');
      await expect(page.getByRole('region', { name: /^Mapa de avisos\./ }).count()).resolves.toBe(1);
      await expect(districtPaths(page).count()).resolves.toBe(MADRID_DISTRICTS);

      // The list says how many reports it holds, holds them all, and each is operable by name.
      expect(count).toBeGreaterThan(10);
      const panel = page.getByRole('region', { name: 'Avisos en esta zona' });
      await expect(panel.getByRole('listitem').count()).resolves.toBe(count);
      const showButtons = panel.getByRole('button', { name: /^Ver en el mapa: aviso \d{4}-\d{6}, .+/ });
      await expect(showButtons.count()).resolves.toBe(count);
      await expect(markers(page, /^Aviso \d{4}-\d{6}: .+\. Estado: .+/).count()).resolves.toBe(count);
      const firstCard = panel.getByRole('listitem').first();
      for (const term of ['Estado', 'Categoría', 'Creado el', 'Referencia']) {
        await expect(firstCard.getByRole('term').filter({ hasText: term }).count()).resolves.toBe(1);
      }

      // "Show on map" opens that report's popup and moves focus into it.
      const ref = (await firstCard.locator('dd').last().textContent())?.trim() ?? '';
      await firstCard.getByRole('button').click();
      const popup = page.locator('.leaflet-popup .report-popup');
      await popup.waitFor();
      await expect(popup.textContent()).resolves.toContain(`Referencia: ${ref}`);
      await expect(page.evaluate(() => document.activeElement?.className)).resolves.toBe('report-popup');
    });
  });

  it('switches to English in place: same URL and map view, translated texts and <html lang>', async () => {
    await withPage({}, async ({ page }) => {
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
      expect(Object.fromEntries(url.searchParams)).toEqual({ source: 'e2e', lang: 'en' });
      // No reload, and the map has not moved: same document, same pane offset, same reports.
      await expect(page.evaluate(() => '__sameDocument' in window)).resolves.toBe(true);
      await expect(mapPane.getAttribute('style')).resolves.toBe(viewBefore);
      await expect(mapReady(page, EN_COUNT)).resolves.toBe(count);

      await expect(page.title()).resolves.toBe('Plaza · Reports map');
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Plaza City reports');
      await expect(page.getByRole('heading', { name: 'Reports in this area' }).count()).resolves.toBe(1);
      await expect(page.getByRole('link', { name: 'Skip to main content' }).count()).resolves.toBe(1);
      await expect(page.getByRole('region', { name: /^Reports map\./ }).count()).resolves.toBe(1);
      await expect(page.getByRole('button', { name: 'Zoom in' }).count()).resolves.toBe(1);
      await expect(page.getByRole('button', { name: /^Show on map: report / }).count()).resolves.toBe(count);
      await expect(markers(page, /^Report \d{4}-\d{6}: .+\. Status: .+/).count()).resolves.toBe(count);
      const english = page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'English (current language)' });
      await expect(english.getAttribute('aria-current')).resolves.toBe('true');

      // The choice lives in the URL, so a reload (or a shared link) stays in English.
      await page.reload();
      await expect(mapReady(page, EN_COUNT)).resolves.toBe(count);
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    });
  });

  it('fits a 360×740 phone without horizontal scrolling and the list is reachable', async () => {
    const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
    await withPage(phone, async ({ page }) => {
      await page.goto('/');
      const count = await mapReady(page, ES_COUNT);
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
      await expect(panel.getByRole('listitem').count()).resolves.toBe(count);
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

  it('is keyboard operable: Tab reaches the skip link first, then the controls', async () => {
    await withPage({}, async ({ page }) => {
      await page.goto('/');
      await mapReady(page, ES_COUNT);
      const focused = () =>
        page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          const rect = el?.getBoundingClientRect();
          return {
            tag: el?.tagName.toLowerCase(),
            id: el?.id ?? '',
            role: el?.getAttribute('role') ?? '',
            name: el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? '',
            visible: Boolean(rect && rect.width > 0 && rect.bottom > 0 && rect.top < window.innerHeight),
          };
        });

      await page.keyboard.press('Tab');
      expect(await focused()).toMatchObject({ tag: 'a', name: 'Saltar al contenido principal', visible: true });
      await page.keyboard.press('Tab');
      expect(await focused()).toMatchObject({ tag: 'a', name: 'Español (idioma actual)', visible: true });
      await page.keyboard.press('Tab');
      expect(await focused()).toMatchObject({ tag: 'a', name: 'English', visible: true });

      // Back to the skip link and through it: focus lands on <main>, and the next Tab enters the map.
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Shift+Tab');
      expect(await focused()).toMatchObject({ name: 'Saltar al contenido principal' });
      await page.keyboard.press('Enter');
      expect(await focused()).toMatchObject({ tag: 'main', id: 'main' });
      await page.keyboard.press('Tab');
      expect(await focused()).toMatchObject({ role: 'region', name: expect.stringMatching(/^Mapa de avisos\./) });

      // Markers are buttons: reachable by Tab, and Enter opens the popup with focus inside it.
      await page.keyboard.press('Tab');
      const marker = await focused();
      expect(marker).toMatchObject({ role: 'button', name: expect.stringMatching(/^Aviso \d{4}-\d{6}: /) });
      await page.keyboard.press('Enter');
      await page.locator('.leaflet-popup .report-popup').waitFor();
      const ref = /^Aviso (\d{4}-\d{6})/.exec(marker.name)?.[1];
      await expect(page.evaluate(() => document.activeElement?.closest('.report-popup')?.textContent ?? '')).resolves.toContain(`Referencia: ${ref}`);
    });
  });

  it('loads the console at /console/ (and its client-side routes)', async () => {
    await withPage({}, async ({ page }) => {
      for (const path of ['/console/', '/console/reports/2024-000001']) {
        const response = await page.goto(path);
        expect(response?.status()).toBe(200);
        await page.getByRole('heading', { level: 1, name: 'Consola de moderación' }).waitFor();
        await expect(page.title()).resolves.toBe('Plaza · Consola de moderación');
        await expect(page.locator('html').getAttribute('lang')).resolves.toBe('es');
        await expect(page.getByRole('link', { name: 'Volver al mapa público' }).getAttribute('href')).resolves.toBe('/?lang=es');
      }
    });
  });

  it('has no serious or critical axe violations on / (es, en) and /console/', async () => {
    await withPage({}, async ({ page }) => {
      const reports: string[] = [];
      let failed = false;
      const check = async (label: string) => {
        const findings = await seriousAxeViolations(page);
        failed ||= findings.length > 0;
        reports.push(formatAxe(label, findings));
      };

      await page.goto('/');
      await mapReady(page, ES_COUNT);
      await check('/ (es)');
      await page.getByRole('link', { name: 'English', exact: true }).click();
      await mapReady(page, EN_COUNT);
      await check('/?lang=en (en)');
      await page.goto('/console/');
      await page.getByRole('heading', { level: 1 }).waitFor();
      await check('/console/ (es)');

      if (failed) throw new Error(reports.join('\n\n'));
    });
  });

  it('serves the OpenAPI document and Swagger UI from the same origin', async () => {
    await withPage({}, async ({ page, blockedRequests }) => {
      const spec = await page.request.get('/api/openapi.json');
      expect(spec.status()).toBe(200);
      expect(spec.headers()['content-type']).toMatch(/^application\/json/);
      const doc = (await spec.json()) as { openapi: string; info: { title: string }; servers: Array<{ url: string }>; paths: Record<string, unknown> };
      expect(doc.openapi).toMatch(/^3\./);
      expect(doc.info.title).toBe('Plaza API');
      expect(doc.servers.map((s) => s.url)).toContain(baseUrl());
      expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/reports', '/api/v1/areas']));

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
    await withPage({}, async ({ page }) => {
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
