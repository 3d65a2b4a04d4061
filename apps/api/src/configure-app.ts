import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import multipart from '@fastify/multipart';
import { RequestMethod, VersioningType } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { readsFromPrimary, RECENT_WRITE_COOKIE, RECENT_WRITE_SECONDS, withReadRouting } from '@plaza/api/database';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { SESSION_SECURITY_SCHEME } from '@plaza/api/auth';
import type { AppConfig } from '@plaza/api/config';
import {
  contentSecurityPolicy,
  depthLimitedJsonParser,
  localeOf,
  ProblemFilter,
  refuseUnsafeInput,
  registerResponseTransfer,
  sendProblem,
  securityHeaders,
  serializeCsp,
  staticCacheControl,
} from '@plaza/api/http';
import { ReportPreviewService } from '@plaza/api/reports';
import { ProposalPreviewService } from '@plaza/api/proposals';
import { StatsPreviewService } from '@plaza/api/stats';
import { isMapPagePath, REPORT_LIMITS, SESSION_COOKIE } from '@plaza/shared/contracts';
import { helmetHeaders } from './helmet-headers';
import { BODY_LIMIT } from './http-server-options';

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
  // Compression of text bodies and ETags on public cacheable answers (docs/performance.md).
  registerResponseTransfer(fastify);

  // Input hygiene (docs/security.md#input-limits): JSON nesting is bounded before parsing, and
  // text with NUL, control characters or broken Unicode is refused before any guard or handler.
  app.useBodyParser(
    'application/json',
    { bodyLimit: BODY_LIMIT },
    depthLimitedJsonParser(fastify.getDefaultJsonParser('error', 'error')),
  );
  fastify.addHook('preValidation', refuseUnsafeInput);

  // Security headers on every answer (docs/security.md#security-headers).
  const csp = contentSecurityPolicy({ tileUrl: config.tiles.url, publicUrl: config.publicUrl });
  // Helmet's headers, computed once (helmet-headers.ts) and set on every request that is routed.
  const helmets = await helmetHeaders({
    contentSecurityPolicy: { useDefaults: false, directives: csp },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    // Photos, feeds and open data are public and may be shown or fetched by other sites.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    // HSTS only means something over https; on a laptop's http://localhost it is noise.
    strictTransportSecurity: config.publicUrl.startsWith('https:') ? { maxAge: 31_536_000 } : false,
  });
  const helmetNames = Object.keys(helmets);
  fastify.addHook('onRequest', (_request, reply, done) => {
    // On the raw answer, as helmet sets them: a header set later through the reply wins.
    for (const name of helmetNames) reply.raw.setHeader(name, helmets[name]!);
    done();
  });
  // Swagger UI's page has an inline <style> and style attributes of its own: allowed there only.
  const docsCsp = serializeCsp({ ...csp, 'style-src': ["'self'", "'unsafe-inline'"] });
  fastify.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/docs')) void reply.header('content-security-policy', docsCsp);
  });
  // A safety net for any answer the helmet hook above did not see (an error raised before it):
  // whatever is missing is added, nothing helmet set is changed.
  const everyAnswer = securityHeaders({ tileUrl: config.tiles.url, publicUrl: config.publicUrl });
  fastify.addHook('onSend', async (_request, reply) => {
    for (const [name, value] of Object.entries(everyAnswer)) if (!reply.hasHeader(name)) void reply.header(name, value);
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
  // No app.enableShutdownHooks(): main.ts owns SIGTERM/SIGINT. Nest's own handler re-raises the
  // signal once closed, which killed the process by signal (exit 143) before main.ts had closed
  // the database and exited 0. app.close() runs the same lifecycle hooks either way.

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
 * Read-your-writes with read replicas: a request that writes, comes from a client that wrote in
 * the last few seconds (a short, identifier-free cookie), or is a staff, admin, account or sign-in
 * request reads from the primary (readsFromPrimary); other requests' public reads may go to a
 * replica (PublicReads). Every successful write, a citizen's or a staff member's, sets the cookie.
 */
function routeReads(fastify: FastifyInstance): void {
  const writes = (method: string) => !['GET', 'HEAD', 'OPTIONS'].includes(method);
  fastify.addHook('onRequest', (request, _reply, done) => {
    withReadRouting(readsFromPrimary({ method: request.method, url: request.url, cookie: request.headers.cookie }), done);
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
 * The built map at `/` and console at `/console/`. Files are matched first; a map page route
 * (`MAP_PAGE_ROUTES`) gets the map's index.html whatever `Accept` says; an unknown path gets a 404.
 * API paths never fall back.
 * The map's index.html carries the configured city, so it is rendered once here, never sent as is.
 */
async function serveWeb(app: NestFastifyApplication, webRoot: string): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  // Loaded only when there is a site to serve: API-only replicas (and the test runner) skip it.
  const { default: fastifyStatic } = await import('@fastify/static');
  const reportPages = app.get(ReportPreviewService);
  const statsPages = app.get(StatsPreviewService);
  const proposalPages = app.get(ProposalPreviewService);
  const mapShell = reportPages.shell(await readFile(path.join(webRoot, 'index.html'), 'utf8'));
  await app.register(fastifyStatic, {
    root: webRoot,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    // The map's shell (`/`, `/index.html`) is the rendered one below; the console's is served as a file.
    globIgnore: ['index.html'],
    // build-web.mjs writes `.br` and `.gz` beside each text asset: sent as such when accepted.
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, filePath) => void reply.header('cache-control', staticCacheControl(filePath)),
  });
  const sendMap = (reply: FastifyReply, status: number, html: string) =>
    reply.status(status).header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(html);
  fastify.get('/*', async (request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    if (url === '/' || url === '/index.html') return sendMap(reply, 200, mapShell);
    if (url.startsWith('/api/') || url.startsWith('/open311/') || url.startsWith('/feeds/')) {
      // Returned: an async handler that resolves with nothing makes Fastify answer a second time.
      return sendProblem(Object.assign(new Error('No such resource.'), { statusCode: 404 }), request, reply, console);
    }
    // The console's pages live under `/console/`: its relative asset URLs need the slash.
    if (url === '/console') {
      const query = request.url.slice(url.length);
      return reply.redirect(`/console/${query}`, 301);
    }
    if (url.startsWith('/console/')) {
      return reply.header('cache-control', 'no-cache').type('text/html').sendFile('console/index.html');
    }
    // A map page answers the page whatever `Accept` says: shared links are fetched by crawlers and
    // curl with `*/*` or no Accept at all. Report, proposal and /stats pages carry their own title and
    // social-preview tags (Open Graph, Twitter): crawlers run no JS.
    if (isMapPagePath(url)) {
      const page =
        (await reportPages.render(url, localeOf(request), mapShell)) ??
        (await proposalPages.render(url, localeOf(request), mapShell)) ??
        (await statsPages.render(url, localeOf(request), mapShell));
      if (page) {
        // A page with preview tags is written in the request's language (<html lang> too); the bare shell is not.
        if (page.html !== mapShell) void reply.header('content-language', localeOf(request));
        return sendMap(reply.header('vary', 'accept-language'), page.status, page.html);
      }
      return sendMap(reply, 200, mapShell);
    }
    // A genuinely unknown path: a 404 page for anyone who may read one (the SPA says "not found"),
    // problem+json for a client that asked for JSON only. Only here does the answer follow Accept.
    reply.header('vary', 'accept');
    if (wantsJsonOnly(request.headers.accept)) {
      return sendProblem(Object.assign(new Error('No such resource.'), { statusCode: 404 }), request, reply, console);
    }
    return sendMap(reply, 404, mapShell);
  });
}

// Whether an Accept header asks for JSON and would not take HTML (any type, or no header, takes HTML).
function wantsJsonOnly(accept: string | undefined): boolean {
  if (!accept) return false;
  const types = accept.split(',').map((part) => part.split(';')[0]?.trim().toLowerCase() ?? '');
  const takesHtml = types.some((type) => type === 'text/html' || type === 'text/*' || type === '*/*');
  return !takesHtml && types.some((type) => type.endsWith('json'));
}
