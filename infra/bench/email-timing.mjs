// Timing of the public routes that take an email address (issue 12, finding 9): does the answer
// take longer when the address has an account (or a subscription)? For each route — the sign-in
// link, sign-up (taken vs new address) and alert subscriptions (confirmed vs new) — prints the
// medians and how often a stopwatch would guess right; asserts nothing.
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
let scratchUrl = null;
async function admin(sql, params = [], connectionString = process.env.DATABASE_URL) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}
/** SQL on the API's own database (only when this script started the API). */
const scratch = (sql, params) => admin(sql, params, scratchUrl);
if (!values.base) {
  if (!process.env.DATABASE_URL) {
    console.error('bench:email-timing needs DATABASE_URL (a real PostgreSQL server), or --base of a running API');
    process.exit(2);
  }
  if (!values['no-build']) buildApi();
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = '/bench_email_timing';
  scratchUrl = url.toString();
  await admin('DROP DATABASE IF EXISTS bench_email_timing WITH (FORCE)');
  await admin('CREATE DATABASE bench_email_timing');
  // The proof-of-work gate is opened wide: this measures the routes, not the gate.
  api = await startApi({ databaseUrl: scratchUrl, env: { ABUSE_CHALLENGE_AFTER: '1000000' } });
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

/**
 * Times `total` requests to the route in `title` ("POST /api/…"), alternating a body for an address in the "known" state and
 * one for a fresh address, after a warm-up of both; prints the figures.
 */
async function compare(title, knownBody, unknownBody, labels = ['known address', 'unknown address']) {
  const path = title.replace(/^POST /, '');
  for (let i = 0; i < 10; i++) {
    await timed(path, knownBody(i));
    await timed(path, unknownBody(`warm-${i}`));
  }
  const knownMs = [];
  const unknownMs = [];
  const statuses = new Set();
  for (let i = 0; i < total; i++) {
    const isKnown = i % 2 === 0;
    const { ms, status } = await timed(path, isKnown ? knownBody(i / 2) : unknownBody(i));
    statuses.add(status);
    (isKnown ? knownMs : unknownMs).push(ms);
  }
  const k = summary(labels[0], knownMs);
  const u = summary(labels[1], unknownMs);
  console.log(`\n${title}, ${total} requests (answers: ${[...statuses].join(', ')})`);
  for (const s of [k, u]) console.log(`  ${s.label.padEnd(22)} median ${s.median.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms`);
  console.log(`  a stopwatch guesses right ${(guessRate(k, u) * 100).toFixed(0)}% of the time (50% = no information)`);
}

/** Waits until the outbox worker has done what the queued requests asked (own API only). */
async function settled(sql, params, expected) {
  if (!scratchUrl) return;
  for (let tries = 0; tries < 600; tries++) {
    const [row] = await scratch(sql, params);
    if (Number(row.n) >= expected) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the outbox worker did not finish: ${sql}`);
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
    // 201 (and signed in) on builds before sign-up answered alike; 202 since.
    if (response.status !== 201 && response.status !== 202) throw new Error(`signup failed: ${response.status} ${response.body}`);
    known.push(email);
  }
  // Since sign-up answers alike, the worker creates the accounts; they count as real accounts
  // once their owner follows the mailed link, which this stands in for.
  await settled(`SELECT count(*) AS n FROM users WHERE email LIKE $1`, [`timing-${run}-%`], ACCOUNTS);
  if (scratchUrl) await scratch(`UPDATE users SET email_verified_at = now() WHERE email LIKE $1 AND email_verified_at IS NULL`, [`timing-${run}-%`]);

  const knownAddress = (i) => known[Math.floor(i) % known.length];
  const fresh = (tag) => `nadie-${run}-${tag}-${Math.random().toString(36).slice(2)}@example.org`;

  await compare(
    'POST /api/v1/auth/email-link',
    (i) => ({ email: knownAddress(i) }),
    (tag) => ({ email: fresh(tag) }),
  );

  const signup = (email) => ({ name: 'Otra Persona', email, password: 'otra clave de prueba larga', consent: true });
  await compare('POST /api/v1/auth/signup', (i) => signup(knownAddress(i)), (tag) => signup(fresh(tag)), ['taken address', 'new address']);

  // Alerts: every known address holds a confirmed subscription to the same circle.
  const alert = (email) => ({ email, scope: 'radius', lat: 40.4168, lon: -3.7038, radius: 500, frequency: 'daily', consent: true });
  for (const email of known) await postJson(`${base}/api/v1/alerts`, alert(email), { from: nextIp() });
  await settled(`SELECT count(*) AS n FROM alert_subscriptions WHERE email LIKE $1`, [`timing-${run}-%`], ACCOUNTS);
  if (scratchUrl) await scratch(`UPDATE alert_subscriptions SET confirmed_at = now() WHERE email LIKE $1`, [`timing-${run}-%`]);
  await compare('POST /api/v1/alerts', (i) => alert(knownAddress(i)), (tag) => alert(fresh(tag)), ['confirmed subscription', 'new address']);
} finally {
  closeAgents();
  if (api) {
    await api.stop();
    await admin('DROP DATABASE IF EXISTS bench_email_timing WITH (FORCE)');
  }
}
