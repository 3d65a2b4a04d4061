// The Content-Security-Policy as Chromium enforces it: the map, a report page and the console
// (signed in) work without a single violation, and unknown pages are answered without an ERROR
// line in the API's log (docs/security.md#security-headers).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, startPlaza, type PlazaServer } from '@plaza/e2e/support';

/** Collects every CSP violation the page reports, from the first script on. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('__plazaCspViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __plazaCspViolation: (text: string) => void }).__plazaCspViolation;
      report(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

describe('security headers in Chromium', () => {
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

  it('runs the map, a report page and the signed-in console without any CSP violation', async () => {
    if (!server || !browser) throw new Error('setup failed');
    const { context, page, pageErrors } = await openPage(browser, server.baseUrl);
    context.setDefaultTimeout(20_000);
    try {
      const violations = await watchViolations(page);

      const map = await page.goto('/');
      expect(map?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(map?.headers()['content-security-policy']).not.toContain('unsafe-inline');
      await page.waitForFunction(() => document.querySelectorAll('.leaflet-overlay-pane path').length >= 21);
      await page.locator('.report-marker, .report-cluster').first().waitFor();

      const list = (await (await page.request.get('/api/v1/reports?bbox=-3.9,40.3,-3.5,40.6&limit=5')).json()) as {
        features: Array<{ properties: { ref: string } }>;
      };
      const ref = list.features[0]?.properties.ref;
      expect(ref).toBeTruthy();
      await page.goto(`/reports/${ref}`);
      await page.locator('.report-marker').first().waitFor();

      const consolePage = await page.goto('/console/');
      expect(consolePage?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(consolePage?.headers()['x-frame-options']).toBe('DENY');
      const form = page.getByRole('region', { name: 'Entrar con contraseña' });
      await form.getByLabel('Correo electrónico').fill('gestora@demo.plaza.test');
      await form.getByLabel('Contraseña').fill('demo-plaza-2026');
      await form.getByRole('button', { name: 'Entrar' }).click();
      await page.waitForURL((url) => !url.pathname.includes('signin'));
      await page.waitForLoadState('networkidle');

      expect(violations).toEqual([]);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('answers unknown and malformed paths without logging an error', async () => {
    if (!server) throw new Error('setup failed');
    // An unknown path outside the API answers the map's 404 page to whoever may read HTML.
    for (const [path, accept, status, type] of [
      ['/api/v1/no-such-route', 'application/json', 404, 'application/problem+json'],
      ['/no-such-file.js', '*/*', 404, 'text/html'],
      ['/no-such-file.js', 'application/json', 404, 'application/problem+json'],
      ['/feeds/nothing', 'text/html', 404, 'application/problem+json'],
      ['/some/page%00', 'text/html', 400, 'application/problem+json'],
    ] as const) {
      const response = await fetch(`${server.baseUrl}${path}`, { headers: { accept } });
      expect({ path, status: response.status, type: response.headers.get('content-type') }).toEqual({
        path,
        status,
        type: expect.stringContaining(type),
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    // The API logs at warn level here: any line is a warning or an error.
    expect(server.logTail()).not.toMatch(/"level":(50|60)|Reply was already sent|Cannot write headers/);
  });
});
