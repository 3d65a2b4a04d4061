import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Public figures change with every report, but a page may show them a few minutes old. */
export const STATS_CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=60';

/**
 * Sends a JSON body with a strong ETag (hash of the bytes) and Cache-Control; answers 304 with
 * no body when the client already holds the same bytes (If-None-Match).
 */
export function sendCacheableJson(request: FastifyRequest, reply: FastifyReply, body: unknown): FastifyReply {
  const json = JSON.stringify(body);
  const etag = `"${createHash('sha256').update(json).digest('base64url').slice(0, 32)}"`;
  void reply
    .header('etag', etag)
    .header('cache-control', STATS_CACHE_CONTROL)
    .header('vary', 'accept-language');
  if (matches(request.headers['if-none-match'], etag)) return reply.status(304).send();
  return reply.type('application/json; charset=utf-8').send(json);
}

function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}
