// The console in the five languages the city's staff may work in: the main pages of a community
// manager's and an administrator's day in English, Catalan, Basque and Galician, each axe-clean,
// with <html lang> set, the five languages offered, and no Spanish heading, button or label left.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { ENDONYMS, launchBrowser, openPage, spanishLeftOn, startPlaza, type PlazaServer } from '@plaza/e2e/support';
import { axeCollector, signInWithPassword } from './console-helpers';

const LOCALES = ['en', 'ca', 'eu', 'gl'] as const;
const PAGES = [
  '/console/inbox',
  '/console/flags',
  '/console/proposals',
  '/console/deliveries',
  '/console/admin',
  '/console/admin/categories',
  '/console/admin/templates',
  '/console/admin/holidays',
  '/console/account',
];

describe('console in five languages', () => {
  let server: PlazaServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    const [plaza, chromium] = await Promise.allSettled([startPlaza(), launchBrowser()]);
    if (plaza.status === 'fulfilled') server = plaza.value;
    if (chromium.status === 'fulfilled') browser = chromium.value;
    if (plaza.status === 'rejected') throw plaza.reason;
    if (chromium.status === 'rejected') throw chromium.reason;
  });

  afterAll(async () => {
    await Promise.allSettled([browser?.close(), server?.stop()]);
  });

  it.each(LOCALES)('works in %s: axe-clean, html lang, no Spanish left', async (locale) => {
    if (!browser || !server) throw new Error('setup failed');
    const ctx = await openPage(browser, server.baseUrl, {});
    ctx.context.setDefaultTimeout(15_000);
    try {
      const { page } = ctx;
      await page.goto('/console/signin?lang=es');
      await signInWithPassword(page, 'admin@demo.plaza.test');
      await page.waitForURL((url) => !url.pathname.startsWith('/console/signin'));
      // Response template names are the city's data (kept per language in the data model), not UI.
      const templates = (await (await page.request.get('/api/v1/admin/templates')).json()) as unknown;
      const data = new Set(JSON.stringify(templates).match(/"name":"[^"]*"|"title":"[^"]*"/g)?.map((pair) => pair.split('":"')[1]?.slice(0, -1) ?? ''));
      const axe = axeCollector(page);
      for (const target of PAGES) {
        await page.goto(`${target}?lang=${locale}`);
        await page.locator('main h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        await expect(page.locator('html').getAttribute('lang')).resolves.toBe(locale);
        await expect(page.locator('.lang-switch a').allTextContents()).resolves.toEqual(ENDONYMS);
        const leaks = await spanishLeftOn(page, locale, 'h1, h2, h3, button, label, legend, th, nav a', data);
        expect([target, leaks]).toEqual([target, []]);
        await axe.check(`${target} in ${locale}`);
      }
      axe.assert();
      expect(ctx.pageErrors).toEqual([]);
    } finally {
      await ctx.context.close();
    }
  });
});
