import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, type AuditActor } from '@plaza/api/audit';
import type { DepartmentTrust } from '@plaza/shared/contracts';
import { DataSource } from 'typeorm';
import { CaseErrors, requireUuid } from './cases.errors';

const SELECT = `SELECT id AS "departmentId", code, trusted_to_publish AS "trustedToPublish" FROM departments`;

/** Which departments publish their replies without a community manager's approval. */
@Injectable()
export class DepartmentTrustService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<DepartmentTrust[]> {
    return this.db.query(`${SELECT} ORDER BY code`);
  }

  async set(actor: AuditActor, rawId: string, trusted: boolean): Promise<DepartmentTrust> {
    const id = requireUuid(rawId, CaseErrors.departmentNotFound);
    return this.db.transaction(async (manager) => {
      const [before] = await manager.query(`${SELECT} WHERE id = $1 FOR UPDATE`, [id]);
      if (!before) throw CaseErrors.departmentNotFound();
      await manager.query(`UPDATE departments SET trusted_to_publish = $2, updated_at = now() WHERE id = $1`, [id, trusted]);
      const after = { ...before, trustedToPublish: trusted };
      await this.audit.record(manager, { actor, action: 'department.trust', entityType: 'department', entityId: id, before, after });
      return after;
    });
  }
}
