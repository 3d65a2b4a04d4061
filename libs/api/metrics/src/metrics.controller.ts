import { Controller, Get, Header, Inject, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Access } from '@plaza/api/auth';
import { APP_CONFIG, type AppConfig } from '@plaza/api/config';
import { DomainError } from '@plaza/api/http';
import type { FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { MetricsRegistry } from './metrics-registry';

/** Prometheus scrape endpoint, outside `/api` and outside the public API's documentation. */
@ApiExcludeController()
@Access('public')
@Controller({ path: 'metrics' })
export class MetricsController {
  constructor(
    private readonly metrics: MetricsRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Header('cache-control', 'no-store')
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  async scrape(@Req() request: FastifyRequest): Promise<string> {
    if (!this.config.metrics.enabled) {
      throw new DomainError('SERVER.NOT_FOUND', 'not_found', 'No such resource.');
    }
    if (this.config.metrics.token && !bearerMatches(request.headers.authorization, this.config.metrics.token)) {
      throw new DomainError('AUTH.METRICS_TOKEN', 'unauthenticated', 'The metrics endpoint needs its bearer token.');
    }
    return this.metrics.metrics();
  }
}

/** Constant-time comparison, so the token cannot be guessed byte by byte from response times. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const presented = Buffer.from(header?.startsWith('Bearer ') ? header.slice(7) : '');
  const expected = Buffer.from(token);
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}
