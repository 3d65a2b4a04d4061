// Filing a report in one statement (docs/decisions/0015-write-path.md), as production runs it: mail
// through SMTP (the worker is off here, so the confirmation mails stay in the outbox to be read).
import { DataSource } from 'typeorm';
import { MailTemplates, mailOf, type OutgoingMail } from '@plaza/api/mail';
import { IdempotencyKeyTaken, ReportFilingRepository, type Filing } from '@plaza/api/reports';
import { createTestApp, type TestApp } from './create-test-app';
import { confirmReport } from './report-confirmation';

const SOL = { lat: 40.4169, lon: -3.7035 }; // Puerta del Sol, Centro
const report = (i: number, overrides: Record<string, unknown> = {}) => ({
  category: ['bache', 'farola', 'contenedor', 'acera'][i % 4],
  title: `Aviso de la ráfaga ${i}`,
  description: 'Presentado a la vez que otros muchos.',
  // Spread over a few hundred metres so that several map cells move.
  lat: SOL.lat + ((i * 7) % 40) / 10000,
  lon: SOL.lon + ((i * 11) % 40) / 10000,
  reporter: { name: `Vecina ${i}`, email: `rafaga-${i}@example.org`, showName: i % 2 === 0 },
  consent: true,
  ...overrides,
});

interface OutboxRow {
  dedupeKey: string;
  status: string;
  /** The mail's values (decision 0015): the worker renders the mail when it delivers it. */
  payload: Record<string, unknown>;
  /** The mail as the email channel delivers it. */
  mail: OutgoingMail;
}

describe('filing a report in one statement (integration, real PostGIS)', () => {
  let t: TestApp;
  let db: DataSource;
  const file = (body: unknown, headers: Record<string, string> = {}) => t.inject({ method: 'POST', url: '/api/v1/reports', payload: body, headers });
  const outboxFor = async (reportId: string): Promise<OutboxRow[]> => {
    const rows = await db.query<Array<Omit<OutboxRow, 'mail'>>>(`SELECT dedupe_key AS "dedupeKey", status, payload FROM outbox_messages WHERE dedupe_key = $1`, [`report-confirmation:${reportId}`]);
    return rows.map((row) => ({ ...row, mail: mailOf(row.payload, t.app.get(MailTemplates)) }));
  };
  const filings = () => t.app.get(ReportFilingRepository);
  const idOf = async (ref: string) => ((await db.query<Array<{ id: string }>>(`SELECT id::text AS id FROM reports WHERE ref = $1`, [ref]))[0]?.id ?? null);

  beforeAll(async () => {
    t = await createTestApp({ OUTBOX_WORKER: 'false', SMTP_URL: 'smtp://127.0.0.1:9', ABUSE_PENDING_CONFIRMATIONS_MAX: '3' });
    db = t.app.get(DataSource);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('writes the report, its consent, key and confirmation mail with the real reference, and answers the feature it stored', async () => {
    const created = await file(report(1, { address: 'Puerta del Sol, 1' }), { 'idempotency-key': 'one-statement-1' });
    expect(created.statusCode).toBe(201);
    const feature = created.json();
    const ref: string = feature.properties.ref;
    expect(feature).toMatchObject({ type: 'Feature', id: ref, awaitingConfirmation: true });
    expect(feature.properties).toMatchObject({ status: 'confirmed', area: 'Centro', category: 'farola', address: 'Puerta del Sol, 1', reporterName: null, supports: 0, photos: [] });
    const id = (await idOf(ref))!;

    const [mail] = await outboxFor(id);
    expect(mail?.status).toBe('pending');
    // The outbox keeps the mail's values, with the reference the statement gave the report.
    expect(mail?.payload).toMatchObject({ template: 'report-confirmation', to: 'rafaga-1@example.org', ref, moderated: false, locale: 'es', name: 'Vecina 1' });
    expect(mail?.mail.to).toBe('rafaga-1@example.org');
    expect(mail?.mail.subject).toBe(`Confirma tu aviso ${ref}`);
    expect(mail?.mail.text).toContain(ref);
    expect(mail?.mail.html).toContain(ref);
    const [key] = await db.query<Array<{ resourceId: string }>>(`SELECT resource_id::text AS "resourceId" FROM idempotency_keys WHERE key = 'one-statement-1'`);
    expect(key?.resourceId).toBe(id);
    const consent = await db.query<Array<{ channel: string }>>(`SELECT channel FROM consent_records WHERE report_id = $1`, [id]);
    expect(consent).toEqual([{ channel: 'web' }]);
    // Nothing on the timeline until the reporter confirms.
    expect(await db.query(`SELECT 1 FROM report_events WHERE report_id = $1`, [id])).toHaveLength(0);

    // The link in the mail files it; the public detail then shows what the answer said.
    const token = /\/confirm\/([A-Za-z0-9_-]{43})\b/.exec(mail!.mail.text)![1]!;
    expect((await confirmReport(t, token)).statusCode).toBe(200);
    const detail = (await t.inject({ method: 'GET', url: `/api/v1/reports/${ref}` })).json();
    const { timeline: _timeline, duplicateOf: _duplicateOf, photosProcessing: _processing, updatedAt: _updated, ...shown } = detail.properties;
    const { updatedAt: _answeredUpdated, ...answered } = feature.properties;
    expect(shown).toEqual(answered);
    expect(detail.geometry).toEqual(feature.geometry);
  });

  it('writes the moderated text of the mail when screening holds the report', async () => {
    const created = await file(report(2, { description: 'Llamadme al 612 345 678 para más detalles.' }));
    expect(created.statusCode).toBe(201);
    expect(created.json().properties.status).toBe('unconfirmed');
    const [mail] = await outboxFor((await idOf(created.json().properties.ref))!);
    expect(mail?.payload['moderated']).toBe(true);
    expect(mail?.mail.text).toContain('revisará');
  });

  it('refuses an unknown category or a place outside the city and writes nothing, not even the key', async () => {
    const unknown = await file(report(3, { category: 'no-such-category' }), { 'idempotency-key': 'refused-1' });
    expect(unknown.statusCode).toBeGreaterThanOrEqual(400);
    expect(unknown.statusCode).toBeLessThan(500);
    const outside = await file(report(4, { lat: 41.3874, lon: 2.1686 }), { 'idempotency-key': 'refused-2' });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().code).toBe('REPORT.OUTSIDE_AREAS');
    expect(await db.query(`SELECT 1 FROM idempotency_keys WHERE key LIKE 'refused-%'`)).toHaveLength(0);
    expect(await db.query(`SELECT 1 FROM reports WHERE reporter_email IN ('rafaga-3@example.org', 'rafaga-4@example.org')`)).toHaveLength(0);
  });

  it('gives each of a burst of concurrent filings its own report, and a refused one fails nobody else', async () => {
    const bodies = Array.from({ length: 40 }, (_, i) => (i % 10 === 9 ? report(100 + i, { lat: 41.3874, lon: 2.1686 }) : report(100 + i)));
    const before = { ...filings().batchStats };
    const answers = await Promise.all(bodies.map((body, i) => file(body, { 'idempotency-key': `burst-${i}` })));
    // Group commit (decision 0016): the burst shared statements, and none of them failed.
    const after = filings().batchStats;
    expect(after.items - before.items).toBe(40);
    expect(after.batches - before.batches).toBeLessThan(40);
    expect(after.fallbacks).toBe(before.fallbacks);
    const accepted = answers.filter((a) => a.statusCode === 201);
    expect(answers.filter((a) => a.statusCode === 422)).toHaveLength(4);
    expect(accepted).toHaveLength(36);
    const refs = accepted.map((a) => a.json().properties.ref as string);
    expect(new Set(refs).size).toBe(36);
    const stored = await db.query<Array<{ ref: string; title: string; mails: number }>>(
      `SELECT r.ref, r.title, (SELECT count(*)::int FROM outbox_messages o WHERE o.dedupe_key = 'report-confirmation:' || r.id) AS mails
         FROM reports r WHERE r.reporter_email LIKE 'rafaga-1__@example.org'`,
    );
    expect(stored.map((s) => s.ref).sort()).toEqual([...refs].sort());
    expect(stored.every((s) => s.mails === 1)).toBe(true);
    // Each answer is its own report, not a neighbour's.
    for (const a of accepted) expect(stored.find((s) => s.ref === a.json().properties.ref)?.title).toBe(a.json().properties.title);
  });

  it('runs every filing of a batch that failed again on its own: a reused key gets its own answer, the others are filed once', async () => {
    const first = await file(report(400), { 'idempotency-key': 'reused-1' });
    expect(first.statusCode).toBe(201);
    // Sent together: the reused key (same body: a replay; another body: 422) makes the batch's
    // statement fail as a whole, and each filing is then run alone.
    const answers = await Promise.all([
      file(report(400), { 'idempotency-key': 'reused-1' }),
      file(report(401, { description: 'Otra descripción del mismo sitio.' }), { 'idempotency-key': 'reused-1' }),
      ...[402, 403, 404, 405].map((i) => file(report(i), { 'idempotency-key': `fresh-${i}` })),
    ]);
    expect(answers[0]!.statusCode).toBe(201);
    expect(answers[0]!.headers['idempotent-replayed']).toBe('true');
    expect(answers[0]!.json().properties.ref).toBe(first.json().properties.ref);
    expect(answers[1]!.statusCode).toBe(422);
    expect(answers[1]!.json().code).toBe('IDEMPOTENCY.KEY_REUSED');
    expect(answers.slice(2).map((a) => a.statusCode)).toEqual([201, 201, 201, 201]);
    const stored = await db.query<Array<{ email: string; n: number }>>(
      `SELECT reporter_email AS email, count(*)::int AS n FROM reports WHERE reporter_email ~ '^rafaga-40[0-5]@' GROUP BY 1 ORDER BY 1`,
    );
    expect(stored).toEqual(['rafaga-400@example.org', 'rafaga-402@example.org', 'rafaga-403@example.org', 'rafaga-404@example.org', 'rafaga-405@example.org'].map((email) => ({ email, n: 1 })));
  });

  it('sends filings that arrive together as one statement, and a batch that fails as each filing alone', async () => {
    const filing = (i: number, key: string): Filing => ({
      title: `Lote ${i}`, description: 'Presentado en lote.', categoryCode: 'farola', lon: SOL.lon, lat: SOL.lat, address: null,
      screeningHold: null, reporterName: `Lote ${i}`, reporterEmail: `lote-${i}@example.org`, reporterPhone: null, reporterShowName: false,
      source: 'web', reporterUserId: null, reporterLocale: 'es', confirmation: { tokenHash: `${i}`.padStart(64, '0'), ttlHours: 72 },
      idempotency: { scope: 'test:batch', key, requestHash: `h-${i}`, mode: 'insert' },
      consent: { channel: 'web', noticeLocale: 'es', noticeVersion: '0123456789abcdef' }, mail: null, withTimelineEntry: false, locale: 'es',
    });
    const repo = filings();
    let before = { ...repo.batchStats };
    // Submitted in one turn of the event loop: one statement for the five, in their order.
    const five = await Promise.all([1, 2, 3, 4, 5].map((i) => repo.file(filing(i, `lote-${i}`))));
    expect(repo.batchStats).toEqual({ batches: before.batches + 1, items: before.items + 5, fallbacks: before.fallbacks });
    expect(five.map((o) => o.kind === 'filed' && (o.feature.properties as { title: string }).title)).toEqual(['Lote 1', 'Lote 2', 'Lote 3', 'Lote 4', 'Lote 5']);

    // One key already used: the batch's statement fails, each filing runs alone, and only that one fails.
    before = { ...repo.batchStats };
    const settled = await Promise.allSettled([6, 7, 8].map((i) => repo.file(filing(i, i === 7 ? 'lote-1' : `lote-${i}`))));
    expect(repo.batchStats.fallbacks).toBe(before.fallbacks + 1);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((settled[1] as PromiseRejectedResult).reason).toBeInstanceOf(IdempotencyKeyTaken);
    const stored = await db.query<Array<{ title: string }>>(`SELECT title FROM reports WHERE reporter_email LIKE 'lote-%' ORDER BY title`);
    expect(stored.map((r) => r.title)).toEqual(['Lote 1', 'Lote 2', 'Lote 3', 'Lote 4', 'Lote 5', 'Lote 6', 'Lote 8']);
  });

  it('keeps the map cells, their totals and the statistics exact after a burst, as a rebuild from scratch computes them', async () => {
    // Confirm every pending burst report at once: each becomes filed (and counted) concurrently.
    const pending = await db.query<Array<{ text: string }>>(
      `SELECT o.payload ->> 'url' AS text FROM outbox_messages o JOIN reports r ON o.dedupe_key = 'report-confirmation:' || r.id
        WHERE r.reporter_email LIKE 'rafaga-1__@example.org' AND r.confirmation_pending_since IS NOT NULL`,
    );
    expect(pending.length).toBe(36);
    const confirmed = await Promise.all(pending.map((p) => confirmReport(t, /\/confirm\/([A-Za-z0-9_-]{43})\b/.exec(p.text)![1]!)));
    expect(confirmed.every((c) => c.statusCode === 200)).toBe(true);

    const cells = `SELECT zoom, cx, cy, category_id, status, n FROM report_map_cells ORDER BY 1, 2, 3, 4, 5`;
    const totals = `SELECT zoom, cx, cy, n, min_x, min_y, max_x, max_y FROM report_map_totals ORDER BY 1, 2, 3`;
    const facts = `SELECT report_id, status FROM stats_report_facts ORDER BY 1`;
    const [cellsBefore, totalsBefore, factsBefore] = [await db.query(cells), await db.query(totals), await db.query(facts)];
    expect(cellsBefore.length).toBeGreaterThan(0);
    await db.transaction(async (m) => {
      await m.query(`SELECT plaza_map_cells_rebuild()`);
      await m.query(`SELECT plaza_stats_rebuild()`);
    });
    expect(await db.query(cells)).toEqual(cellsBefore);
    expect(await db.query(totals)).toEqual(totalsBefore);
    expect(await db.query(facts)).toEqual(factsBefore);
  });

  it('caps pending confirmation mails per address exactly under concurrent filings', async () => {
    const same = { name: 'Misma Persona', email: 'misma@example.org', showName: false };
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => file(report(200 + i, { reporter: same }))));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(10).fill(201));
    const [counts] = await db.query<Array<{ mailed: number; held: number; mails: number }>>(
      `SELECT count(*) FILTER (WHERE confirmation_mailed)::int AS mailed, count(*) FILTER (WHERE NOT confirmation_mailed)::int AS held,
              (SELECT count(*)::int FROM outbox_messages o JOIN reports r2 ON o.dedupe_key = 'report-confirmation:' || r2.id
                WHERE r2.reporter_email = 'misma@example.org') AS mails
         FROM reports WHERE reporter_email = 'misma@example.org'`,
    );
    expect(counts).toEqual({ mailed: 3, held: 7, mails: 3 });
  });

  it('answers concurrent twins with one key with one report, and a key past its TTL files anew', async () => {
    const body = report(300);
    const twins = await Promise.all([1, 2, 3, 4].map(() => file(body, { 'idempotency-key': 'twin-1' })));
    expect(twins.map((a) => a.statusCode)).toEqual([201, 201, 201, 201]);
    expect(new Set(twins.map((a) => a.json().properties.ref)).size).toBe(1);
    expect(twins.filter((a) => a.headers['idempotent-replayed'] === 'true')).toHaveLength(3);
    expect(await db.query(`SELECT 1 FROM reports WHERE reporter_email = 'rafaga-300@example.org'`)).toHaveLength(1);

    await db.query(`UPDATE idempotency_keys SET created_at = now() - interval '30 days' WHERE key = 'twin-1'`);
    const again = await file(body, { 'idempotency-key': 'twin-1' });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBeUndefined();
    expect(again.json().properties.ref).not.toBe(twins[0]!.json().properties.ref);
    const [key] = await db.query<Array<{ resourceId: string }>>(`SELECT resource_id::text AS "resourceId" FROM idempotency_keys WHERE key = 'twin-1'`);
    expect(key?.resourceId).toBe(await idOf(again.json().properties.ref));
  });
});
