// The public unsubscribe page in Chromium. A forged link is checked against the real API. The
// happy path runs on a stubbed API answer, because which kinds of mail can be unsubscribed from is
// up to the features that send them; apps/api/test/smtp-delivery.int-spec.ts covers the real route.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { expectNoSeriousAxeViolations, launchBrowser, openPage, startPlaza, type PlazaServer } from '@plaza/e2e/support';

let server: PlazaServer | undefined;
let browser: Browser | undefined;

function baseUrl(): string {
  if (!server) throw new Error('the Plaza server did not start');
  return server.baseUrl;
}

describe('the unsubscribe page (Chromium)', () => {
  beforeAll(async () => {
    const [plaza, chromium] = await Promise.allSettled([startPlaza(), launchBrowser()]);
    if (plaza.status === 'fulfilled') server = plaza.value;
    if (chromium.status === 'fulfilled') browser = chromium.value;
    if (plaza.status === 'rejected') throw plaza.reason;
    if (chromium.status === 'rejected') throw chromium.reason;
  }, 120_000);

  afterAll(async () => {
    await Promise.allSettled([browser?.close(), server?.stop()]);
  });

  it('says a forged link is not valid, without signing in', async () => {
    const { page, context, pageErrors } = await openPage(browser!, baseUrl());
    try {
      await page.goto('/unsubscribe/u1.WyJ4IiwieSJd.forged');
      await page.getByRole('heading', { level: 1, name: 'Darse de baja' }).waitFor();
      await page.getByRole('alert').filter({ hasText: 'Este enlace no es válido' }).waitFor();
      await expect(page.getByRole('button', { name: 'Darme de baja' }).count()).resolves.toBe(0);
      await expectNoSeriousAxeViolations(page, 'unsubscribe page, invalid link');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows what the link stops, acts only on the button (keyboard), and confirms in English', async () => {
    const { page, context, pageErrors } = await openPage(browser!, baseUrl(), { locale: 'en-GB' });
    const posts: string[] = [];
    let done = false;
    await page.route('**/api/v1/unsubscribe/**', async (route) => {
      const request = route.request();
      if (request.method() === 'POST') {
        posts.push(request.url());
        done = true;
      }
      await route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({ kind: 'report-updates', description: 'Updates about report 2026-000123', done }),
      });
    });
    try {
      await page.goto('/unsubscribe/u1.abc.def?lang=en');
      await page.getByRole('heading', { level: 1, name: 'Unsubscribe' }).waitFor();
      await page.getByText('Updates about report 2026-000123').waitFor();
      // Opening the page (as a mail scanner would) changed nothing.
      expect(posts).toEqual([]);
      await expectNoSeriousAxeViolations(page, 'unsubscribe page, before confirming');

      await page.getByRole('button', { name: 'Unsubscribe me' }).focus();
      await page.keyboard.press('Enter');
      const confirmation = page.getByRole('status').filter({ hasText: 'Done: you will no longer receive these notices.' });
      await confirmation.waitFor();
      expect(posts).toHaveLength(1);
      expect(posts[0]).toContain('/api/v1/unsubscribe/u1.abc.def');
      await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toContain('Done');
      await expectNoSeriousAxeViolations(page, 'unsubscribe page, confirmed');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
