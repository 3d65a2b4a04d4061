import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { PROBLEM_CONTENT_TYPE } from '@plaza/shared/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toProblem } from './problem-mapping';

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

export function sendProblem(
  exception: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
  logger: Pick<Logger, 'error'>,
): void {
  const { problem, unexpected } = toProblem(exception, { requestId: request.id, instance: request.url.split('?')[0] });
  if (unexpected) {
    logger.error({ err: exception, requestId: request.id, url: request.url }, 'Unexpected error');
  }
  if (reply.sent) return;
  void reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}
