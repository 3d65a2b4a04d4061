// Mail delivery throughput (issue 13): how fast the outbox worker empties a backlog of report
// confirmation mails into an SMTP relay, at each OUTBOX_CONCURRENCY asked for. Prints figures only.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:outbox -- --messages 20000 --concurrency 1,8
//
// For each concurrency: the built API is started on a scratch database (`test_bench_outbox`,
// created on DATABASE_URL's server and dropped at the end) with SMTP_URL pointing at the bench's
// SMTP sink (infra/bench/lib/smtp-sink.mjs, its own process, `--smtp-ms` per mail like a relay);
// `--messages` confirmation mails are written into outbox_messages in one statement, in the shape
// a filing writes them (a rendered confirmation mail, bulk priority, one recipient each); one
// sign-in link request then wakes the worker, as any filing's commit would. The sink reports each
// arrival. Printed: mails per second (first to last arrival), enqueue → delivered p50/p95/max
// (everything is queued at once, so this is mostly the wait behind the backlog), the API's CPU
// per mail (user + system from /proc, over the run) and the sink's, and whether each mail
// arrived exactly once.
import { fork } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { workspaceRoot } from '../scripts/swc-options.mjs';
import { buildApi, startApi } from './lib/api-process.mjs';
import { closeAgents, postJson } from './lib/http-from.mjs';

const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '20000' },
    concurrency: { type: 'string', default: '1,8' },
    'smtp-ms': { type: 'string', default: '10' },
    // Extra SMTP_URL query options, e.g. `pool=true` to measure a build from before pooling was the default.
    'smtp-query': { type: 'string', default: '' },
    'no-build': { type: 'boolean', default: false },
  },
});
const messages = Number(values.messages);
const concurrencies = values.concurrency.split(',').map(Number);
const smtpMs = Number(values['smtp-ms']);
if (!process.env.DATABASE_URL) {
  console.error('bench:outbox needs DATABASE_URL (a real PostgreSQL server)');
  process.exit(2);
}
if (!Number.isInteger(messages) || messages < 1 || concurrencies.some((c) => !Number.isInteger(c) || c < 1 || c > 64)) {
  console.error('--messages must be a positive whole number and --concurrency a list of 1–64, e.g. 1,8');
  process.exit(2);
}

const SCRATCH = 'test_bench_outbox';
const scratch = new URL(process.env.DATABASE_URL);
scratch.pathname = `/${SCRATCH}`;
async function admin(sql) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** CPU time of a process so far, in ms (user + system, from /proc/<pid>/stat). */
async function cpuMs(pid) {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the line, 12 and 13 after the command name; in clock ticks (100 a second).
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

// --- the SMTP sink, in its own process ----------------------------------------------------------
const arrivals = new Map(); // recipient -> [arrival ms]
const sink = fork(new URL('./lib/smtp-sink.mjs', import.meta.url), { env: { ...process.env, SMTP_SINK_MS: String(smtpMs) } });
const smtpPort = await new Promise((resolve) => {
  sink.on('message', (message) => {
    if (message.port) resolve(message.port);
    if (message.to) {
      const list = arrivals.get(message.to);
      if (list) list.push(message.at);
      else arrivals.set(message.to, [message.at]);
    }
  });
});

if (!values['no-build']) buildApi();
// A confirmation mail as a filing writes it: rendered once by the built code, the recipient varied per row.
const { confirmationMail } = await import(path.join(workspaceRoot, 'dist/api/libs/api/reports/src/confirmation-mail.js'));
const { dedupeKey: _dedupeKey, priority: _priority, ...payload } = confirmationMail({
  to: 'placeholder@example.org',
  locale: 'es',
  reportId: '00000000-0000-0000-0000-000000000000',
  name: 'Vecina',
  ref: '2026-000123',
  title: 'Farola apagada en la esquina de la calle Mayor',
  url: 'http://127.0.0.1/confirm/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG?lang=es',
  ttlHours: 72,
  moderated: false,
});

await admin(`DROP DATABASE IF EXISTS ${SCRATCH} WITH (FORCE)`);
await admin(`CREATE DATABASE ${SCRATCH}`);
const results = [];
try {
  for (const concurrency of concurrencies) {
    console.log(`\nOUTBOX_CONCURRENCY=${concurrency}: starting the API…`);
    const api = await startApi({
      databaseUrl: scratch.toString(),
      env: { SMTP_URL: `smtp://127.0.0.1:${smtpPort}${values['smtp-query'] ? `?${values['smtp-query']}` : ''}`, MAIL_FROM: 'Plaza <avisos@plaza.test>', OUTBOX_CONCURRENCY: String(concurrency) },
    });
    const db = new pg.Client({ connectionString: scratch.toString() });
    await db.connect();
    try {
      const prefix = `c${concurrency}-`;
      const sinkBefore = await cpuMs(sink.pid);
      const apiBefore = await cpuMs(api.pid);
      await db.query(
        `INSERT INTO outbox_messages (channel, dedupe_key, payload, next_attempt_at, created_at, priority)
         SELECT 'email', 'bench-outbox:' || $2 || n, jsonb_set($1::jsonb, '{to}', to_jsonb($2 || n || '@example.org')), now(), now(), 0
           FROM generate_series(1, $3::int) AS n`,
        [JSON.stringify(payload), prefix, messages],
      );
      const enqueuedAt = Date.now();
      // Any commit that enqueues wakes the worker; a sign-in link request is one (no account: nothing mailed).
      const poke = await postJson(`${api.base}/api/v1/auth/email-link`, { email: 'despertador@example.org' });
      if (poke.status !== 202) throw new Error(`the sign-in link request answered ${poke.status}`);
      const ours = () => [...arrivals.entries()].filter(([to]) => to.startsWith(prefix));
      const deadline = Date.now() + 30 * 60_000;
      let got = 0;
      while (Date.now() < deadline) {
        got = ours().length;
        if (got >= messages) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      // Anything sent twice would arrive within a moment more.
      await new Promise((r) => setTimeout(r, 500));
      const apiCpu = (await cpuMs(api.pid)) - apiBefore;
      const sinkCpu = (await cpuMs(sink.pid)) - sinkBefore;
      const entries = ours();
      const times = entries.flatMap(([, at]) => at);
      const duplicates = times.length - entries.length;
      const sorted = times.map((at) => at - enqueuedAt).sort((a, b) => a - b);
      const first = Math.min(...times);
      const last = Math.max(...times);
      const result = {
        concurrency,
        delivered: entries.length,
        duplicates,
        mailsPerSecond: entries.length / Math.max(0.001, (last - first) / 1000),
        p50: quantile(sorted, 0.5),
        p95: quantile(sorted, 0.95),
        max: sorted.at(-1),
        apiCpuPerMail: apiCpu / Math.max(1, entries.length),
        sinkCpuPerMail: sinkCpu / Math.max(1, entries.length),
      };
      results.push(result);
      console.log(
        `  ${result.delivered} of ${messages} delivered (${duplicates} twice), ${result.mailsPerSecond.toFixed(0)} mails/s; ` +
          `enqueue → delivered p50 ${(result.p50 / 1000).toFixed(1)} s, p95 ${(result.p95 / 1000).toFixed(1)} s, max ${(result.max / 1000).toFixed(1)} s; ` +
          `API CPU ${result.apiCpuPerMail.toFixed(2)} ms per mail (sink ${result.sinkCpuPerMail.toFixed(2)} ms)`,
      );
    } finally {
      await db.end();
      await api.stop();
    }
  }
} finally {
  closeAgents();
  sink.disconnect();
  await admin(`DROP DATABASE IF EXISTS ${SCRATCH} WITH (FORCE)`);
}

console.log(`\nMail delivery, ${messages} confirmation mails, SMTP sink ${smtpMs} ms per mail:`);
console.log('| OUTBOX_CONCURRENCY | Delivered (twice) | Mails/s | Enqueue → delivered p50 / p95 | API CPU per mail | Sink CPU per mail |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const r of results) {
  console.log(
    `| ${r.concurrency} | ${r.delivered} (${r.duplicates}) | ${r.mailsPerSecond.toFixed(0)} | ${(r.p50 / 1000).toFixed(1)} s / ${(r.p95 / 1000).toFixed(1)} s | ${r.apiCpuPerMail.toFixed(2)} ms | ${r.sinkCpuPerMail.toFixed(2)} ms |`,
  );
}
if (results.some((r) => r.delivered !== messages || r.duplicates > 0)) process.exitCode = 1;
