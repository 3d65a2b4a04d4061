import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import { preparedName, type PgPoolsDriver } from './prepared-statements';
import { readsMustUsePrimary } from './read-routing';

/**
 * The way to the database for public read traffic (map, clusters, report pages, feeds, Open311
 * GET, proposals, statistics, open data, areas and categories): on a read replica when
 * DATABASE_READ_URL is set and this request may read slightly old data (read-routing.ts), on the
 * primary otherwise. A replica that fails (down, restarting, a query cancelled by recovery) is
 * not the citizen's problem: the read is done again on the primary and a warning is logged.
 *
 * Everything else (writes, the console's and staff's reads, sign-in) uses the DataSource, which
 * only ever talks to the primary.
 */
@Injectable()
export class PublicReads {
  private readonly logger = new Logger('PublicReads');
  private readonly replicated: boolean;

  constructor(@InjectDataSource() private readonly db: DataSource) {
    this.replicated = 'replication' in db.options && Boolean(db.options.replication);
  }

  /** Whether this request's public reads go to a replica. */
  private onReplica(): boolean {
    return this.replicated && !readsMustUsePrimary();
  }

  async query<T>(sql: string, parameters?: unknown[]): Promise<T> {
    if (!this.onReplica()) return this.db.query<T>(sql, parameters);
    const runner = this.db.createQueryRunner('slave');
    try {
      return (await runner.query(sql, parameters)) as T;
    } catch (error) {
      this.fellBack(error);
    } finally {
      await runner.release();
    }
    return this.db.query<T>(sql, parameters);
  }

  /**
   * The map's hot path: a read-only single statement run straight on a pg pool as a named
   * prepared statement, parsed and planned once per connection instead of on every request, with
   * no query runner taken and released around it. The pool is a replica's (any of them) when this
   * request may read from one, the primary's otherwise.
   */
  async prepared<Row>(text: string, values: unknown[]): Promise<Row[]> {
    const driver = this.db.driver as unknown as PgPoolsDriver;
    const statement = { name: preparedName(text), text, values };
    const replicas = this.onReplica() ? (driver.slaves ?? []) : [];
    if (replicas.length > 0) {
      const replica = replicas[Math.floor(Math.random() * replicas.length)]!;
      try {
        return (await replica.query<Row>(statement)).rows;
      } catch (error) {
        this.fellBack(error);
      }
    }
    return (await driver.master.query<Row>(statement)).rows;
  }

  /**
   * Several public reads that must agree with each other (a proposal page: the proposal, its
   * images, timeline and answers), in one snapshot: a REPEATABLE READ transaction on a replica
   * (read-only there by nature), or an ordinary transaction on the primary. Only a failure of the
   * database moves the work to the primary; an error of the work itself (a 404) is the answer.
   */
  async transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!this.onReplica()) return this.db.transaction(work);
    let runner: QueryRunner | null = null;
    try {
      runner = this.db.createQueryRunner('slave');
      await runner.connect();
      await runner.startTransaction('REPEATABLE READ');
      const result = await work(runner.manager);
      await runner.commitTransaction();
      return result;
    } catch (error) {
      if (runner?.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      if (isAnswer(error)) throw error;
      this.fellBack(error);
    } finally {
      await runner?.release().catch(() => undefined);
    }
    return this.db.transaction(work);
  }

  private fellBack(error: unknown): void {
    this.logger.warn(`Read replica query failed, reading from the primary: ${String(error)}`);
  }
}

/**
 * An answer of the work itself (a 404 for a hidden proposal): a DomainError (@plaza/api/http) or a
 * Nest HttpException. Anything else came from the database or the way to it (refused or dropped
 * connections arrive as pg errors, TypeORM wrappers or AggregateErrors), and a read-only work is
 * safe to do again on the primary.
 */
function isAnswer(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return error.name === 'DomainError' || typeof (error as { getStatus?: unknown }).getStatus === 'function';
}
