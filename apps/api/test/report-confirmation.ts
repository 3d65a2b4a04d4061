// Anonymous reports wait for their reporter: these helpers follow the link mailed to them, as the reporter would.
import { DataSource } from 'typeorm';
import type { TestApp, TestResponse } from './create-test-app';

/** The confirmation token in the newest mail about report `ref` (its subject names the reference). */
export async function confirmationTokenFor(t: TestApp, ref: string): Promise<string> {
  const rows: Array<{ text: string }> = await t.app
    .get(DataSource)
    .query(`SELECT text_body AS text FROM mail_messages WHERE subject LIKE '%' || $1 ORDER BY created_at DESC LIMIT 1`, [ref]);
  const match = /\/confirm\/([A-Za-z0-9_-]{43})\b/.exec(rows[0]?.text ?? '');
  if (!match?.[1]) throw new Error(`No confirmation mail for ${ref}`);
  return match[1];
}

export function confirmReport(t: TestApp, token: string): Promise<TestResponse> {
  return t.inject({ method: 'POST', url: `/api/v1/reports/confirm/${token}` });
}

/** Follows the link mailed for `ref`; throws unless the report is confirmed now. */
export async function confirmByMail(t: TestApp, ref: string): Promise<void> {
  const response = await confirmReport(t, await confirmationTokenFor(t, ref));
  if (response.statusCode !== 200) throw new Error(`Confirming ${ref} failed: ${response.statusCode} ${response.body}`);
}
