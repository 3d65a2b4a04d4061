// Sign-up answers alike for new and taken addresses (docs/decisions/0013-signup-answers-alike.md):
// the account exists once the mailed link is followed. Browser tests that need a fresh citizen
// do what the citizen does — sign up, read the link from the kept mail, follow it.

async function adminCookie(baseUrl: string): Promise<string> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@demo.plaza.test', password: 'demo-plaza-2026' }),
  });
  if (login.status !== 200) throw new Error(`admin sign-in failed: ${login.status}`);
  return (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

export interface SignedUpCitizen {
  /** `name=value` of the session cookie. */
  cookie: string;
  csrfToken: string;
  user: { id: string; locale: string };
}

/**
 * Signs a citizen up through the API with `headers` (e.g. `accept-language`), then finishes with
 * the link mailed to them (whatever language the mail is in), and answers their session.
 */
export async function signUpByMail(
  baseUrl: string,
  account: { name: string; email: string; password: string },
  headers: Record<string, string> = {},
): Promise<SignedUpCitizen> {
  const signup = await fetch(`${baseUrl}/api/v1/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ ...account, consent: true }),
  });
  if (signup.status !== 202) throw new Error(`sign-up of ${account.email} failed: ${signup.status} ${await signup.text()}`);
  const cookie = await adminCookie(baseUrl);
  for (let tries = 0; tries < 150; tries += 1) {
    if (tries) await new Promise((resolve) => setTimeout(resolve, 100));
    const list = await fetch(`${baseUrl}/api/v1/admin/mail?to=${encodeURIComponent(account.email)}&limit=5`, { headers: { cookie } });
    if (list.status !== 200) throw new Error(`mail preview failed: ${list.status}`);
    const token = ((await list.json()) as Array<{ text: string }>)
      .map((mail) => /token=([A-Za-z0-9_-]{43})/.exec(mail.text)?.[1])
      .find(Boolean);
    if (!token) continue;
    const verified = await fetch(`${baseUrl}/api/v1/auth/email-link/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    if (verified.status !== 200) throw new Error(`finishing the sign-up of ${account.email} failed: ${verified.status}`);
    const session = (await verified.json()) as { csrfToken: string; user: { id: string; locale: string } };
    return { cookie: (verified.headers.get('set-cookie') ?? '').split(';')[0] ?? '', csrfToken: session.csrfToken, user: session.user };
  }
  throw new Error(`no sign-up link mailed to ${account.email}`);
}
