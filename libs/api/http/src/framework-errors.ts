import type { Socket } from 'node:net';
import { PROBLEM_CONTENT_TYPE } from '@plaza/shared/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { buildProblem } from './problem-mapping';
import { sendProblem } from './problem.filter';

/**
 * Fastify's `frameworkErrors` option (given the answer's security headers): the router's refusals (a URL that is not valid
 * percent-encoding, a path parameter over `maxParamLength`) happen before any hook or Nest
 * filter, and Fastify would answer them with its own JSON. They are client errors, answered as
 * problem+json and never logged as errors.
 */
export function answerFrameworkError(
  headers: Record<string, string>,
): (error: Error, request: FastifyRequest, reply: FastifyReply) => void {
  return (error, request, reply) => {
    // No hook runs for these answers: the security headers (securityHeaders) are set here.
    void reply.headers(headers);
    sendProblem(error, request, reply, { error: () => undefined, warn: () => undefined });
  };
}

/**
 * Fastify's `clientErrorHandler` (given the answer's security headers): what Node's HTTP parser refuses before there is a request
 * (headers over 16 KiB: 431, a request that took too long: 408, unparseable HTTP: 400). Written to
 * the socket as a minimal problem+json; a reset connection gets nothing.
 */
export function answerClientError(headers: Record<string, string>): (error: Error & { code?: string }, socket: Socket) => void {
  const extraHeaders = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  return (error, socket) => writeClientError(error, socket, extraHeaders);
}

function writeClientError(error: Error & { code?: string }, socket: Socket, extraHeaders: string): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const code = status === 431 ? 'REQUEST.HEADERS_TOO_LARGE' : status === 408 ? 'REQUEST.TIMEOUT' : 'REQUEST.MALFORMED';
  const detail =
    status === 431 ? 'The request headers are too large.' : status === 408 ? 'The request took too long to arrive.' : 'The request is not valid HTTP.';
  const body = JSON.stringify(buildProblem(status, code, detail, {}));
  const reason = status === 431 ? 'Request Header Fields Too Large' : status === 408 ? 'Request Timeout' : 'Bad Request';
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${extraHeaders}Connection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
