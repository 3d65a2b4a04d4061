// Anonymous reports wait for their reporter's email confirmation: the browser tests read the
// link from the kept mail, as the admin's mail preview shows it, and follow it like the reporter.

async function adminCookie(baseUrl: string): Promise<string> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@demo.plaza.test', password: 'demo-plaza-2026' }),
  });
  if (login.status !== 200) throw new Error(`admin sign-in failed: ${login.status}`);
  return (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

/** Kept mails whose subject names report `ref`, newest first. */
export async function confirmationMailsFor(baseUrl: string, ref: string): Promise<Array<{ to: string; subject: string; text: string }>> {
  const list = await fetch(`${baseUrl}/api/v1/admin/mail?limit=500`, { headers: { cookie: await adminCookie(baseUrl) } });
  if (list.status !== 200) throw new Error(`mail preview failed: ${list.status}`);
  const messages = (await list.json()) as Array<{ to: string; subject: string; text: string }>;
  return messages.filter((m) => m.subject.endsWith(` ${ref}`));
}

/** The confirmation link mailed for report `ref` (`http…/confirm/<token>?lang=<mail's language>`). */
export async function confirmationLinkFor(baseUrl: string, ref: string): Promise<string> {
  const [mail] = await confirmationMailsFor(baseUrl, ref);
  const link = /https?:\/\/\S+\/confirm\/[A-Za-z0-9_-]{43}\?lang=(es|en|ca|eu|gl)/.exec(mail?.text ?? '')?.[0];
  if (!link) throw new Error(`no confirmation link mailed for ${ref}`);
  return link;
}

/** Confirms report `ref` through the API with the mailed token, as the map's /confirm page does. */
export async function confirmReportByMail(baseUrl: string, ref: string): Promise<void> {
  const token = new URL(await confirmationLinkFor(baseUrl, ref)).pathname.split('/').pop() ?? '';
  const response = await fetch(`${baseUrl}/api/v1/reports/confirm/${token}`, { method: 'POST' });
  if (response.status !== 200) throw new Error(`confirming ${ref} failed: ${response.status} ${await response.text()}`);
}
