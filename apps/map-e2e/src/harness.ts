// One Plaza server and one Chromium per spec file, a fresh isolated context per test.
import { afterAll, beforeAll, expect } from '@jest/globals';
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

export interface Plaza {
  baseUrl(): string;
  /** Runs a test in its own context; fails it on any uncaught page error. */
  withPage(options: BrowserContextOptions, run: (ctx: IsolatedContext) => Promise<void>): Promise<void>;
}

/**
 * Call at the top of a describe block: starts the server and the browser before its tests.
 * `env` adds or overrides the server's configuration (e.g. PUBLIC_URL: '' for development).
 */
export function usePlaza(options: { env?: Record<string, string> } = {}): Plaza {
  let server: PlazaServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    const started = Date.now();
    // Both start in parallel; whichever succeeds is kept so afterAll can always close it.
    const [plaza, chromium] = await Promise.allSettled([startPlaza(options), launchBrowser()]);
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

  const baseUrl = () => {
    if (!server) throw new Error('the Plaza server did not start');
    return server.baseUrl;
  };

  return {
    baseUrl,
    async withPage(options, run) {
      if (!browser) throw new Error('Chromium did not start');
      const ctx = await openPage(browser, baseUrl(), options);
      ctx.context.setDefaultTimeout(15_000);
      try {
        await run(ctx);
        expect(ctx.pageErrors).toEqual([]);
      } finally {
        await ctx.context.close();
      }
    },
  };
}

export const PHONE: BrowserContextOptions = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

/** Collects axe findings for several states of a page and fails once, with every report. */
export function axeAudit(page: Page) {
  const reports: string[] = [];
  let failed = false;
  return {
    async check(label: string): Promise<void> {
      const findings = await seriousAxeViolations(page);
      failed ||= findings.length > 0;
      reports.push(formatAxe(label, findings));
    },
    assertClean(): void {
      if (failed) throw new Error(reports.join('\n\n'));
    },
  };
}

/** What has focus, described the way a test can compare it. */
export function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const rect = el?.getBoundingClientRect();
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      id: el?.id ?? '',
      role: el?.getAttribute('role') ?? '',
      type: el?.getAttribute('type') ?? '',
      name: (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim(),
      visible: Boolean(rect && rect.width > 0 && rect.bottom > 0 && rect.top < window.innerHeight),
    };
  });
}

/** Presses Tab until the focused element matches, as a keyboard user would; fails after `max` presses. */
export async function tabTo(page: Page, matches: (el: Awaited<ReturnType<typeof focused>>) => boolean, max = 60): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    const el = await focused(page);
    if (matches(el)) {
      // Focus must be visible; a map marker focused off screen is first panned into view (Leaflet's autoPanOnFocus).
      await page.waitForFunction(
        () => {
          const rect = document.activeElement?.getBoundingClientRect();
          return Boolean(rect && rect.width > 0 && rect.bottom > 0 && rect.top < window.innerHeight && rect.right > 0 && rect.left < window.innerWidth);
        },
        null,
        { timeout: 2_000 },
      );
      return;
    }
  }
  throw new Error(`Tab did not reach the element within ${max} presses (last: ${JSON.stringify(await focused(page))})`);
}

/**
 * The newest mail to `to` whose subject matches, read as an administrator would on the mail
 * preview (through the API); waits briefly, since the outbox worker writes some mail just after
 * the request that caused it has answered.
 */
export async function waitForMail(baseUrl: string, to: string, subject: RegExp): Promise<{ subject: string; text: string }> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@demo.plaza.test', password: 'demo-plaza-2026' }),
  });
  expect(login.status).toBe(200);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  for (let tries = 0; tries < 100; tries += 1) {
    if (tries) await new Promise((resolve) => setTimeout(resolve, 100));
    const list = await fetch(`${baseUrl}/api/v1/admin/mail?to=${encodeURIComponent(to)}&limit=5`, { headers: { cookie } });
    expect(list.status).toBe(200);
    const found = ((await list.json()) as Array<{ subject: string; text: string }>).find((mail) => subject.test(mail.subject));
    if (found) return found;
  }
  throw new Error(`no mail to ${to} with a subject like ${subject}`);
}

/**
 * Signs a new citizen up in the page's browser context as a person does: the form's request
 * (always 202), then the link mailed to finish the sign-up. Answers the session's CSRF token.
 */
export async function signUpInPage(page: Page, baseUrl: string, account: { name: string; email: string; password: string }): Promise<string> {
  const signup = await page.request.post('/api/v1/auth/signup', { data: { ...account, consent: true } });
  expect(signup.status()).toBe(202);
  const mail = await waitForMail(baseUrl, account.email, /terminar de crear tu cuenta/);
  const token = /token=([A-Za-z0-9_-]{43})/.exec(mail.text)?.[1];
  if (!token) throw new Error(`no link in: ${mail.text}`);
  const verified = await page.request.post('/api/v1/auth/email-link/verify', { data: { token } });
  expect(verified.status()).toBe(200);
  return ((await verified.json()) as { csrfToken: string }).csrfToken;
}
