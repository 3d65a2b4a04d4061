// Small helpers for the console browser tests: Spanish-UI locators, focus, axe, a GeoJSON file.
import { formatAxe, seriousAxeViolations } from '@plaza/e2e/support';
import type { Locator, Page } from 'playwright-core';

/** The password of every demo account (README). */
export const DEMO_PASSWORD = 'demo-plaza-2026';

export const heading1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
export const statusWith = (page: Page | Locator, text: string | RegExp) => page.getByRole('status').filter({ hasText: text });

export async function signInWithPassword(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  const form = page.getByRole('region', { name: 'Entrar con contraseña' });
  await form.getByLabel('Correo electrónico').fill(email);
  await form.getByLabel('Contraseña').fill(password);
  await form.getByRole('button', { name: 'Entrar' }).click();
}

/** The focused element, described the way a screen reader would find it. */
export function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      id: el?.id ?? '',
      invalid: el?.getAttribute('aria-invalid') ?? null,
      text: el?.textContent?.trim() ?? '',
    };
  });
}

/** Collects axe findings over several pages and fails once, with every report. */
export function axeCollector(page: Page) {
  const reports: string[] = [];
  let failed = false;
  return {
    async check(label: string) {
      const findings = await seriousAxeViolations(page);
      failed ||= findings.length > 0;
      reports.push(formatAxe(label, findings));
    },
    assert() {
      if (failed) throw new Error(reports.join('\n\n'));
    },
  };
}

/** A small square by Plaza Mayor, and a self-intersecting "bow-tie" PostGIS has to repair. */
export function areasGeoJson(
  area: { code: string; name: string },
  bowtieArea: { code: string; name: string },
): Buffer {
  const square = [
    [-3.7085, 40.4148],
    [-3.7055, 40.4148],
    [-3.7055, 40.4168],
    [-3.7085, 40.4168],
    [-3.7085, 40.4148],
  ];
  const bowtie = [
    [-3.69, 40.43],
    [-3.68, 40.44],
    [-3.68, 40.43],
    [-3.69, 40.44],
    [-3.69, 40.43],
  ];
  return Buffer.from(
    JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { code: area.code, name: area.name, kind: 'neighbourhood' }, geometry: { type: 'Polygon', coordinates: [square] } },
        { type: 'Feature', properties: { code: bowtieArea.code, name: bowtieArea.name }, geometry: { type: 'Polygon', coordinates: [bowtie] } },
      ],
    }),
  );
}
