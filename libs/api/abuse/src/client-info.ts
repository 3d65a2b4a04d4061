import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { CHALLENGE_HEADER } from './abuse.errors';

/** What the abuse defences know about the client of one request. */
export interface ClientInfo {
  /** The client address as Fastify gives it (TRUST_PROXY decides whether a proxy's header counts). */
  ip: string;
  userAgent: string;
  /** The `Plaza-Challenge` header: a solved proof of work, if the client sent one. */
  proof: string | null;
}

export function clientInfo(request: FastifyRequest): ClientInfo {
  const proof = request.headers[CHALLENGE_HEADER];
  return {
    ip: request.ip,
    userAgent: String(request.headers['user-agent'] ?? ''),
    proof: typeof proof === 'string' && proof ? proof : null,
  };
}

/**
 * Who an anonymous caller is, as far as idempotency keys go: a hash of the client address and
 * user agent. Two strangers sending the same key never see each other's report; a client whose
 * address changes between retries files anew, which is the lesser harm.
 */
export function anonymousFingerprint(client: Pick<ClientInfo, 'ip' | 'userAgent'>): string {
  return createHash('sha256').update(`plaza-idempotency\0${client.ip}\0${client.userAgent}`).digest('base64url').slice(0, 32);
}
