// `npm run fuzz`: throws malformed and hostile requests at every operation of /api/openapi.json,
// anonymously and signed in as each demo role, and fails (exit 1) on any 5xx, any 4xx that is
// not application/problem+json outside Open311 (which answers in its own errors format,
// docs/open311.md), any request that gets no answer, and any ERROR line in the API's log.
//
//   npm run fuzz                                  # 10,000 requests (at most 600 s) on a fresh database
//   npm run fuzz -- --requests 1500 --seconds 60  # the short form `npm test` runs
//   npm run fuzz -- --seed 42                     # replay a run
//   npm run fuzz -- --base-url http://127.0.0.1:3000   # against a running Plaza (no log check)
//
// The API is the built one (dist/api; built here when missing). With DATABASE_URL, a fresh
// `test_plaza_fuzz_…` database is created on that server and dropped afterwards; without it the
// embedded PGlite runs in a temporary directory. Either way the demo city and accounts are seeded.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { fieldNamesOf, fuzzedRequest, operationsOf, random } from '../fuzz/requests.mjs';
import { startApi } from '../fuzz/server.mjs';
import { workspaceRoot } from './swc-options.mjs';

const { values: args } = parseArgs({
  options: {
    requests: { type: 'string', default: '10000' },
    seconds: { type: 'string', default: '600' },
    seed: { type: 'string' },
    concurrency: { type: 'string', default: '6' },
    'base-url': { type: 'string' },
  },
});
const total = Number(args.requests);
const seconds = Number(args.seconds);
const seed = args.seed ? Number(args.seed) : Date.now() % 2 ** 31;
const concurrency = Number(args.concurrency);
const PASSWORD = 'demo-plaza-2026';
// Node's header limit and the API's body limit (apps/api/src/http-server-options.ts).
const HEADER_LIMIT = 16 * 1024;
const BODY_LIMIT = 1024 * 1024;
// The demo accounts (README.md): one of each role, and anonymous.
const IDENTITIES = [
  { name: 'anonymous', email: null },
  { name: 'citizen', email: 'vecina@demo.plaza.test' },
  { name: 'department staff', email: 'limpieza@demo.plaza.test' },
  { name: 'community manager', email: 'gestora@demo.plaza.test' },
  { name: 'admin', email: 'admin@demo.plaza.test' },
];
// Routes that would end the identity's session: fuzzed anonymously only.
const SESSION_ENDERS = /^POST \/api\/v1\/auth\/(logout|logout-everywhere|password)$/;

if (!args['base-url'] && !existsSync(path.join(workspaceRoot, 'dist/api/apps/api/src/main.js'))) {
  spawnSync(process.execPath, ['infra/scripts/build-api.mjs'], { cwd: workspaceRoot, stdio: 'inherit' });
}

const started = Date.now();
const api = args['base-url']
  ? { baseUrl: args['base-url'].replace(/\/$/, ''), errors: null, tail: () => '', stop: async () => undefined }
  : await startApi({ workspaceRoot, databaseUrl: process.env.DATABASE_URL });
console.log(`fuzz: API at ${api.baseUrl} (ready in ${((Date.now() - started) / 1000).toFixed(1)} s), seed ${seed}`);

let exitCode;
try {
  exitCode = await fuzz(api);
} finally {
  await api.stop();
}
process.exit(exitCode);

async function signIn(identity) {
  if (!identity.email) return null;
  const response = await fetch(`${api.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: identity.email, password: PASSWORD }),
  });
  if (!response.ok) return null;
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0];
  const { csrfToken } = await response.json();
  return { cookie, csrf: csrfToken };
}

function oversized(request) {
  const headerBytes = request.url.length + Object.values(request.headers).reduce((n, v) => n + String(v).length, 0);
  const bodyBytes = typeof request.body === 'string' ? Buffer.byteLength(request.body) : 0;
  return headerBytes > HEADER_LIMIT - 1024 || bodyBytes > BODY_LIMIT;
}

async function fuzz(api) {
  const openapi = await (await fetch(`${api.baseUrl}/api/openapi.json`)).json();
  const operations = operationsOf(openapi);
  const fields = fieldNamesOf(openapi);
  const rnd = random(seed);
  const sessions = new Map();
  for (const identity of IDENTITIES) sessions.set(identity.name, await signIn(identity));
  const signedIn = [...sessions.values()].filter(Boolean).length;
  console.log(`fuzz: ${operations.length} operations, ${IDENTITIES.length} identities (${signedIn} signed in)`);

  const byStatus = new Map();
  const byClass = { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0, 'refused early': 0, 'no answer': 0 };
  const slowest = new Map(); // operation → total milliseconds
  const failures = new Map(); // kind → { count, examples }
  const operationsHit = new Set();
  const fail = (kind, example) => {
    const entry = failures.get(kind) ?? { count: 0, examples: [] };
    entry.count++;
    if (entry.examples.length < 3) entry.examples.push(example);
    failures.set(kind, entry);
  };
  // The time bound is for the fuzzing itself, not the API's start (seeding takes a while).
  const deadline = Date.now() + seconds * 1000;
  let issued = 0;
  let reSignIns = 0;

  async function one() {
    const op = operations[issued % operations.length]; // every operation in turn, so all are covered
    issued++;
    let identity = rnd.pick(IDENTITIES);
    if (SESSION_ENDERS.test(op.id)) identity = IDENTITIES[0];
    const request = fuzzedRequest(op, fields, rnd);
    const session = sessions.get(identity.name);
    const headers = { ...request.headers };
    if (session) {
      headers.cookie = session.cookie;
      if (request.method !== 'GET') headers['x-csrf-token'] = session.csrf;
    }
    const label = `${request.method} ${request.url.length > 140 ? `${request.url.slice(0, 140)}…` : request.url} as ${identity.name}`;
    let response;
    const sent = performance.now();
    try {
      response = await fetch(`${api.baseUrl}${request.url}`, {
        method: request.method,
        headers,
        body: request.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      const code = error.cause?.code ?? error.message;
      // A request over the header or body limit is refused (431, 413) and its connection closed
      // while the client may still be writing it: the client sees a broken pipe, not the answer.
      if (oversized(request) && ['EPIPE', 'ECONNRESET', 'UND_ERR_SOCKET'].includes(code)) {
        byClass['refused early']++;
        return;
      }
      byClass['no answer']++;
      fail('no answer', `${label}: ${code}`);
      return;
    }
    const type = response.headers.get('content-type') ?? '';
    // Live streams (the console's case events) never end: their headers are the answer.
    const text = type.startsWith('text/event-stream') ? (await response.body?.cancel(), '') : await response.text();
    const status = response.status;
    slowest.set(op.id, (slowest.get(op.id) ?? 0) + (performance.now() - sent));
    operationsHit.add(op.id);
    byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
    const cls = `${Math.floor(status / 100)}xx`;
    byClass[cls] = (byClass[cls] ?? 0) + 1;
    if (status >= 500) fail(`${status}`, `${label} → ${text.slice(0, 200)}`);
    else if (status >= 400 && !op.open311 && !type.startsWith('application/problem+json')) {
      fail(`${status} not problem+json`, `${label} → ${type} ${text.slice(0, 160)}`);
    }
    // A fuzzed request may have ended a session (an account deactivated, a password changed): sign in again.
    if (session && status === 401 && reSignIns < 50) {
      reSignIns++;
      sessions.set(identity.name, await signIn(identity));
    }
  }

  async function worker() {
    while (issued < total && Date.now() < deadline) await one();
  }
  const fuzzStarted = Date.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (Date.now() - fuzzStarted) / 1000;
  // Errors the API logged (an unexpected exception, even one a route answered as a 4xx).
  await new Promise((resolve) => setTimeout(resolve, 500));
  for (const line of api.errors ?? []) fail('ERROR logged', line.slice(0, 300));

  const answered = issued - byClass['no answer'];
  console.log('');
  console.log(`| Requests | Seconds | Req/s | Operations hit | 2xx | 3xx | 4xx | 5xx | Refused early¹ | No answer | ERROR log lines |`);
  console.log(`| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`);
  console.log(
    `| ${issued} | ${elapsed.toFixed(1)} | ${(issued / elapsed).toFixed(0)} | ${operationsHit.size}/${operations.length} | ${byClass['2xx']} | ${byClass['3xx']} | ${byClass['4xx']} | ${byClass['5xx']} | ${byClass['refused early']} | ${byClass['no answer']} | ${api.errors ? api.errors.length : 'not checked'} |`,
  );
  console.log('\n¹ over the header or body limit: the connection was closed while the request was still being written.');
  const slow = [...slowest.entries()].sort(([, a], [, b]) => b - a).slice(0, 5);
  console.log(`Most time spent in: ${slow.map(([id, ms]) => `${id} ${(ms / 1000).toFixed(1)} s`).join(', ')}`);
  console.log(`\nBy status: ${[...byStatus.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}: ${n}`).join(', ')}`);
  const missed = operations.filter((o) => !operationsHit.has(o.id)).map((o) => o.id);
  if (missed.length > 0) console.log(`Operations never answered: ${missed.join(', ')}`);
  if (failures.size === 0 && answered > 0) {
    console.log(`\n✓ fuzz: no 5xx, every 4xx outside Open311 was problem+json, no ERROR logged (seed ${seed})`);
    return 0;
  }
  console.log(`\n✗ fuzz failures (seed ${seed}):`);
  for (const [kind, { count, examples }] of failures) {
    console.log(`  ${kind}: ${count}`);
    for (const example of examples) console.log(`    e.g. ${example}`);
  }
  if (api.errors && api.errors.length > 0) console.log(`\nAPI log tail:\n${api.tail()}`);
  return 1;
}
