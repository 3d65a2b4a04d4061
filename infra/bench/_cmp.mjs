import pg from 'pg';
import { readFileSync } from 'node:fs';
const newSql = /const FILE_REPORTS_SQL = `([\s\S]*?)`;/.exec(readFileSync('libs/api/reports/src/report-filing.repository.ts', 'utf8'))[1];
const oldSql = /const FILE_REPORT_SQL = `([\s\S]*?)`;/.exec(readFileSync('/work/main/libs/api/reports/src/report-filing.repository.ts', 'utf8'))[1];
const payload = JSON.stringify({ to: 'x@example.org', subject: 'Confirma', text: 'MARK '.repeat(500), html: '<p>MARK</p>'.repeat(300) });
let seq = 0;
const rec = (i) => { seq++; const tag = `cmp-${process.pid}-${seq}`; return { ord: i, title: 'Aviso ' + i, description: 'Desc', category_code: 'farola', lon: -3.70 + (seq % 50) / 1000, lat: 40.41, address: null, screening_hold: null, reporter_name: 'A', reporter_email: `${tag}@example.org`, reporter_phone: null, show_name: false, source: 'web', user_id: null, reporter_locale: 'es', token_hash: String(seq).padStart(64, 'a'), ttl_hours: 72, key_scope: 's', key: tag, request_hash: 'r', key_mode: 'insert', consent_channel: 'web', notice_locale: 'es', notice_version: '0123456789abcdef', payload_plain: payload, payload_moderated: payload, ref_marker: 'MARK', cap: 5, mail_channel: 'email', mail_at: new Date(), mail_priority: 0, with_event: false, locale: 'es' }; };
const oldValues = (r) => [r.title, r.description, r.category_code, r.lon, r.lat, r.address, null, r.reporter_name, r.reporter_email, r.reporter_phone, r.show_name, r.source, null, r.reporter_locale, r.token_hash, 72, r.key_scope, r.key, r.request_hash, 'insert', 'web', 'es', r.notice_version, payload, payload, 'MARK', 5, 'email', r.mail_at, 0, false, 'es'];
const c = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/test_scale', application_name: 'cmp' }); await c.connect();
const cpu = async () => { const { rows: [{ pid }] } = await c.query('select pg_backend_pid() pid'); const f = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' '); return (Number(f[11]) + Number(f[12])) * 10; };
async function run(label, n, iters, exec) {
  for (let i = 0; i < 5; i++) await exec(); // warm (generic plan)
  const c0 = await cpu(); const t0 = performance.now();
  for (let i = 0; i < iters; i++) await exec();
  const ms = performance.now() - t0; const cms = (await cpu()) - c0;
  console.log(`${label}: ${(ms / (iters * n)).toFixed(3)} ms wall/row, ${(cms / (iters * n)).toFixed(3)} ms backend CPU/row`);
}
await c.query("SET plan_cache_mode = " + (process.env.MODE ?? 'auto'));
await run('old single', 1, 300, () => c.query({ name: 'old', text: oldSql, values: oldValues(rec(0)) }));
await run('new n=1', 1, 300, () => c.query({ name: 'new', text: newSql, values: [JSON.stringify([rec(0)])] }));
for (const n of [4, 10, 32]) await run(`new n=${n}`, n, Math.ceil(600 / n), () => c.query({ name: 'new', text: newSql, values: [JSON.stringify(Array.from({ length: n }, (_, i) => rec(i)))] }));
await c.query(`DELETE FROM outbox_messages WHERE dedupe_key IN (SELECT 'report-confirmation:' || id FROM reports WHERE reporter_email LIKE 'cmp-%')`);
await c.query(`DELETE FROM reports WHERE reporter_email LIKE 'cmp-%'`);
await c.query(`DELETE FROM idempotency_keys WHERE key LIKE 'cmp-%'`);
await c.end();
