import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@plaza/api/config';
import { createTestDatabase, type TestDatabase } from '@plaza/api/testing';
import { seedReferenceData } from '@plaza/api/seed';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { configureApp } from '../src/configure-app';
import { httpServerOptions } from '../src/http-server-options';
import { prepareDatabase } from '../src/prepare-database';

export interface InjectOptions {
  method: string;
  url: string;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string or Buffer as-is. */
  payload?: unknown;
}

export interface TestResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  rawPayload: Buffer;
  json(): any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface TestApp {
  app: NestFastifyApplication;
  baseUrl: string;
  /** A real HTTP request to the listening app (Fastify's inject() cannot load under the ESM test runner). */
  inject(options: InjectOptions): Promise<TestResponse>;
  db: TestDatabase;
  dataDir: string;
  close(): Promise<void>;
}

/**
 * The real application on a fresh database: migrations run, reference data (districts, categories)
 * seeded. `env` adds or overrides configuration (e.g. REDIS_URL); as a function, it is given the
 * fresh database first (e.g. to point DATABASE_READ_URL at a replica of it).
 */
export async function createTestApp(
  env: Record<string, string> | ((db: TestDatabase) => Promise<Record<string, string>>) = {},
): Promise<TestApp> {
  const db = await createTestDatabase();
  const extraEnv = typeof env === 'function' ? await env(db) : env;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'plaza-test-'));
  const config = loadConfig({
    DATABASE_URL: db.url,
    DATA_DIR: dataDir,
    WEB_ROOT: 'none',
    LOG_LEVEL: 'silent',
    DEMO_DATA: 'false',
    PUBLIC_URL: 'http://plaza.test',
    // Every test request comes from 127.0.0.1: generous abuse limits unless a test sets its own.
    ABUSE_CHALLENGE_AFTER: '1000000',
    ABUSE_REPORTS_PER_IP_HOUR: '1000000',
    ABUSE_REPORTS_PER_EMAIL_HOUR: '1000000',
    ABUSE_PENDING_CONFIRMATIONS_MAX: '1000',
    ...extraEnv,
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({ config, database: { url: db.url, embedded: db.embedded } }),
    new FastifyAdapter(httpServerOptions(config)),
    { logger: false, abortOnError: false },
  );
  await configureApp(app, config, { docsUi: false });
  await prepareDatabase(app, config, db.embedded, { log: () => undefined } as never);
  await app.get(DataSource).transaction((manager) => seedReferenceData(manager));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    app,
    baseUrl,
    inject: (options) => send(baseUrl, options),
    db,
    dataDir,
    close: async () => {
      await app.close();
      await db.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A multipart body as `fetch` would send it, for Fastify's inject(). */
export async function multipart(form: FormData): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const response = new Response(form);
  const payload = Buffer.from(await response.arrayBuffer());
  return { payload, headers: { 'content-type': response.headers.get('content-type') ?? '' } };
}

async function send(baseUrl: string, { method, url, headers = {}, payload }: InjectOptions): Promise<TestResponse> {
  const isRaw = typeof payload === 'string' || Buffer.isBuffer(payload);
  const body = payload === undefined ? undefined : isRaw ? new Uint8Array(Buffer.from(payload as string | Buffer)) : JSON.stringify(payload);
  const finalHeaders = { ...(payload !== undefined && !isRaw ? { 'content-type': 'application/json' } : {}), ...headers };
  const response = await fetch(new URL(url, baseUrl), { method, headers: finalHeaders, body });
  const rawPayload = Buffer.from(await response.arrayBuffer());
  const text = rawPayload.toString('utf8');
  const setCookies = response.headers.getSetCookie();
  return {
    statusCode: response.status,
    // Several Set-Cookie headers (a session and the read-your-writes cookie) are all kept, joined.
    headers: { ...Object.fromEntries(response.headers.entries()), ...(setCookies.length ? { 'set-cookie': setCookies.join(', ') } : {}) },
    body: text,
    rawPayload,
    json: () => JSON.parse(text),
  };
}
