import pg from 'pg';
import { readFileSync } from 'node:fs';
const newSql = /const FILE_REPORTS_SQL = `([\s\S]*?)`;/.exec(readFileSync('libs/api/reports/src/report-filing.repository.ts', 'utf8'))[1];
const oldSql = /const FILE_REPORT_SQL = `([\s\S]*?)`;/.exec(readFileSync('/work/main/libs/api/reports/src/report-filing.repository.ts', 'utf8'))[1];
for (const [label, sql, nparams] of [['old', oldSql, 32], ['new', newSql, 1]]) {
  const c = new pg.Client('postgres://postgres@127.0.0.1:5432/test_scale'); await c.connect();
  const { rows: [{ pid }] } = await c.query('select pg_backend_pid() pid');
  const cpu = () => { const f = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' '); return (Number(f[11]) + Number(f[12])) * 10; };
  const types = nparams === 1 ? '(json)' : '';
  const c0 = cpu(); const t0 = performance.now();
  const r = await c.query(`EXPLAIN (SUMMARY ON) ${sql}`, nparams === 1 ? ['[]'] : Array(32).fill(null));
  console.log(label, 'first plan: wall', (performance.now() - t0).toFixed(1), 'ms, cpu', cpu() - c0, 'ms;', r.rows.at(-1)['QUERY PLAN']);
  const c1 = cpu(); const t1 = performance.now();
  for (let i = 0; i < 20; i++) await c.query(`EXPLAIN (SUMMARY ON) ${sql}`, nparams === 1 ? ['[]'] : Array(32).fill(null));
  console.log(label, 'next 20 plans: wall/plan', ((performance.now() - t1) / 20).toFixed(2), 'ms, cpu/plan', ((cpu() - c1) / 20).toFixed(2));
  await c.end();
}
