// One built Plaza and one Chromium per console test file, and signed-in pages on them: the set-up
// every console browser test shares.
import { afterAll, beforeAll } from '@jest/globals';
import { confirmReportByMail, launchBrowser, openPage, startPlaza, type IsolatedContext, type PlazaServer } from '@plaza/e2e/support';
import type { Browser, BrowserContextOptions } from 'playwright-core';
import { signInWithPassword } from './console-helpers';

export interface ConsoleHarness {
  baseUrl(): string;
  /** A fresh browser context signed in as `email` (demo password), on `next` under /console. */
  signedIn(email: string, next: string, options?: BrowserContextOptions): Promise<IsolatedContext>;
  /** Files a report through the public API and confirms it by its mail; answers its reference. */
  fileConfirmedReport(input: Record<string, unknown>): Promise<string>;
}

/** Call at the top of a test file: starts the server and the browser before its tests, and closes all after. */
export function useConsole(): ConsoleHarness {
  let server: PlazaServer | undefined;
  let browser: Browser | undefined;
  const contexts: IsolatedContext[] = [];

  beforeAll(async () => {
    // Both start in parallel; whichever succeeds is kept so afterAll can always close it.
    const [plaza, chromium] = await Promise.allSettled([startPlaza(), launchBrowser()]);
    if (plaza.status === 'fulfilled') server = plaza.value;
    if (chromium.status === 'fulfilled') browser = chromium.value;
    if (plaza.status === 'rejected') throw plaza.reason;
    if (chromium.status === 'rejected') throw chromium.reason;
  });

  afterAll(async () => {
    for (const ctx of contexts) await ctx.context.close().catch(() => undefined);
    await Promise.allSettled([browser?.close(), server?.stop()]);
  });

  const baseUrl = (): string => {
    if (!server) throw new Error('the Plaza server did not start');
    return server.baseUrl;
  };

  return {
    baseUrl,
    async signedIn(email, next, options = {}) {
      if (!browser) throw new Error('Chromium did not start');
      const ctx = await openPage(browser, baseUrl(), options);
      ctx.context.setDefaultTimeout(15_000);
      contexts.push(ctx);
      await ctx.page.goto(`/console/signin?next=${encodeURIComponent(next)}`);
      await signInWithPassword(ctx.page, email);
      await ctx.page.waitForURL((url) => !url.pathname.startsWith('/console/signin'));
      return ctx;
    },
    async fileConfirmedReport(input) {
      const response = await fetch(`${baseUrl()}/api/v1/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(input),
      });
      if (!response.ok) throw new Error(`filing the report failed: ${response.status} ${await response.text()}`);
      const ref = ((await response.json()) as { properties: { ref: string } }).properties.ref;
      await confirmReportByMail(baseUrl(), ref);
      return ref;
    },
  };
}
