import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import multipart from '@fastify/multipart';
import { RequestMethod, VersioningType } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { RECENT_WRITE_COOKIE, RECENT_WRITE_SECONDS, withReadRouting } from '@plaza/api/database';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { SESSION_SECURITY_SCHEME } from '@plaza/api/auth';
import type { AppConfig } from '@plaza/api/config';
import { localeOf, ProblemFilter, sendProblem } from '@plaza/api/http';
import { ReportPreviewService } from '@plaza/api/reports';
import { REPORT_LIMITS, SESSION_COOKIE } from '@plaza/shared/contracts';

/** Everything the HTTP layer needs, shared by main.ts and the integration tests. */
export interface ConfigureOptions {
  /** The browsable Swagger UI needs @fastify/static, which the ESM test runner cannot load; the JSON is always served. */
  docsUi?: boolean;
}

export async function configureApp(
  app: NestFastifyApplication,
  config: AppConfig,
  { docsUi = true }: ConfigureOptions = {},
): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();

  await app.register(multipart, {
    limits: {
      fileSize: REPORT_LIMITS.photoBytesMax,
      files: REPORT_LIMITS.photosMax + 1,
      fields: 40,
      fieldSize: 16 * 1024,
      parts: 60,
    },
  });

  fastify.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  if (config.databaseReadUrls.length > 0) routeReads(fastify);

  app.setGlobalPrefix('api', {
    exclude: [
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
      // Prometheus scrapes the conventional path.
      { path: 'metrics', method: RequestMethod.GET },
      // Open311 and feeds live at the URLs their clients expect, not under /api.
      { path: 'open311/{*path}', method: RequestMethod.ALL },
      { path: 'feeds/{*path}', method: RequestMethod.ALL },
    ],
  });
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: undefined });
  app.useGlobalFilters(new ProblemFilter());
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Plaza API')
      .setDescription(
        'Public API of Plaza, the civic platform: reports, categories, areas. Errors are RFC 9457 problem+json.',
      )
      .setVersion('1')
      .addServer(config.publicUrl)
      // Staff and admin routes need the session cookie (and X-CSRF-Token on unsafe methods): docs/security.md.
      .addCookieAuth(SESSION_COOKIE, { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE }, SESSION_SECURITY_SCHEME)
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/openapi.json',
    useGlobalPrefix: false,
    swaggerUiEnabled: docsUi,
  });

  if (config.webRoot && existsSync(path.join(config.webRoot, 'index.html'))) {
    await serveWeb(app, config.webRoot);
  }
}

/**
 * Read-your-writes with read replicas: a request that writes, or comes from a client that wrote in
 * the last few seconds (a short, identifier-free cookie), reads from the primary; other requests'
 * public reads may go to a replica (PublicReads).
 */
function routeReads(fastify: FastifyInstance): void {
  const writes = (method: string) => !['GET', 'HEAD', 'OPTIONS'].includes(method);
  fastify.addHook('onRequest', (request, _reply, done) => {
    const wroteRecently = (request.headers.cookie ?? '').split(/;\s*/).includes(`${RECENT_WRITE_COOKIE}=1`);
    withReadRouting(writes(request.method) || wroteRecently, done);
  });
  fastify.addHook('onSend', async (request, reply) => {
    if (writes(request.method) && reply.statusCode < 400) {
      void reply.header(
        'set-cookie',
        `${RECENT_WRITE_COOKIE}=1; Max-Age=${RECENT_WRITE_SECONDS}; Path=/; HttpOnly; SameSite=Lax`,
      );
    }
  });
}

/**
 * The built map at `/` and console at `/console/`. Files are matched first; any other GET that
 * wants HTML is a client-side route and gets its app's index.html. API paths never fall back.
 * The map's index.html carries the configured city, so it is rendered once here, never sent as is.
 */
async function serveWeb(app: NestFastifyApplication, webRoot: string): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  // Loaded only when there is a site to serve: API-only replicas (and the test runner) skip it.
  const { default: fastifyStatic } = await import('@fastify/static');
  const reportPages = app.get(ReportPreviewService);
  const mapShell = reportPages.shell(await readFile(path.join(webRoot, 'index.html'), 'utf8'));
  await app.register(fastifyStatic, {
    root: webRoot,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    // The map's shell (`/`, `/index.html`) is the rendered one below; the console's is served as a file.
    globIgnore: ['index.html'],
  });
  const sendMap = (reply: FastifyReply, status: number, html: string) =>
    reply.status(status).header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(html);
  fastify.get('/*', async (request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    if (url === '/' || url === '/index.html') return sendMap(reply, 200, mapShell);
    const wantsHtml = (request.headers.accept ?? '').includes('text/html');
    if (!wantsHtml || url.startsWith('/api/') || url.startsWith('/open311/') || url.startsWith('/feeds/')) {
      return sendProblem(Object.assign(new Error('No such resource.'), { statusCode: 404 }), request, reply, console);
    }
    if (url === '/console' || url.startsWith('/console/')) {
      return reply.header('cache-control', 'no-cache').type('text/html').sendFile('console/index.html');
    }
    // Report pages carry their own social-preview tags (Open Graph, Twitter): crawlers run no JS.
    const page = await reportPages.render(url, localeOf(request), mapShell);
    if (page) return sendMap(reply.header('vary', 'accept-language'), page.status, page.html);
    return sendMap(reply, 200, mapShell);
  });
}
