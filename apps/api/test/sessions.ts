// Signing in from the integration tests: the demo accounts, a session's cookie and CSRF token.
import { OutboxWorker } from '@plaza/api/outbox';
import { DEMO_PASSWORD, seedDemoAccounts } from '@plaza/api/seed';
import { SESSION_COOKIE, type SessionUser } from '@plaza/shared/contracts';
import { DataSource } from 'typeorm';
import type { TestApp, TestResponse } from './create-test-app';

export { DEMO_PASSWORD };

export const DEMO = {
  admin: 'admin@demo.plaza.test',
  manager: 'gestora@demo.plaza.test',
  cleaningStaff: 'limpieza@demo.plaza.test',
  lightingStaff: 'alumbrado@demo.plaza.test',
  citizen: 'vecina@demo.plaza.test',
  englishCitizen: 'vecino@demo.plaza.test',
} as const;

export interface TestSession {
  /** `plaza_session=…`, ready for a Cookie header. */
  cookie: string;
  csrf: string;
  user: SessionUser;
}

/** The demo accounts of every role (scrypt makes this take about a second: once per file). */
export async function seedAccounts(t: TestApp): Promise<void> {
  await t.app.get(DataSource).transaction((manager) => seedDemoAccounts(manager));
}

export function sessionCookieOf(response: TestResponse): string | null {
  const header = response.headers['set-cookie'] ?? '';
  const match = new RegExp(`${SESSION_COOKIE}=([^;]*)`).exec(header);
  return match?.[1] ? `${SESSION_COOKIE}=${match[1]}` : null;
}

export async function signIn(
  t: TestApp,
  email: string,
  password: string = DEMO_PASSWORD,
): Promise<TestSession> {
  const response = await t.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
  });
  if (response.statusCode !== 200)
    throw new Error(`Sign-in as ${email} failed: ${response.statusCode} ${response.body}`);
  const cookie = sessionCookieOf(response);
  if (!cookie) throw new Error('No session cookie');
  const view = response.json();
  return { cookie, csrf: view.csrfToken, user: view.user };
}

/** Headers of a request made with the session: the cookie, and the CSRF token for unsafe methods. */
export function withSession(
  session: TestSession | null,
  extra: Record<string, string> = {},
): Record<string, string> {
  if (!session) return extra;
  return { cookie: session.cookie, 'x-csrf-token': session.csrf, ...extra };
}

/**
 * A citizen signs up as a person does: the form answers 202 whatever the address, the outbox
 * worker mails the link that finishes the sign-up, and following it opens the first session.
 */
export async function signUp(
  t: TestApp,
  account: { name: string; email: string; password?: string; locale?: string },
  headers: Record<string, string> = {},
): Promise<TestSession> {
  const response = await t.inject({
    method: 'POST',
    url: '/api/v1/auth/signup',
    headers,
    payload: { name: account.name, email: account.email, password: account.password ?? 'una contraseña bastante larga', consent: true, ...(account.locale ? { locale: account.locale } : {}) },
  });
  if (response.statusCode !== 202) throw new Error(`Sign-up of ${account.email} failed: ${response.statusCode} ${response.body}`);
  const verified = await t.inject({ method: 'POST', url: '/api/v1/auth/email-link/verify', payload: { token: await mailedLinkToken(t, account.email) } });
  if (verified.statusCode !== 200) throw new Error(`Finishing the sign-up of ${account.email} failed: ${verified.statusCode} ${verified.body}`);
  const cookie = sessionCookieOf(verified);
  if (!cookie) throw new Error('No session cookie');
  return { cookie, csrf: verified.json().csrfToken, user: verified.json().user };
}

/** The token of the last link mailed to an address, after the outbox worker's round. */
export async function mailedLinkToken(t: TestApp, email: string): Promise<string> {
  await t.app.get(OutboxWorker).runOnce();
  const [row] = await t.app
    .get(DataSource)
    .query(`SELECT text_body FROM mail_messages WHERE lower(to_address) = lower($1) ORDER BY created_at DESC LIMIT 1`, [email]);
  const token = /token=([A-Za-z0-9_-]{43})/.exec(row?.text_body ?? '')?.[1];
  if (!token) throw new Error(`No link mailed to ${email}`);
  return token;
}
