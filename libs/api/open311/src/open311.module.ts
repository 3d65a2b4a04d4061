import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ApiClientsModule } from '@plaza/api/api-clients';
import { CatalogModule } from '@plaza/api/catalog';
import { Open311RecordsModule } from '@plaza/api/open311-records';
import { ReportsModule } from '@plaza/api/reports';
import type { FastifyInstance } from 'fastify';
import { Open311CatalogService } from './open311-catalog.service';
import { rewriteProblemsUnderOpen311 } from './open311-error.filter';
import { Open311RequestsService } from './open311-requests.service';
import { Open311Controller } from './open311.controller';
import { Open311Repository } from './open311.repository';

@Module({
  imports: [ApiClientsModule, CatalogModule, ReportsModule, Open311RecordsModule],
  controllers: [Open311Controller],
  providers: [
    Open311Repository,
    Open311CatalogService,
    Open311RequestsService,
  ],
})
export class Open311Module implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  /** Runs before the server listens, so the hook covers every route (and unmatched ones) under /open311/. */
  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    fastify?.addHook('onSend', rewriteProblemsUnderOpen311);
  }
}
