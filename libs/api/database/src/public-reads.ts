import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { readsMustUsePrimary } from './read-routing';

/**
 * The query function for public read traffic (map, report pages, feeds, Open311 GET, proposals,
 * statistics, open data): on a read replica when DATABASE_READ_URL is set and this request may
 * read slightly old data, on the primary otherwise. A replica that fails a query is not the
 * citizen's problem: the query is retried on the primary.
 */
@Injectable()
export class PublicReads {
  private readonly logger = new Logger('PublicReads');
  private readonly replicated: boolean;

  constructor(@InjectDataSource() private readonly db: DataSource) {
    this.replicated = 'replication' in db.options && Boolean(db.options.replication);
  }

  async query<T>(sql: string, parameters?: unknown[]): Promise<T> {
    if (!this.replicated || readsMustUsePrimary()) return this.db.query<T>(sql, parameters);
    const runner = this.db.createQueryRunner('slave');
    try {
      return (await runner.query(sql, parameters)) as T;
    } catch (error) {
      this.logger.warn(`Read replica query failed, reading from the primary: ${String(error)}`);
      return this.db.query<T>(sql, parameters);
    } finally {
      await runner.release();
    }
  }
}
