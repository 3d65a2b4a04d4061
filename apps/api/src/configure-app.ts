import { existsSync } from 'node:fs';
import path from 'node:path';
import multipart from '@fastify/multipart';
import { RequestMethod, VersioningType } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { AppConfig } from '@plaza/api/config';
import { ProblemFilter, sendProblem } from '@plaza/api/http';
import { REPORT_LIMITS } from '@plaza/shared/contracts';

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

  app.setGlobalPrefix('api', {
    exclude: [
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
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
 * The built map at `/` and console at `/console/`. Files are matched first; any other GET that
 * wants HTML is a client-side route and gets its app's index.html. API paths never fall back.
 */
async function serveWeb(app: NestFastifyApplication, webRoot: string): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  // Loaded only when there is a site to serve: API-only replicas (and the test runner) skip it.
  const { default: fastifyStatic } = await import('@fastify/static');
  await app.register(fastifyStatic, { root: webRoot, prefix: '/', wildcard: false, index: ['index.html'] });
  fastify.get('/*', (request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    const wantsHtml = (request.headers.accept ?? '').includes('text/html');
    if (!wantsHtml || url.startsWith('/api/') || url.startsWith('/open311/')) {
      return sendProblem(Object.assign(new Error('No such resource.'), { statusCode: 404 }), request, reply, console);
    }
    const index = url === '/console' || url.startsWith('/console/') ? 'console/index.html' : 'index.html';
    return reply.header('cache-control', 'no-cache').type('text/html').sendFile(index);
  });
}
