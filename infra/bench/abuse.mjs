// Abuse load test (issue 12, finding 1), bounded and on loopback. Prints figures; asserts only
// that the limit held and the legitimate client got through.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:abuse -- --seconds 20
//
// - An attacker on 127.0.0.1 files anonymous reports as fast as it can with autocannon (a naive
//   flood that never solves the proof of work), then again solving every challenge in Node.
// - Meanwhile a neighbour on 127.0.0.2 (another loopback address, so another client address to the
//   API) files a report every four seconds (solving a challenge if asked, as the map does), signs in
//   with a password, and asks for a sign-in link and follows it from the mail (a session opens),
//   with a backlog of `--backlog` bulk confirmation mails already queued in the outbox.
// - Mail goes to a local SMTP sink that takes `--smtp-ms` per message, like a real relay, so the
//   backlog is real: the sign-in link must overtake it.
//
// Needs a real PostgreSQL (a scratch database `bench_abuse` is created and dropped) and the demo
// accounts (the demo city is seeded, about half a minute).
import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { buildApi, startApi } from './lib/api-process.mjs';
import { closeAgents, postJson, request } from './lib/http-from.mjs';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '20' },
    connections: { type: 'string', default: '10' },
    backlog: { type: 'string', default: '3000' },
    'smtp-ms': { type: 'string', default: '10' },
    'no-build': { type: 'boolean', default: false },
  },
});
const seconds = Number(values.seconds);
const smtpMs = Number(values['smtp-ms']);
if (!process.env.DATABASE_URL) {
  console.error('bench:abuse needs DATABASE_URL (a real PostgreSQL server)');
  process.exit(2);
}

const scratch = new URL(process.env.DATABASE_URL);
scratch.pathname = '/bench_abuse';
async function admin(sql) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

// --- an SMTP sink in its own process, recording when each recipient's mail arrived -----------
const arrivals = new Map(); // address -> [ms timestamps]
const tokens = new Map(); // address -> [{ at, token }] of mails carrying a sign-in link
const sink = fork(new URL('./lib/smtp-sink.mjs', import.meta.url), { env: { ...process.env, SMTP_SINK_MS: String(smtpMs) } });
const smtpPort = await new Promise((resolve) => {
  sink.on('message', (message) => {
    if (message.port) resolve(message.port);
    if (message.to) arrivals.set(message.to, [...(arrivals.get(message.to) ?? []), message.at]);
    if (message.to && message.token) tokens.set(message.to, [...(tokens.get(message.to) ?? []), { at: message.at, token: message.token }]);
  });
});

if (!values['no-build']) buildApi();
await admin('DROP DATABASE IF EXISTS bench_abuse WITH (FORCE)');
await admin('CREATE DATABASE bench_abuse');
console.log('Starting the API (demo city seeded, default abuse limits)…');
const api = await startApi({
  databaseUrl: scratch.toString(),
  demoData: true,
  env: { SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, MAIL_FROM: 'Plaza <avisos@plaza.test>' },
});

const db = new pg.Client({ connectionString: scratch.toString() });
await db.connect();

try {
  const backlog = Number(values.backlog);
  await db.query(
    `INSERT INTO outbox_messages (channel, dedupe_key, payload, next_attempt_at, created_at, priority)
     SELECT 'email', 'bench-bulk-' || n,
            jsonb_build_object('to', 'flood' || n || '@example.org', 'subject', 'Confirma tu aviso', 'text', 'x', 'locale', 'es'),
            now(), now(), 0
       FROM generate_series(1, $1::int) AS n`,
    [backlog],
  );
  console.log(`Queued a backlog of ${backlog} bulk confirmation mails (SMTP sink: ${smtpMs} ms per message).`);

  const report = (email, n) => ({
    category: 'limpieza',
    title: `Aviso de prueba ${n}`,
    description: 'Restos de basura delante del portal desde hace días.',
    lat: 40.4345,
    lon: -3.7038,
    reporter: { name: 'Prueba', email, showName: false },
    consent: true,
  });

  /** What a browser does on a 428: fetch a challenge and solve it (here with Node's SHA-256). */
  let hashes = 0;
  async function solve(from) {
    const challenge = JSON.parse((await request(`${api.base}/api/v1/challenge`, { from })).body);
    for (let x = 0; x <= challenge.maxnumber; x++) {
      hashes += 1;
      if (createHash('sha256').update(challenge.salt + x).digest('hex') === challenge.challenge) {
        return Buffer.from(JSON.stringify({ ...challenge, number: x })).toString('base64');
      }
    }
    return '';
  }

  // --- the neighbour on another loopback address ---------------------------------------------
  const neighbour = '127.0.0.2';
  const neighbourResults = { filed: 0, challenged: 0, other: [], passwordSignIns: [], linkSignIn: null };
  let signInMs = null;
  /** The neighbour follows the mailed link as soon as it arrives: the status and how long it all took. */
  async function followLink(address, since) {
    for (;;) {
      const mail = (tokens.get(address) ?? []).find((m) => m.at >= since);
      if (mail) {
        const verified = await postJson(`${api.base}/api/v1/auth/email-link/verify`, { token: mail.token }, { from: neighbour });
        return { status: verified.status, ms: Date.now() - since };
      }
      if (Date.now() - since > 15 * 60_000) return null;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  async function neighbourLoop(until) {
    let n = 0;
    const signInAt = Date.now() + 3000;
    let askedSignIn = false;
    while (Date.now() < until) {
      n += 1;
      const send = (proof) =>
        postJson(`${api.base}/api/v1/reports`, report('vecino.real@example.org', n), {
          from: neighbour,
          headers: { 'user-agent': 'neighbour', ...(proof ? { 'plaza-challenge': proof } : {}) },
        });
      let response = await send(null);
      if (response.status === 428) {
        neighbourResults.challenged += 1;
        response = await send(await solve(neighbour));
      }
      if (response.status === 201) neighbourResults.filed += 1;
      else neighbourResults.other.push(response.status);
      // A password sign-in on every other round, timed: the flood must not slow it out of use.
      if (n % 2 === 1) {
        const started = Date.now();
        const login = await postJson(`${api.base}/api/v1/auth/login`, { email: 'vecino@demo.plaza.test', password: 'demo-plaza-2026' }, { from: neighbour });
        neighbourResults.passwordSignIns.push({ status: login.status, ms: Date.now() - started });
        if (login.status !== 200) neighbourResults.other.push(login.status);
      }
      if (!askedSignIn && Date.now() >= signInAt) {
        askedSignIn = true;
        const asked = Date.now();
        const link = await postJson(`${api.base}/api/v1/auth/email-link`, { email: 'vecina@demo.plaza.test' }, { from: neighbour });
        if (link.status !== 202) neighbourResults.other.push(link.status);
        void waitForMail('vecina@demo.plaza.test', asked).then((ms) => (signInMs = ms));
        void followLink('vecina@demo.plaza.test', asked).then((result) => (neighbourResults.linkSignIn = result));
      }
      await new Promise((r) => setTimeout(r, 4000));
    }
  }
  async function waitForMail(address, since) {
    for (;;) {
      const at = (arrivals.get(address) ?? []).find((t) => t >= since);
      if (at) return at - since;
      if (Date.now() - since > 15 * 60_000) return null;
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  // --- phase 1: a naive flood from 127.0.0.1 ------------------------------------------------
  const counts = {};
  const until = Date.now() + seconds * 1000;
  const neighbourDone = neighbourLoop(until + 2 * seconds * 1000);
  const flood = await autocannon({
    url: `${api.base}/api/v1/reports`,
    method: 'POST',
    connections: Number(values.connections),
    duration: seconds,
    headers: { 'content-type': 'application/json', 'user-agent': 'flood' },
    body: JSON.stringify(report('victima@example.org', 0)),
    setupClient: (client) => client.on('response', (status) => (counts[status] = (counts[status] ?? 0) + 1)),
  });
  console.log(`\nPhase 1 — naive flood, ${seconds} s, ${values.connections} connections: ${flood.requests.total} requests`);
  console.log(`  answers: ${JSON.stringify(counts)}`);

  // --- phase 2: the same client solving every proof of work it is asked for ------------------
  // Until the hourly limit answers (three 429 in a row) or three times the flood's duration.
  const solving = { 201: 0, 428: 0, 429: 0, other: 0 };
  const phase2Start = Date.now();
  const phase2Until = phase2Start + 3 * seconds * 1000;
  let n = 0;
  let refusedInARow = 0;
  while (Date.now() < phase2Until && refusedInARow < 3) {
    const proof = await solve('127.0.0.1');
    const response = await postJson(`${api.base}/api/v1/reports`, report(`victima${n++ % 50}@example.org`, n), {
      headers: { 'user-agent': 'flood', 'plaza-challenge': proof },
    });
    solving[response.status in solving ? response.status : 'other'] += 1;
    refusedInARow = response.status === 429 ? refusedInARow + 1 : 0;
  }
  const phase2Seconds = Math.round((Date.now() - phase2Start) / 1000);
  console.log(`\nPhase 2 — the same address solving every challenge, ${phase2Seconds} s (${hashes} SHA-256 hashes in all):`);
  console.log(`  answers: ${JSON.stringify(solving)}`);

  await neighbourDone;
  const waitStart = Date.now();
  while ((signInMs === null || neighbourResults.linkSignIn === null) && Date.now() - waitStart < 60_000) await new Promise((r) => setTimeout(r, 100));
  const [{ pending }] = (await db.query(`SELECT count(*)::int AS pending FROM outbox_messages WHERE status = 'pending'`)).rows;
  const [{ accepted }] = (
    await db.query(`SELECT count(*)::int AS accepted FROM reports WHERE reporter_email LIKE 'victima%'`)
  ).rows;
  // A sent message's payload is cleared, so what left is counted at the sink and what waits in the outbox.
  const [{ waiting }] = (
    await db.query(`SELECT count(*)::int AS waiting FROM outbox_messages WHERE channel = 'email' AND status <> 'sent' AND payload->>'to' = 'victima@example.org'`)
  ).rows;
  const mails = waiting + (arrivals.get('victima@example.org')?.length ?? 0);
  const [{ sent }] = (await db.query(`SELECT count(*)::int AS sent FROM outbox_messages WHERE status = 'sent'`)).rows;
  console.log(`\nAttacker: ${accepted} reports accepted; mails queued or sent to victima@example.org: ${mails}.`);
  console.log(
    `Neighbour on 127.0.0.2: ${neighbourResults.filed} reports filed, ${neighbourResults.challenged} after a proof of work (other answers: ${JSON.stringify(neighbourResults.other)}).`,
  );
  const logins = neighbourResults.passwordSignIns;
  const loginMs = logins.map((l) => l.ms).sort((a, b) => a - b);
  console.log(
    `Neighbour's password sign-ins during the flood: ${logins.filter((l) => l.status === 200).length} of ${logins.length} answered 200 (median ${loginMs[Math.floor(loginMs.length / 2)] ?? '–'} ms, slowest ${loginMs.at(-1) ?? '–'} ms).`,
  );
  console.log(
    `Sign-in link delivered ${signInMs === null ? 'NOT within 60 s' : `${signInMs} ms after the request`}; following it: ${neighbourResults.linkSignIn ? `${neighbourResults.linkSignIn.status}, signed in ${neighbourResults.linkSignIn.ms} ms after asking` : 'no link'}; by the end the sink had taken ${sent} mails and ${pending} were pending.`,
  );
  const held =
    accepted <= 60 &&
    neighbourResults.filed > 0 &&
    neighbourResults.other.length === 0 &&
    signInMs !== null &&
    logins.length > 0 &&
    neighbourResults.linkSignIn?.status === 200;
  console.log(held ? '\nThe limit held and the neighbour got through.' : '\nFAILED: see the figures above.');
  process.exitCode = held ? 0 : 1;
} finally {
  closeAgents();
  await db.end();
  await api.stop();
  sink.disconnect();
  await admin('DROP DATABASE IF EXISTS bench_abuse WITH (FORCE)');
}
