import { jest } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { IdempotencyKeyTaken, ReportFilingRepository, type Filing } from './report-filing.repository';

// The filing statement, snapshotted like the map's hot-path SQL (hot-path-sql.spec.ts): a review
// sees every change to what one filing runs. Run with `-u` after a deliberate change.

const filing: Filing = {
  title: 'Farola apagada',
  description: 'Lleva dos noches sin luz.',
  categoryCode: 'farola',
  lon: -3.7035,
  lat: 40.4169,
  address: null,
  screeningHold: null,
  reporterName: 'Ana',
  reporterEmail: 'ana@example.org',
  reporterPhone: null,
  reporterShowName: false,
  source: 'web',
  reporterUserId: null,
  reporterLocale: 'es',
  confirmation: { tokenHash: 'a'.repeat(64), ttlHours: 72 },
  idempotency: { scope: 'reports.create:anon:x', key: 'k-1', requestHash: 'h', mode: 'insert' },
  consent: { channel: 'web', noticeLocale: 'es', noticeVersion: '0123456789abcdef' },
  mail: { channel: 'email', payload: '{"template":"report-confirmation","to":"ana@example.org"}', priority: 0, now: new Date('2026-12-03T00:00:00Z'), cap: 5 },
  withTimelineEntry: false,
  locale: 'es',
};
const filedRow = { ord: 0, categoryFound: true, id: '7', ref: '2026-000007', status: 'confirmed', feature: { type: 'Feature' }, eventId: null, outboxId: 'o-1', outboxKey: 'report-confirmation:7', outboxPayload: { template: 'report-confirmation', ref: '2026-000007' } };

function fakeDataSource(prepared: (config: { name: string; text: string; values: unknown[] }) => Promise<{ rows: unknown[] }>, poolSize = 10) {
  const query = jest.fn(async (_sql: string, _values: unknown[]) => [filedRow]);
  const master = { query: jest.fn(prepared) };
  return { db: { query, driver: { master }, options: { poolSize } } as unknown as DataSource, query, master };
}
const pgError = (code: string, constraint?: string) => Object.assign(new Error(code), { code, constraint });

describe('ReportFilingRepository', () => {
  it('runs one named prepared statement and answers the filed report', async () => {
    const { db, master, query } = fakeDataSource(async () => ({ rows: [filedRow] }));
    const outcome = await new ReportFilingRepository(db).file(filing);
    expect(outcome).toEqual({
      kind: 'filed', id: '7', ref: '2026-000007', status: 'confirmed', feature: { type: 'Feature' }, eventId: null,
      outbox: { id: 'o-1', dedupeKey: 'report-confirmation:7', payload: { template: 'report-confirmation', ref: '2026-000007' } },
    });
    expect(query).not.toHaveBeenCalled();
    const [config] = master.query.mock.calls[0]!;
    expect(config.name).toMatch(/^plaza_[0-9a-f]{16}$/);
    // One JSON parameter: the filings of the batch, here one.
    expect(config.values).toHaveLength(1);
    expect(JSON.parse(config.values[0] as string)).toEqual([expect.objectContaining({ ord: 0, title: 'Farola apagada', key: 'k-1', mail_at: '2026-12-03T00:00:00.000Z' })]);
    expect(config.text.replace(/[ \t]+$/gm, '')).toMatchSnapshot();
  });

  it('tells an unknown category from a place outside every area', async () => {
    const unknown = fakeDataSource(async () => ({ rows: [{ ...filedRow, categoryFound: false, id: null, ref: null, status: null, feature: null }] }));
    expect(await new ReportFilingRepository(unknown.db).file(filing)).toEqual({ kind: 'unknown_category' });
    const outside = fakeDataSource(async () => ({ rows: [{ ...filedRow, id: null, ref: null, status: null, feature: null }] }));
    expect(await new ReportFilingRepository(outside.db).file(filing)).toEqual({ kind: 'outside_areas' });
  });

  it('turns a collision on the idempotency key into IdempotencyKeyTaken, and any other error into itself', async () => {
    const taken = fakeDataSource(async () => Promise.reject(pgError('23505', 'idempotency_keys_pkey')));
    await expect(new ReportFilingRepository(taken.db).file(filing)).rejects.toBeInstanceOf(IdempotencyKeyTaken);
    const otherUnique = fakeDataSource(async () => Promise.reject(pgError('23505', 'reports_ref_key')));
    await expect(new ReportFilingRepository(otherUnique.db).file(filing)).rejects.toMatchObject({ code: '23505', constraint: 'reports_ref_key' });
  });

  it('gathers filings made in one turn into one statement, sorted by address, each answered its own row', async () => {
    const { db, master } = fakeDataSource(async ({ values }) => {
      const records = JSON.parse(values[0] as string) as Array<{ ord: number; reporter_email: string }>;
      return { rows: records.map((r) => ({ ...filedRow, ord: r.ord, id: r.reporter_email, ref: r.reporter_email })) };
    });
    const repo = new ReportFilingRepository(db);
    const emails = ['c@example.org', 'a@example.org', 'b@example.org'];
    const outcomes = await Promise.all(emails.map((reporterEmail) => repo.file({ ...filing, reporterEmail })));
    expect(outcomes.map((o) => o.kind === 'filed' && o.ref)).toEqual(emails);
    expect(master.query).toHaveBeenCalledTimes(1);
    const records = JSON.parse(master.query.mock.calls[0]![0].values[0] as string) as Array<{ ord: number; reporter_email: string }>;
    // The addresses' advisory locks are taken in this order by every batch.
    expect(records.map((r) => [r.ord, r.reporter_email])).toEqual([[0, 'a@example.org'], [1, 'b@example.org'], [2, 'c@example.org']]);
  });

  it('sends the statement unnamed on a pool of one (the embedded PGlite)', async () => {
    const { db, master, query } = fakeDataSource(async () => ({ rows: [filedRow] }), 1);
    expect((await new ReportFilingRepository(db).file(filing)).kind).toBe('filed');
    expect(master.query).not.toHaveBeenCalled();
    expect(query).toHaveBeenCalledTimes(1);
  });
});
