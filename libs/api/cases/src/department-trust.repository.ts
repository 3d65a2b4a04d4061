import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DepartmentTrust } from '@plaza/shared/contracts';
import { DataSource, type EntityManager } from 'typeorm';

const SELECT = `SELECT id AS "departmentId", code, trusted_to_publish AS "trustedToPublish" FROM departments`;

/** The departments' "publish replies without approval" flag (`departments.trusted_to_publish`). */
@Injectable()
export class DepartmentTrustRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  list(): Promise<DepartmentTrust[]> {
    return this.db.query<DepartmentTrust[]>(`${SELECT} ORDER BY code`);
  }

  async lock(manager: EntityManager, id: string): Promise<DepartmentTrust | null> {
    const [row] = await manager.query<DepartmentTrust[]>(`${SELECT} WHERE id = $1 FOR UPDATE`, [id]);
    return row ?? null;
  }

  async set(manager: EntityManager, id: string, trusted: boolean): Promise<void> {
    await manager.query<unknown[]>(`UPDATE departments SET trusted_to_publish = $2, updated_at = now() WHERE id = $1`, [id, trusted]);
  }
}
