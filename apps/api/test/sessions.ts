// Signing in from the integration tests: the demo accounts, a session's cookie and CSRF token.
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
