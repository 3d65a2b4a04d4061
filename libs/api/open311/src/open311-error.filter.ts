import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { PROBLEM_CONTENT_TYPE } from '@plaza/shared/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { OPEN311_CONTENT_TYPES, formatOfUrl, serialize } from './open311-format';
import { problemToOpen311, toOpen311Error, type Open311Error } from './open311.errors';

/** Errors of the Open311 routes, in the GeoReport v2 errors format of the format the URL asked for. */
@Catch()
export class Open311ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Open311');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const { error, unexpected } = toOpen311Error(exception);
    if (unexpected)
      this.logger.error({ err: exception, requestId: request.id, url: request.url }, 'Unexpected error');
    if (reply.sent) return;
    sendOpen311Error(error, request, reply);
  }
}

export function sendOpen311Error(error: Open311Error, request: FastifyRequest, reply: FastifyReply): void {
  const format = formatOfUrl(request.url);
  void reply
    .status(error.status)
    .header('content-type', OPEN311_CONTENT_TYPES[format])
    .send(serialize(error.toDocument(), format));
}

/**
 * Errors raised before an Open311 route runs (no such route, a body too large, an unsupported
 * content type) are written by Plaza's global problem+json filter. Under `/open311/` this onSend
 * hook rewrites them into the errors format, so a client never has to read two error languages.
 */
export async function rewriteProblemsUnderOpen311(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
): Promise<unknown> {
  if (!request.url.startsWith('/open311/')) return payload;
  const type = String(reply.getHeader('content-type') ?? '');
  if (!type.startsWith(PROBLEM_CONTENT_TYPE) || typeof payload !== 'string') return payload;
  let problem;
  try {
    problem = JSON.parse(payload);
  } catch {
    return payload;
  }
  const error = problemToOpen311(problem);
  const format = formatOfUrl(request.url);
  void reply.status(error.status).header('content-type', OPEN311_CONTENT_TYPES[format]);
  return serialize(error.toDocument(), format);
}
