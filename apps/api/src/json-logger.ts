import type { LoggerService } from '@nestjs/common';
import pino, { type Logger as Pino } from 'pino';
import { generateRequestId } from '@plaza/api/http';
import type { AppConfig } from '@plaza/api/config';

/** Nest's own messages as JSON lines, in the same format as the per-request logs. */
export class JsonLogger implements LoggerService {
  private readonly pino: Pino;

  constructor(level: AppConfig['logLevel']) {
    this.pino = pino({ level, base: { service: 'plaza-api' } });
  }

  log(message: unknown, context?: string): void {
    this.pino.info({ context }, stringify(message));
  }
  error(message: unknown, ...rest: unknown[]): void {
    const context = typeof rest[rest.length - 1] === 'string' ? (rest[rest.length - 1] as string) : undefined;
    if (message instanceof Error) this.pino.error({ context, err: message }, message.message);
    else if (message && typeof message === 'object') this.pino.error({ context, ...message }, 'error');
    else this.pino.error({ context, stack: rest[0] }, stringify(message));
  }
  warn(message: unknown, context?: string): void {
    this.pino.warn({ context }, stringify(message));
  }
  debug(message: unknown, context?: string): void {
    this.pino.debug({ context }, stringify(message));
  }
  verbose(message: unknown, context?: string): void {
    this.pino.trace({ context }, stringify(message));
  }
}

function stringify(message: unknown): string {
  return typeof message === 'string' ? message : JSON.stringify(message);
}

/** Fastify's request logging: JSON, with a request id that honours an incoming X-Request-Id. */
export function createHttpLogger(level: AppConfig['logLevel']) {
  return {
    logger: { level, base: { service: 'plaza-api' } },
    genReqId: generateRequestId,
    requestIdHeader: false as const,
  };
}
