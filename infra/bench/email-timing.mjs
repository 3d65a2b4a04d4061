// Timing of the public routes that take an email address (issue 12, finding 9): does the answer
// take longer when the address has an account? Prints medians and how often a stopwatch would
// guess right; asserts nothing.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:email-timing -- --requests 200
//   npm run bench:email-timing -- --base http://127.0.0.1:3000   # an API already running (e.g. an older build)
//
// Requests come from many loopback addresses (127.0.1.x) so the per-address limits never decide
// the answer, and known addresses are spread over 80 fresh accounts (three links each at most).
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { buildApi, startApi } from './lib/api-process.mjs';
import { closeAgents, postJson } from './lib/http-from.mjs';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '200' },
    base: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
  },
});
const total = Number(values.requests);
const ACCOUNTS = 80;

let api = null;
async function admin(sql) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
if (!values.base) {
  if (!process.env.DATABASE_URL) {
    console.error('bench:email-timing needs DATABASE_URL (a real PostgreSQL server), or --base of a running API');
    process.exit(2);
  }
  if (!values['no-build']) buildApi();
  const scratch = new URL(process.env.DATABASE_URL);
  scratch.pathname = '/bench_email_timing';
  await admin('DROP DATABASE IF EXISTS bench_email_timing WITH (FORCE)');
  await admin('CREATE DATABASE bench_email_timing');
  // The proof-of-work gate is opened wide: this measures the routes, not the gate.
  api = await startApi({ databaseUrl: scratch.toString(), env: { ABUSE_CHALLENGE_AFTER: '1000000' } });
}
const base = values.base ?? api.base;

let ipCounter = 0;
const nextIp = () => {
  ipCounter += 1;
  return `127.0.${1 + Math.floor(ipCounter / 250)}.${1 + (ipCounter % 250)}`;
};
const run = Date.now().toString(36);

function summary(label, ms) {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { label, median: at(0.5), p95: at(0.95), sorted };
}

/** Share of requests a stopwatch classifies right with the best single threshold. */
function guessRate(a, b) {
  const all = [...a.sorted.map((ms) => [ms, 0]), ...b.sorted.map((ms) => [ms, 1])].sort((x, y) => x[0] - y[0]);
  let best = 0;
  for (let i = 0; i <= all.length; i++) {
    // Below the cut says "a", above says "b" (and the mirror image).
    const below = all.slice(0, i);
    const above = all.slice(i);
    const right = below.filter(([, k]) => k === 0).length + above.filter(([, k]) => k === 1).length;
    best = Math.max(best, right, all.length - right);
  }
  return best / all.length;
}

async function timed(path, body) {
  const from = nextIp();
  const started = performance.now();
  const response = await postJson(`${base}${path}`, body, { from });
  const ms = performance.now() - started;
  return { ms, status: response.status };
}

try {
  console.log(`Creating ${ACCOUNTS} accounts…`);
  const known = [];
  for (let i = 0; i < ACCOUNTS; i++) {
    const email = `timing-${run}-${i}@example.org`;
    const response = await postJson(
      `${base}/api/v1/auth/signup`,
      { name: `Cuenta ${i}`, email, password: 'una clave de prueba larga', consent: true },
      { from: nextIp() },
    );
    if (response.status !== 201) throw new Error(`signup failed: ${response.status} ${response.body}`);
    known.push(email);
  }

  // Warm up both paths, then interleave known and unknown so drift hits both alike.
  for (let i = 0; i < 20; i++) await timed('/api/v1/auth/email-link', { email: `warm-${run}-${i}@example.org` });
  const knownMs = [];
  const unknownMs = [];
  const statuses = new Set();
  for (let i = 0; i < total; i++) {
    const isKnown = i % 2 === 0;
    const email = isKnown ? known[(i / 2) % known.length] : `nadie-${run}-${i}@example.org`;
    const { ms, status } = await timed('/api/v1/auth/email-link', { email });
    statuses.add(status);
    (isKnown ? knownMs : unknownMs).push(ms);
  }
  const k = summary('known address', knownMs);
  const u = summary('unknown address', unknownMs);
  console.log(`\nPOST /api/v1/auth/email-link, ${total} requests (answers: ${[...statuses].join(', ')})`);
  for (const s of [k, u]) console.log(`  ${s.label.padEnd(16)} median ${s.median.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms`);
  console.log(`  a stopwatch guesses right ${(guessRate(k, u) * 100).toFixed(0)}% of the time (50% = no information)`);
} finally {
  closeAgents();
  if (api) {
    await api.stop();
    await admin('DROP DATABASE IF EXISTS bench_email_timing WITH (FORCE)');
  }
}
