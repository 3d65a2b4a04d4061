// Shared by the case (moderation console) integration tests: reports to work on, and short calls.
import { DataSource } from 'typeorm';
import type { TestApp, TestResponse } from './create-test-app';
import { confirmByMail } from './report-confirmation';
import { withSession, type TestSession } from './sessions';

export const CHAMBERI = { lat: 40.4345, lon: -3.7038 };
/** Puerta del Sol, Centro: graffiti there is routed to the street-furniture team by a routing rule. */
export const SOL = { lat: 40.4169, lon: -3.7035 };

export function citizenReport(overrides: Record<string, unknown> = {}) {
  return {
    category: 'limpieza',
    title: 'Acera sucia junto al mercado',
    description: 'Restos de basura desde hace días delante del portal.',
    ...CHAMBERI,
    address: 'Calle de Santa Engracia, 20',
    reporter: { name: 'Lucía Pérez', email: 'lucia@example.org', phone: '+34 600 111 222', showName: false },
    consent: true,
    ...overrides,
  };
}

/**
 * Files a report through the public form, as an anonymous citizen would, and follows the
 * confirmation link mailed to them (without it the report reaches nobody); answers its reference.
 */
export async function fileReport(t: TestApp, overrides: Record<string, unknown> = {}): Promise<string> {
  const response = await t.inject({ method: 'POST', url: '/api/v1/reports', payload: citizenReport(overrides) });
  if (response.statusCode !== 201) throw new Error(`Filing failed: ${response.statusCode} ${response.body}`);
  const ref: string = response.json().properties.ref;
  await confirmByMail(t, ref);
  return ref;
}

export function call(
  t: TestApp,
  session: TestSession | null,
  method: string,
  url: string,
  payload?: unknown,
): Promise<TestResponse> {
  return t.inject({ method, url, headers: withSession(session), ...(payload === undefined ? {} : { payload }) });
}

export const caseUrl = (ref: string, tail = '') => `/api/v1/staff/cases/${ref}${tail}`;

export function expectProblem(response: TestResponse, status: number, field?: string): void {
  expect({ status: response.statusCode, type: response.headers['content-type'] }).toEqual({
    status,
    type: expect.stringContaining('application/problem+json'),
  });
  if (field) expect(response.json().errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
}

export async function departmentId(t: TestApp, code: string): Promise<string> {
  const [row] = await t.app.get(DataSource).query(`SELECT id FROM departments WHERE code = $1`, [code]);
  return row.id;
}

export async function auditActions(t: TestApp, ref: string): Promise<string[]> {
  const rows: Array<{ action: string }> = await t.app
    .get(DataSource)
    .query(`SELECT action FROM audit_log WHERE entity_type = 'report' AND entity_id = $1 ORDER BY seq`, [ref]);
  return rows.map((r) => r.action);
}
