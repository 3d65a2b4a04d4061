// The two point-picking maps (the report's pin on /new, the alert's point on /alerts) after a
// location error: the error used to re-render the map element's class and wipe Leaflet's, so panes
// spilled over the page, the phone page scrolled sideways and the pin could land off the map.
// Every test starts with the error, as citizens meet it, on a desktop and on a phone.
import { describe, expect, it } from '@jest/globals';
import type { BrowserContextOptions, Locator, Page } from 'playwright-core';
import { usePlaza } from './harness';

const WIDTHS: Array<[string, BrowserContextOptions]> = [
  ['desktop 1280×800', { viewport: { width: 1280, height: 800 } }],
  ['phone 390×844', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }],
];

/** Leaflet's classes are still on the map element, and its panes stay inside the map's box. */
async function leafletIntact(page: Page, map: Locator): Promise<void> {
  await expect(map.getAttribute('class')).resolves.toMatch(/\bleaflet-container\b/);
  const spill = await map.evaluate((element) => {
    const box = element.getBoundingClientRect();
    return getComputedStyle(element).overflow === 'hidden' && box.width > 0 ? null : 'the map does not clip its panes';
  });
  expect(spill).toBeNull();
  // Nothing scrolls sideways.
  const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, view: window.innerWidth }));
  expect(widths.doc).toBeLessThanOrEqual(widths.view);
}

/** Clicks (or taps) the map at a fraction of its box. */
async function pointAt(page: Page, map: Locator, fx: number, fy: number, touch: boolean): Promise<void> {
  await map.scrollIntoViewIfNeeded();
  const box = await map.boundingBox();
  if (!box) throw new Error('the map has no box');
  const x = box.x + box.width * fx;
  const y = box.y + box.height * fy;
  if (touch) await page.touchscreen.tap(x, y);
  else await page.mouse.click(x, y);
}

async function inside(inner: Locator, outer: Locator): Promise<boolean> {
  const [a, b] = await Promise.all([inner.boundingBox(), outer.boundingBox()]);
  if (!a || !b) return false;
  const cx = a.x + a.width / 2;
  const bottom = a.y + a.height;
  return cx >= b.x && cx <= b.x + b.width && bottom >= b.y && bottom <= b.y + b.height + 1;
}

describe('the point-picking maps after an error', () => {
  const plaza = usePlaza();

  for (const [label, options] of WIDTHS) {
    const touch = Boolean(options.hasTouch);

    it(`/new keeps its map whole after "Continuar" without a pin and a pin outside the city (${label})`, async () => {
      await plaza.withPage(options, async ({ page }) => {
        await page.goto('/new');
        await page.getByRole('heading', { name: 'Paso 1 de 4: Ubicación' }).waitFor();
        const map = page.getByRole('application', { name: 'Mapa para situar el aviso' });
        await map.locator('.leaflet-tile-pane').waitFor({ state: 'attached' });

        // No pin: the error, and the map is still Leaflet's.
        await page.getByRole('button', { name: 'Continuar' }).click();
        await page.locator('#nr-location-error').filter({ hasText: 'Indica dónde está el problema' }).waitFor();
        await expect(map.getAttribute('aria-invalid')).resolves.toBe('true');
        await leafletIntact(page, map);

        // Zoomed far out, a point near the map's left edge (clear of the zoom buttons) is outside the municipality.
        await map.focus();
        for (let i = 0; i < 4; i += 1) await page.keyboard.press('-');
        await page.waitForTimeout(600);
        await pointAt(page, map, 0.12, 0.55, touch);
        await page.locator('.location-pin').waitFor();
        await page.getByRole('button', { name: 'Continuar' }).click();
        await page.locator('#nr-location-error').filter({ hasText: 'fuera del municipio' }).waitFor();
        await leafletIntact(page, map);

        // The centre (the city's) is inside: the pin lands there, within the visible map.
        await pointAt(page, map, 0.5, 0.5, touch);
        await expect(page.locator('#nr-location-where').textContent()).resolves.toMatch(/\(distrito .+\)\.$/);
        await page.locator('#nr-location-error').waitFor({ state: 'detached' });
        await leafletIntact(page, map);
        await expect(inside(page.locator('.location-pin'), map)).resolves.toBe(true);
        await page.getByRole('button', { name: 'Continuar' }).click();
        await page.getByRole('heading', { name: 'Paso 2 de 4: Tipo de problema' }).waitFor();
      });
    });

    it(`/alerts keeps its map whole after creating an alert without a point (${label})`, async () => {
      await plaza.withPage(options, async ({ page }) => {
        await page.goto('/alerts');
        await page.getByRole('heading', { level: 1, name: 'Alertas por correo' }).waitFor();
        await page.getByLabel('Los que estén cerca de un punto').check();
        const map = page.locator('#alert-point');
        await map.locator('.leaflet-tile-pane').waitFor({ state: 'attached' });
        await page.getByRole('button', { name: 'Crear la alerta' }).click();
        await page.getByText('Marca un punto en el mapa.').first().waitFor();
        await expect(map.getAttribute('aria-invalid')).resolves.toBe('true');
        await leafletIntact(page, map);

        await pointAt(page, map, 0.5, 0.5, touch);
        await expect(page.locator('#alert-point-where').textContent()).resolves.toMatch(/^Punto marcado: 40,\d+, -3,\d+\.$/);
        await leafletIntact(page, map);
      });
    });
  }
});
