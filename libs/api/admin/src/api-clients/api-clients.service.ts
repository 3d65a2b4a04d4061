import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, type AuditActor } from '@plaza/api/audit';
import { ApiClientsService } from '@plaza/api/api-clients';
import type { AdminApiClient, CreatedApiClient } from '@plaza/shared/contracts';
import { DataSource } from 'typeorm';
import { AdminErrors, requireUuid } from '../admin.errors';
import type { CreateApiClientDto } from './api-client.dto';

/**
 * The administration of Open311 client applications: issuing a key (shown once, kept only as its
 * hash by the Open311 library) and revoking it, each recorded in the audit log.
 */
@Injectable()
export class AdminApiClientsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clients: ApiClientsService,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<AdminApiClient[]> {
    return this.clients.list();
  }

  create(actor: AuditActor, input: CreateApiClientDto): Promise<CreatedApiClient> {
    return this.db.transaction(async (manager) => {
      const created = await this.clients.create(input, manager);
      // The entry names the client, never its key.
      await this.audit.record(manager, {
        actor,
        action: 'api_client.create',
        entityType: 'api_client',
        entityId: created.client.id,
        after: created.client,
      });
      return created;
    });
  }

  revoke(actor: AuditActor, rawId: string): Promise<AdminApiClient> {
    const id = requireUuid(rawId, 'api_client');
    return this.db.transaction(async (manager) => {
      const before = await this.clients.find(id, manager);
      if (!before) throw AdminErrors.notFound('api_client');
      if (!before.active) return before;
      const after = await this.clients.setActive(id, false, manager);
      await this.audit.record(manager, { actor, action: 'api_client.revoke', entityType: 'api_client', entityId: id, before, after });
      return after;
    });
  }
}
