// How the explore map draws, on a desktop and on a phone: proposal squares no longer sit on report
// clusters (axe `target-size`, counts hidden), clusters are explained in the legend, forced
// colours keep the legend and tell markers apart, and reduced motion turns the animations off.
import { describe, expect, it } from '@jest/globals';
import type { BrowserContextOptions, Page } from 'playwright-core';
import axe from 'axe-core';
import { usePlaza } from './harness';
import { markersAtRest, settledView } from './map-state';

const WIDTHS: Array<[string, BrowserContextOptions]> = [
  ['desktop 1280×800', { viewport: { width: 1280, height: 800 } }],
  ['phone 390×844', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }],
];
// Counts over 9,999 are grouped: "12.345 avisos".
const COUNT = /^(\d[\d.]*) avisos? en la zona visible$/;

async function mapReady(page: Page): Promise<void> {
  await page.locator('.reports-panel__status:not([aria-busy])').filter({ hasText: COUNT }).waitFor();
  await page.locator('.leaflet-marker-pane [role=button]').first().waitFor();
  await page.locator('.leaflet-proposals-pane .proposal-marker').first().waitFor();
  // Two frames: the squares are moved on the next one after the markers change.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** axe's target-size rule alone (WCAG 2.2 AA, off by default), as "id: targets" lines. */
async function targetSizeFindings(page: Page): Promise<string[]> {
  // Evaluated, not added as an inline <script>: the site's Content-Security-Policy forbids those.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  return page.evaluate(async () => {
    const run = (window as unknown as { axe: typeof axe }).axe;
    const result = await run.run(document, { runOnly: { type: 'rule', values: ['target-size'] }, resultTypes: ['violations'] });
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.map(String).join(' ')} ${n.failureSummary ?? ''}`));
  });
}

/**
 * Clusters whose centre (their count) is covered by another marker (a proposal square above all),
 * once the map is at rest: on a map that leaves a square on a group, this is non-empty and the
 * test fails.
 */
async function hiddenClusterCounts(page: Page): Promise<string[]> {
  await markersAtRest(page);
  return page.evaluate(() => {
    const hidden: string[] = [];
    const map = document.querySelector('.map')!.getBoundingClientRect();
    for (const cluster of document.querySelectorAll<HTMLElement>('.report-cluster')) {
      const box = cluster.getBoundingClientRect();
      const x = box.left + box.width / 2;
      const y = box.top + box.height / 2;
      if (x < map.left || x > map.right || y < map.top || y > map.bottom) continue;
      const cover = document.elementFromPoint(x, y)?.closest('.leaflet-marker-icon');
      if (cover && cover !== cluster) hidden.push(`${cluster.textContent} under ${cover.className}`);
    }
    return hidden;
  });
}

describe('how the explore map draws', () => {
  const plaza = usePlaza();

  for (const [label, options] of WIDTHS) {
    it(`keeps proposal squares off report clusters and explains clusters in the legend (${label})`, async () => {
      await plaza.withPage(options, async ({ page }) => {
        await page.goto('/');
        await mapReady(page);
        await expect(hiddenClusterCounts(page)).resolves.toEqual([]);
        await expect(targetSizeFindings(page)).resolves.toEqual([]);
        // Zoomed in one step, where the demo city's proposals meet other clusters: still clear.
        await page.getByRole('region', { name: /^Mapa de avisos\./ }).focus();
        const before = await settledView(page);
        await page.keyboard.press('+');
        await settledView(page, before.zoom + 1);
        await mapReady(page);
        await expect(hiddenClusterCounts(page)).resolves.toEqual([]);
        await expect(targetSizeFindings(page)).resolves.toEqual([]);
        const legend = page.getByRole('list', { name: 'Leyenda de colores' });
        await expect(legend.textContent()).resolves.toContain('Grupo de avisos cercanos: el número dice cuántos');
      });
    });

    it(`keeps the legend and tells markers apart in forced colours (${label})`, async () => {
      await plaza.withPage({ ...options, forcedColors: 'active' }, async ({ page }) => {
        await page.goto('/');
        await mapReady(page);
        expect(await page.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
        const lookAt = () => page.evaluate(() => {
          const style = (selector: string) => {
            const el = document.querySelector(selector);
            if (!el) return null;
            const s = getComputedStyle(el);
            return { background: s.backgroundColor, radius: s.borderRadius, outline: s.outlineStyle };
          };
          return {
            swatches: [...document.querySelectorAll('.legend .swatch')].map((el) => getComputedStyle(el).backgroundColor),
            canvas: getComputedStyle(document.body).backgroundColor,
            report: style('.report-marker__badge'),
            cluster: style('.report-cluster'),
            proposal: style('.proposal-marker__badge'),
          };
        });
        let look = await lookAt();
        if (!look.report) {
          // Too many reports here to draw one by one (the million): the list's newest, shown on the map, is drawn on its own.
          await page.getByRole('button', { name: /^Ver en el mapa: aviso / }).first().click();
          await page.locator('.leaflet-popup .report-popup').waitFor();
          look = { ...look, report: (await lookAt()).report };
        }
        // Four statuses, four different colours, none of them the page's background.
        expect(new Set(look.swatches).size).toBe(4);
        expect(look.swatches).not.toContain(look.canvas);
        // Markers keep a visible colour and a ring; proposals are square where reports are round.
        for (const marker of [look.report, look.cluster, look.proposal]) {
          expect(marker).not.toBeNull();
          expect(marker!.background).not.toBe(look.canvas);
          expect(marker!.outline).toBe('solid');
        }
        expect(look.report!.radius).toBe('50%');
        expect(look.proposal!.radius).toBe('4px');
      });
    });

    it(`turns the map's animations off for reduced motion (${label})`, async () => {
      await plaza.withPage({ ...options, reducedMotion: 'reduce' }, async ({ page }) => {
        await page.goto('/');
        await mapReady(page);
        const motion = await page.evaluate(() => ({
          fade: document.querySelector('.map.leaflet-fade-anim') !== null,
          // Leaflet draws its zoom-animation proxy only when zoom animation is on.
          zoom: document.querySelectorAll('.map .leaflet-proxy').length,
          popupTransition: getComputedStyle(document.querySelector('.skip-link')!).transitionDuration,
        }));
        expect(motion).toEqual({ fade: false, zoom: 0, popupTransition: '0s' });
      });
      // And on, for everyone else.
      await plaza.withPage({ ...options, reducedMotion: 'no-preference' }, async ({ page }) => {
        await page.goto('/');
        await mapReady(page);
        await expect(page.locator('.map.leaflet-fade-anim').count()).resolves.toBe(1);
        await expect(page.locator('.map .leaflet-proxy').count()).resolves.toBe(1);
      });
    });
  }
});
