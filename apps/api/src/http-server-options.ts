import type { FastifyAdapter } from '@nestjs/platform-fastify';
import type { AppConfig } from '@plaza/api/config';
import { answerClientError, answerFrameworkError, securityHeaders } from '@plaza/api/http';

/** Largest request body (JSON, or a whole multipart report with its photos). */
export const BODY_LIMIT = 1024 * 1024;

type FastifyOptions = NonNullable<ConstructorParameters<typeof FastifyAdapter>[0]>;

/**
 * The Fastify server settings both `main.ts` and the integration tests start from, so what is
 * tested is what runs: the body limit, which proxies are trusted for the client's address, and
 * problem+json for what Fastify and Node refuse before any Nest code runs.
 */
export function httpServerOptions(config: AppConfig, extra: Partial<FastifyOptions> = {}): FastifyOptions {
  const headers = securityHeaders({ tileUrl: config.tiles.url, publicUrl: config.publicUrl });
  return {
    bodyLimit: BODY_LIMIT,
    trustProxy: config.trustProxy,
    // Signed unsubscribe tokens in /api/v1/unsubscribe/:token run past Fastify's default of 100.
    routerOptions: { maxParamLength: 1000 },
    frameworkErrors: answerFrameworkError(headers),
    clientErrorHandler: answerClientError(headers),
    ...extra,
  } as FastifyOptions;
}
