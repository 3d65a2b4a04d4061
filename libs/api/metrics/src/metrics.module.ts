import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { MediaModule } from '@plaza/api/media';
import { ReportsModule } from '@plaza/api/reports';
import type { FastifyInstance } from 'fastify';
import { DatabaseGauges } from './database-gauges';
import { MetricsController } from './metrics.controller';
import { MetricsRegistry } from './metrics-registry';
import { timeRequests } from './request-timing';

/** Prometheus metrics at `/metrics` (docs/operations.md#metrics). */
@Module({
  imports: [MediaModule, ReportsModule],
  controllers: [MetricsController],
  providers: [MetricsRegistry, DatabaseGauges],
  exports: [MetricsRegistry],
})
export class MetricsModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly metrics: MetricsRegistry,
    // Instantiated for its side effect: the gauges register on the registry.
    _gauges: DatabaseGauges,
  ) {}

  onModuleInit(): void {
    timeRequests(this.adapterHost.httpAdapter.getInstance<FastifyInstance>(), this.metrics);
  }
}
