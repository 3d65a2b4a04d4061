import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Bodies below this are sent as they are: compressing them saves less than the header costs. */
const COMPRESS_MIN_BYTES = 1024;
/**
 * JSON, GeoJSON, problem+json, HTML, XML feeds, CSV, plain text. Never text/event-stream: a
 * compressed stream would hold events back until a block fills.
 */
const COMPRESSIBLE = /^(application\/(([\w.+-]+\+)?(json|xml)|javascript)|text\/(html|plain|csv|xml|css|javascript))\b/i;

export type Encoding = 'br' | 'gzip';

/** The best encoding the client accepts (`q=0` refuses one); null for none. Brotli first. */
export function negotiateEncoding(acceptEncoding: string | undefined): Encoding | null {
  if (!acceptEncoding) return null;
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [token, ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    if (token) accepted.set(token.trim(), q === undefined ? 1 : Number(q));
  }
  const weight = (encoding: Encoding) => accepted.get(encoding) ?? (accepted.has('*') ? accepted.get('*')! : 0);
  if (weight('br') > 0 && weight('br') >= weight('gzip')) return 'br';
  if (weight('gzip') > 0) return 'gzip';
  return null;
}

/** A weak validator for a body: same bytes, same tag (whatever the encoding on the wire). */
export function etagOf(body: string | Buffer): string {
  return `W/"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
}

export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = etag.replace(/^W\//, '');
  return header === '*' || header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === bare);
}

/**
 * What the API does to every body it sends, once the route has produced it:
 *
 * - public, cacheable GET answers (a `cache-control: public` set by the route: the areas layer,
 *   categories, settings, clusters…) get an ETag, and a request that already holds that version
 *   (`If-None-Match`) gets 304 and no body;
 * - text bodies of 1 KB or more are compressed when the client accepts it — brotli at quality 5
 *   (about gzip's speed, a fifth smaller on GeoJSON), else gzip — off the event loop (zlib's
 *   thread pool). Streams (files, exports, event streams) pass untouched: static files are
 *   compressed at build time and served as such (configure-app.ts).
 */
export function registerResponseTransfer(fastify: FastifyInstance): void {
  fastify.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    if (reply.getHeader('content-encoding')) return payload;

    if (request.method === 'GET' && reply.statusCode === 200 && /\bpublic\b/.test(String(reply.getHeader('cache-control') ?? ''))) {
      const etag = etagOf(payload);
      void reply.header('etag', etag);
      if (matchesIfNoneMatch(request.headers['if-none-match'], etag)) {
        void reply.code(304).removeHeader('content-type').removeHeader('content-length');
        return '';
      }
    }

    const type = String(reply.getHeader('content-type') ?? '');
    if (!COMPRESSIBLE.test(type) || Buffer.byteLength(payload) < COMPRESS_MIN_BYTES) return payload;
    void reply.header('vary', appendVary(reply.getHeader('vary'), 'accept-encoding'));
    const encoding = negotiateEncoding(request.headers['accept-encoding']);
    if (!encoding) return payload;
    const body =
      encoding === 'br'
        ? await brotli(payload, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT } })
        : await gzipAsync(payload, { level: 6 });
    void reply.header('content-encoding', encoding).removeHeader('content-length');
    return body;
  });
}

/**
 * Cache-Control of a built web file: one whose name carries its content hash (Vite's `assets/`,
 * also as its `.br`/`.gz` twin) never changes, so browsers keep it a year without asking; every
 * other file (index.html, icons, the manifest) is revalidated on each use.
 */
export function staticCacheControl(filePath: string): string {
  return /[\\/]assets[\\/][^\\/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+(\.(br|gz))?$/.test(filePath) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

function appendVary(current: unknown, name: string): string {
  const list = String(current ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  if (list.some((v) => v.toLowerCase() === name || v === '*')) return list.join(', ');
  return [...list, name].join(', ');
}
