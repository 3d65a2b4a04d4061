import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@plaza/api/audit';
import type { DepartmentTrust } from '@plaza/shared/contracts';
import { CaseErrors, requireUuid } from './cases.errors';
import { DepartmentTrustRepository } from './department-trust.repository';

/** Which departments publish their replies without a community manager's approval. */
@Injectable()
export class DepartmentTrustService {
  constructor(
    private readonly trust: DepartmentTrustRepository,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<DepartmentTrust[]> {
    return this.trust.list();
  }

  async set(actor: AuditActor, rawId: string, trusted: boolean): Promise<DepartmentTrust> {
    const id = requireUuid(rawId, CaseErrors.departmentNotFound);
    return this.trust.transaction(async (manager) => {
      const before = await this.trust.lock(manager, id);
      if (!before) throw CaseErrors.departmentNotFound();
      await this.trust.set(manager, id, trusted);
      const after = { ...before, trustedToPublish: trusted };
      await this.audit.record(manager, { actor, action: 'department.trust', entityType: 'department', entityId: id, before, after });
      return after;
    });
  }
}
