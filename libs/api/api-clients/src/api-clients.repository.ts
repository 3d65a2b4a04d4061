import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/** A client application allowed to file Open311 requests. The key itself is never stored. */
export interface ApiClientView {
  id: string;
  name: string;
  contactEmail: string;
  active: boolean;
  /** Trusted to have verified its users' email addresses: its requests skip the reporter's confirmation. */
  verifiesReporters: boolean;
  createdAt: string;
  lastUsedAt: string | null;
}

const CLIENT_COLUMNS = `
  id, name, contact_email AS "contactEmail", active, verifies_reporters AS "verifiesReporters",
  to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "createdAt",
  to_char(last_used_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "lastUsedAt"`;

@Injectable()
export class ApiClientsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Null when a client of that name (case-insensitively) already exists. */
  async insert(
    row: { name: string; contactEmail: string; keyHash: string; verifiesReporters: boolean },
    manager: EntityManager = this.db.manager,
  ): Promise<ApiClientView | null> {
    const rows = await manager.query<ApiClientView[]>(
      `INSERT INTO api_clients (name, contact_email, key_hash, verifies_reporters) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING
       RETURNING ${CLIENT_COLUMNS}`,
      [row.name, row.contactEmail, row.keyHash, row.verifiesReporters],
    );
    return rows[0] ?? null;
  }

  async find(id: string, manager: EntityManager = this.db.manager): Promise<ApiClientView | null> {
    const rows = await manager.query<ApiClientView[]>(`SELECT ${CLIENT_COLUMNS} FROM api_clients WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  async list(): Promise<ApiClientView[]> {
    return this.db.query<ApiClientView[]>(`SELECT ${CLIENT_COLUMNS} FROM api_clients ORDER BY lower(name)`);
  }

  async setActive(id: string, active: boolean, manager: EntityManager = this.db.manager): Promise<ApiClientView | null> {
    // TypeORM answers an UPDATE with [rows, affected count].
    const [rows] = await manager.query<[ApiClientView[], number]>(
      `UPDATE api_clients SET active = $2 WHERE id = $1 RETURNING ${CLIENT_COLUMNS}`,
      [id, active],
    );
    return rows[0] ?? null;
  }

  /** The active client holding this key hash, marking it as used now. */
  async useActiveByKeyHash(keyHash: string): Promise<ApiClientView | null> {
    const [rows] = await this.db.query<[ApiClientView[], number]>(
      `UPDATE api_clients SET last_used_at = now() WHERE key_hash = $1 AND active RETURNING ${CLIENT_COLUMNS}`,
      [keyHash],
    );
    return rows[0] ?? null;
  }

  /** Whether the client answers for its users' email addresses (their requests need no confirmation mail). */
  async verifiesReporters(clientId: string): Promise<boolean> {
    const [row] = await this.db.query<{ verifies_reporters: boolean }[]>(
      `SELECT verifies_reporters FROM api_clients WHERE id = $1`,
      [clientId],
    );
    return row?.verifies_reporters === true;
  }
}
