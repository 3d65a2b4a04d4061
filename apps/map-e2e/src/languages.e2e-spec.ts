// The five languages as a visitor meets them: every page this file visits is axe-clean in each
// language, says so in <html lang>, offers the five languages by their own names, and shows no
// Spanish heading, button or link on a page in another language. A pseudo-locale run then shows
// every interface string accented and bracketed: a string without brackets bypassed the catalogue.
import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { ENDONYMS, spanishLeftOn } from '@plaza/e2e/support';
import { axeAudit, PHONE, usePlaza } from './harness';

const LOCALES = ['es', 'en', 'ca', 'eu', 'gl'] as const;
const PAGES = ['/', '/new', '/proposals', '/alerts', '/account/sign-in', '/account/sign-up'];
const PSEUDO_PAGES = ['/alerts', '/account/sign-in', '/account/sign-up', '/proposals/new'];

/** Visible text nodes with letters, outside the map's tiles and data (category and district names). */
function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = (node.textContent ?? '').trim();
      if (!parent || !/\p{L}{2,}/u.test(text)) continue;
      if (parent.closest('script, style, .leaflet-control-attribution, [data-content="user"]')) continue;
      if (parent.offsetParent === null && getComputedStyle(parent).position !== 'fixed') continue;
      found.push(text);
    }
    return found;
  });
}

/**
 * Text that is the city's own data or configuration, not interface strings: category, district and
 * theme names, the data-protection notice the city writes, language endonyms and format names.
 */
async function cityData(page: Page): Promise<Set<string>> {
  const names = new Set<string>(['Plaza', 'RSS', 'Atom', ...ENDONYMS]);
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (key === 'name' && typeof inner === 'string') names.add(inner.trim());
        else if (key === 'paragraphs' && Array.isArray(inner)) inner.forEach((text) => names.add(String(text).trim()));
        else collect(inner);
      }
    }
  };
  for (const url of ['/api/v1/categories', '/api/v1/areas', '/api/v1/proposal-themes', '/api/v1/map/settings']) {
    collect(await (await page.request.get(url)).json());
  }
  return names;
}

describe('five languages', () => {
  const plaza = usePlaza();

  it.each(LOCALES.filter((locale) => locale !== 'es'))('speaks %s on every page, axe-clean, with no Spanish left', async (locale) => {
    await plaza.withPage({}, async ({ page }) => {
      const axe = axeAudit(page);
      for (const target of PAGES) {
        await page.goto(`${target}?lang=${locale}`);
        await page.locator('main').first().waitFor();
        await page.waitForLoadState('networkidle');
        await expect(page.locator('html').getAttribute('lang')).resolves.toBe(locale);
        const languages = page.locator('nav.lang-switch a, .lang-switch a');
        await expect(languages.allTextContents()).resolves.toEqual(ENDONYMS);
        // A Spanish string that this language does not share is a string left untranslated.
        const leaks = await spanishLeftOn(page, locale, 'h1, h2, h3, button, a, label, legend');
        expect([target, leaks]).toEqual([target, []]);
        await axe.check(`${target} in ${locale}`);
      }
      axe.assertClean();
    });
  });

  it('keeps the chosen language when the visitor comes back without ?lang=', async () => {
    await plaza.withPage({}, async ({ page }) => {
      await page.goto('/proposals');
      await page.getByRole('navigation', { name: 'Idioma' }).getByRole('link', { name: 'Euskara', exact: true }).click();
      await page.waitForFunction(() => document.documentElement.lang === 'eu');
      await page.goto('/alerts');
      await page.locator('main').first().waitFor();
      await page.waitForFunction(() => document.documentElement.lang === 'eu');
    });
  });

  it('shows every interface string through the catalogue (pseudo-locale), on a phone too', async () => {
    for (const options of [{}, PHONE]) {
      await plaza.withPage(options, async ({ page }) => {
        const data = await cityData(page);
        for (const target of PSEUDO_PAGES) {
          await page.goto(`${target}?pseudo=1`);
          await page.locator('main').first().waitFor();
          await page.waitForLoadState('networkidle');
          const bare = (await visibleTexts(page)).filter((text) => !text.includes('⟦') && !data.has(text));
          expect([target, bare]).toEqual([target, []]);
          // 40% longer text must not push the page sideways on a phone.
          // Named by the outermost elements that stick out, so a failure says where to look.
          const overflowing = await page.evaluate(() => {
            const width = document.documentElement.clientWidth;
            return [...document.querySelectorAll('body *')]
              .filter((el) => el.getBoundingClientRect().right > width + 1 && !el.closest('.leaflet-container'))
              .filter((el) => !(el.parentElement && el.parentElement.getBoundingClientRect().right > width + 1))
              .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}: ${(el.textContent ?? '').trim().slice(0, 40)}`);
          });
          expect([target, overflowing]).toEqual([target, []]);
        }
      });
    }
  });
});
