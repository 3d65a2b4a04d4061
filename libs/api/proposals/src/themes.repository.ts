import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PublicReads } from '@plaza/api/database';
import type { AdminProposalTheme, ProposalTheme } from '@plaza/shared/contracts';
import { DataSource, type EntityManager } from 'typeorm';

/** The admin shape (the console's ProposalThemesPage reads it through the shared contract). */
export type ThemeRecord = AdminProposalTheme;

const COLUMNS = `code, name, department_id AS "departmentId", active, sort_order AS "sortOrder"`;

@Injectable()
export class ThemesRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    // Public read traffic may be served by a read replica (docs/operations.md#read-replicas).
    private readonly reads: PublicReads,
  ) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  async listPublic(locale: string): Promise<ProposalTheme[]> {
    return this.reads.query<ProposalTheme[]>(
      `SELECT code, coalesce(name->>$1, name->>'es') AS name, department_id AS "departmentId", active
         FROM proposal_themes WHERE active ORDER BY sort_order, code`,
      [locale],
    );
  }

  listAll(): Promise<ThemeRecord[]> {
    return this.db.query<ThemeRecord[]>(`SELECT ${COLUMNS} FROM proposal_themes ORDER BY sort_order, code`);
  }

  async find(manager: EntityManager, code: string): Promise<ThemeRecord | null> {
    const [row] = await manager.query<ThemeRecord[]>(`SELECT ${COLUMNS} FROM proposal_themes WHERE code = $1 FOR UPDATE`, [code]);
    return row ?? null;
  }

  async departmentExists(manager: EntityManager, id: string): Promise<boolean> {
    return (await manager.query<unknown[]>(`SELECT 1 FROM departments WHERE id = $1`, [id])).length > 0;
  }

  /** Null when the code is taken. */
  async insert(manager: EntityManager, t: ThemeRecord): Promise<ThemeRecord | null> {
    const [row] = await manager.query<ThemeRecord[]>(
      `INSERT INTO proposal_themes (code, name, department_id, active, sort_order) VALUES ($1, $2::jsonb, $3, $4, $5)
       ON CONFLICT (code) DO NOTHING RETURNING ${COLUMNS}`,
      [t.code, JSON.stringify(t.name), t.departmentId, t.active, t.sortOrder],
    );
    return row ?? null;
  }

  async update(manager: EntityManager, t: ThemeRecord): Promise<ThemeRecord> {
    // TypeORM answers an UPDATE … RETURNING with [rows, affected].
    const [[row]] = await manager.query<[ThemeRecord[], number]>(
      `UPDATE proposal_themes SET name = $2::jsonb, department_id = $3, active = $4, sort_order = $5, updated_at = now()
        WHERE code = $1 RETURNING ${COLUMNS}`,
      [t.code, JSON.stringify(t.name), t.departmentId, t.active, t.sortOrder],
    );
    return row!;
  }
}
