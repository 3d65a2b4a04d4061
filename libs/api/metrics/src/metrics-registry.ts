import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/**
 * The process's own Prometheus registry (never prom-client's global one, so two apps in one test
 * process do not register the same metric twice). Holds the request histogram; the gauges that
 * read the database register themselves from their own collectors.
 */
@Injectable()
export class MetricsRegistry {
  readonly registry = new Registry();

  /**
   * Latency by route template (`/api/v1/reports/:ref`, never the raw URL, which would give one
   * series per report) and status code. Buckets span the targets in docs/performance.md: 5 ms for
   * a street viewport to 10 s for a stuck upload.
   */
  readonly httpDuration = new Histogram({
    name: 'plaza_http_request_duration_seconds',
    help: 'HTTP request latency by method, route template and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'plaza_' });
  }

  contentType(): string {
    return this.registry.contentType;
  }

  metrics(): Promise<string> {
    return this.registry.metrics();
  }
}
