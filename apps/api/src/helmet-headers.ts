import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import Fastify from 'fastify';

// What any answer carries whatever helmet says: not part of its policy.
const NOT_HELMETS = new Set(['content-type', 'content-length', 'date', 'connection', 'keep-alive']);

/**
 * The headers @fastify/helmet puts on an answer with these options, read once at boot from an
 * answer of a scratch Fastify instance that registers it.
 *
 * Registered on the app itself, @fastify/helmet builds a new helmet middleware for every request
 * (the options parsed, the CSP directives validated and joined again, two hooks, one of them
 * async): a few percent of the CPU of a cheap request such as filing a report. The policy is the
 * same for every answer (no CSP nonces), so its headers are computed once and the app sets them
 * in one hook: the same names and values helmet would set (`helmet-headers.spec.ts`).
 */
export async function helmetHeaders(options: FastifyHelmetOptions): Promise<Record<string, string>> {
  const scratch = Fastify();
  try {
    await scratch.register(helmet, options);
    scratch.get('/', async () => 'ok');
    const answer = await scratch.inject({ method: 'GET', url: '/' });
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(answer.headers)) {
      if (!NOT_HELMETS.has(name) && value !== undefined) headers[name] = String(value);
    }
    return headers;
  } finally {
    await scratch.close();
  }
}
