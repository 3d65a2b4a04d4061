// Reliable delivery, the staff side, in Chromium: the built Plaza delivers through a real SMTP
// server started here, which refuses two demo residents' mailboxes. Their sign-in links fail; the
// community manager finds them on the Deliveries page, retries one (the server now accepts it)
// and dismisses the other through the confirmation dialog, by keyboard.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { freePort, launchBrowser, openPage, startPlaza, type IsolatedContext, type PlazaServer } from '@plaza/e2e/support';
import { axeCollector, focused, heading1, signInWithPassword, statusWith } from './console-helpers';

const MANAGER = 'gestora@demo.plaza.test';
const RETRIED = 'vecino@demo.plaza.test';
const DISMISSED = 'vecina@demo.plaza.test';

let server: PlazaServer | undefined;
let browser: Browser | undefined;
let manager: IsolatedContext | undefined;
let smtp: SMTPServer | undefined;
const refused = new Set<string>([RETRIED, DISMISSED]);
const accepted: string[] = [];

function baseUrl(): string {
  if (!server) throw new Error('the Plaza server did not start');
  return server.baseUrl;
}

async function startSmtp(): Promise<number> {
  const port = await freePort();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    closeTimeout: 100,
    onRcptTo: (address, _session, callback) =>
      refused.has(address.address) ? callback(Object.assign(new Error('No such mailbox'), { responseCode: 550 })) : callback(),
    onData: (stream, session, callback) => {
      stream.resume();
      stream.on('end', () => {
        accepted.push(...session.envelope.rcptTo.map((to) => to.address));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp!.listen(port, '127.0.0.1', () => resolve()));
  return port;
}

/** Asks for a sign-in link for `email`: a mail the SMTP server is about to refuse. */
async function requestLink(email: string): Promise<void> {
  const response = await fetch(`${baseUrl()}/api/v1/auth/email-link`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ email }),
  });
  expect(response.status).toBeLessThan(300);
}

async function managerPage(): Promise<Page> {
  if (!manager) {
    if (!browser) throw new Error('Chromium did not start');
    manager = await openPage(browser, baseUrl());
    manager.context.setDefaultTimeout(15_000);
    await manager.page.goto('/console/signin');
    await signInWithPassword(manager.page, MANAGER);
    await manager.page.waitForURL((url) => !url.pathname.startsWith('/console/signin'));
  }
  return manager.page;
}

/** The row of a delivery, found by its row header (the recipient); reloads until the worker has failed it. */
async function rowOf(page: Page, email: string) {
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(email.replace(/\./g, '\\.')) }) });
  for (let i = 0; i < 20 && (await row.count()) === 0; i += 1) {
    await page.waitForTimeout(500);
    await page.reload();
    await heading1(page, 'Envíos con problemas').waitFor();
  }
  return row;
}

describe('the Deliveries page (Chromium)', () => {
  beforeAll(async () => {
    const smtpPort = await startSmtp();
    const [plaza, chromium] = await Promise.allSettled([
      startPlaza({ env: { SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, MAIL_FROM: 'Plaza <avisos@plaza.test>' } }),
      launchBrowser(),
    ]);
    if (plaza.status === 'fulfilled') server = plaza.value;
    if (chromium.status === 'fulfilled') browser = chromium.value;
    if (plaza.status === 'rejected') throw plaza.reason;
    if (chromium.status === 'rejected') throw chromium.reason;
    await requestLink(RETRIED);
    await requestLink(DISMISSED);
  }, 120_000);

  afterAll(async () => {
    await manager?.context.close().catch(() => undefined);
    await Promise.allSettled([browser?.close(), server?.stop()]);
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  });

  it('the manager reaches the page by keyboard and sees both failures with their recipient, attempts and error', async () => {
    const page = await managerPage();
    const axe = axeCollector(page);
    await page.goto('/console/');
    const link = page.getByRole('navigation', { name: 'Consola' }).getByRole('link', { name: 'Envíos' });
    await link.focus();
    await page.keyboard.press('Enter');
    await heading1(page, 'Envíos con problemas').waitFor();
    await expect(focused(page)).resolves.toMatchObject({ tag: 'h1', text: 'Envíos con problemas' });

    for (const email of [RETRIED, DISMISSED]) {
      const row = await rowOf(page, email);
      await expect(row.count()).resolves.toBe(1);
      await expect(row.getByRole('cell').allInnerTexts()).resolves.toEqual(
        expect.arrayContaining(['Correo', 'Fallido', '1', expect.stringMatching(/550|mailbox/i)]),
      );
    }
    await axe.check('deliveries page with two failures');
    axe.assert();
  });

  it('retries a failure: the SMTP server now accepts it and it leaves the list', async () => {
    const page = await managerPage();
    refused.delete(RETRIED);
    const row = await rowOf(page, RETRIED);
    await row.getByRole('button', { name: `Reintentar el envío a ${RETRIED}` }).click();
    await statusWith(page, `El envío a ${RETRIED} se reintentará ahora.`).waitFor();
    for (let i = 0; i < 20 && !accepted.includes(RETRIED); i += 1) await page.waitForTimeout(250);
    expect(accepted.filter((to) => to === RETRIED)).toHaveLength(1);
    await page.reload();
    await heading1(page, 'Envíos con problemas').waitFor();
    await expect(page.getByRole('rowheader', { name: new RegExp(RETRIED.replace(/\./g, '\\.')) }).count()).resolves.toBe(0);
  });

  it('dismisses a failure through the confirmation dialog, by keyboard, and it is never sent', async () => {
    const page = await managerPage();
    const axe = axeCollector(page);
    const row = await rowOf(page, DISMISSED);
    await row.getByRole('button', { name: `Descartar el envío a ${DISMISSED}` }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: '¿Descartar este envío?' });
    await dialog.waitFor();
    await axe.check('dismiss dialog');
    await dialog.getByRole('button', { name: 'Descartar' }).focus();
    await page.keyboard.press('Enter');
    await statusWith(page, `Envío a ${DISMISSED} descartado.`).waitFor();
    // The list reloads after the dialog closes.
    await page.getByRole('rowheader', { name: new RegExp(DISMISSED.replace(/\./g, '\\.')) }).waitFor({ state: 'detached' });
    refused.delete(DISMISSED);
    await page.waitForTimeout(500);
    expect(accepted).not.toContain(DISMISSED);
    await axe.check('deliveries page after dismissing');
    axe.assert();
  });

  it('is not offered to department staff', async () => {
    if (!browser) throw new Error('Chromium did not start');
    const staff = await openPage(browser, baseUrl());
    try {
      await staff.page.goto('/console/signin');
      await signInWithPassword(staff.page, 'limpieza@demo.plaza.test');
      await staff.page.waitForURL((url) => !url.pathname.startsWith('/console/signin'));
      await expect(staff.page.getByRole('navigation', { name: 'Consola' }).getByRole('link', { name: 'Envíos' }).count()).resolves.toBe(0);
    } finally {
      await staff.context.close();
    }
  });
});
