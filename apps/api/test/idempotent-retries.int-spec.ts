import { citizenReport, expectProblem } from './cases-fixtures';
import { createTestApp, type TestApp } from './create-test-app';

// Issue 12: a client retrying after a network error (same Idempotency-Key, same body) gets its
// report back; the retry must not use up the filing limits or be asked for a proof of work.
describe('retries with the same Idempotency-Key do not count against the limits (integration)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({
      ABUSE_CHALLENGE_AFTER: '3',
      ABUSE_REPORTS_PER_IP_HOUR: '10',
      ABUSE_REPORTS_PER_EMAIL_HOUR: '3',
      ABUSE_CHALLENGE_MAX_NUMBER: '2000',
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  const reporter = { reporter: { name: 'Rosa', email: 'rosa@example.org', showName: false } };
  const file = (key: string, title: string) =>
    t.inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: citizenReport({ ...reporter, title }),
      headers: { 'idempotency-key': key },
    });

  it('replays the accepted report to every retry, then counts only new reports', async () => {
    const first = await file('retry-key-1', 'Farola apagada en la esquina');
    expect(first.statusCode).toBe(201);
    const ref: string = first.json().properties.ref;

    // Eight retries: more than the proof-of-work threshold (3) and the per-address limit (3).
    for (let i = 0; i < 8; i++) {
      const retry = await file('retry-key-1', 'Farola apagada en la esquina');
      expect({ attempt: i, status: retry.statusCode, replayed: retry.headers['idempotent-replayed'] }).toEqual({
        attempt: i,
        status: 201,
        replayed: 'true',
      });
      expect(retry.json().properties.ref).toBe(ref);
    }

    // Two new reports still go through without a proof of work: the retries cost nothing.
    expect((await file('retry-key-2', 'Papelera rota en el parque')).statusCode).toBe(201);
    expect((await file('retry-key-3', 'Bache en el paso de cebra')).statusCode).toBe(201);

    // The limits themselves still hold for new reports: the fourth asks for a proof of work.
    const fourth = await file('retry-key-4', 'Pintada en la fachada');
    expectProblem(fourth, 428);

    // …while a retry of an accepted report is still answered with it, not locked out.
    const late = await file('retry-key-2', 'Papelera rota en el parque');
    expect(late.statusCode).toBe(201);
    expect(late.headers['idempotent-replayed']).toBe('true');

    // A different body under a used key is refused as before, and is no way around the limits.
    expectProblem(await file('retry-key-1', 'Otra cosa distinta'), 422, 'Idempotency-Key');
  });
});
