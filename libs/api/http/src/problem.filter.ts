import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { PROBLEM_CONTENT_TYPE } from '@plaza/shared/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toProblem } from './problem-mapping';
import { localeOf } from './request-locale';

/** The one place where errors become HTTP answers (application/problem+json). */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    sendProblem(exception, request, reply, this.logger);
  }
}

/**
 * Writes the problem for `exception` and returns the reply. A Fastify route handler must
 * `return` that reply: an async handler that resolves with nothing makes Fastify send a second,
 * empty answer while the problem is still passing through the onSend hooks — the "Cannot write
 * headers after they are sent" error that every unknown page used to log.
 */
export function sendProblem(
  exception: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
  logger: Pick<Logger, 'error'> & Partial<Pick<Logger, 'warn'>>,
): FastifyReply {
  // A framework error (bad URL) arrives before routing: request.url is still there, params are not.
  // The title, detail and field messages are in the reader's language (docs/api.md#errors).
  const locale = localeOf(request);
  const { problem, unexpected, retryAfterSeconds } = toProblem(exception, {
    requestId: request.id,
    instance: request.url.split('?')[0],
    locale,
  });
  if (unexpected) {
    logger.error({ err: exception, requestId: request.id, url: request.url }, 'Unexpected error');
  } else if (problem.status >= 500) {
    logger.warn?.({ err: String(exception), requestId: request.id, url: request.url }, problem.code);
  }
  if (reply.sent || reply.raw.headersSent) return reply;
  if (retryAfterSeconds !== undefined) void reply.header('retry-after', String(retryAfterSeconds));
  return reply
    .status(problem.status)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .header('content-language', locale)
    .send(JSON.stringify(problem));
}
