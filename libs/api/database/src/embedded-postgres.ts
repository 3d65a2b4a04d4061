import { mkdir } from 'node:fs/promises';
// Types only: the packages are loaded in start(), so a process with DATABASE_URL never loads them.
import type { PGlite } from '@electric-sql/pglite';
import type { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgresOptions {
  /** Folder that keeps the database across restarts; omit for an in-memory database. */
  dataDir?: string;
  /** A data-dir archive (from `dump()`) to start from: tests clone a migrated template this way. */
  loadFrom?: Blob;
  /** 0 picks a free port. */
  port?: number;
}

/**
 * PostgreSQL + PostGIS in-process (PGlite), served over the wire protocol on a loopback port so
 * that TypeORM and `pg` use exactly the code path they use with a real server.
 *
 * An adapter for installs without DATABASE_URL (connectDatabase): production never loads it.
 *
 * PGlite is a single session: the socket server accepts one connection only, and callers must
 * use a pool of one so that two transactions never interleave on that session.
 */
export class EmbeddedPostgres {
  private constructor(
    private readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    readonly port: number,
  ) {}

  static async start(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
    if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
    const [{ PGlite }, { postgis }, { PGLiteSocketServer }] = await Promise.all([
      import('@electric-sql/pglite'),
      import('@electric-sql/pglite-postgis'),
      import('@electric-sql/pglite-socket'),
    ]).catch((error: unknown) => {
      // Optional dependencies: installed by default, left out by `npm ci --omit=optional`.
      throw new Error(
        `The embedded database is not installed (${(error as Error).message}): set DATABASE_URL, or install without --omit=optional`,
      );
    });
    const db = await PGlite.create({
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      ...(options.loadFrom ? { loadDataDir: options.loadFrom } : {}),
      extensions: { postgis },
    });
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: options.port ?? 0, maxConnections: 1 });
    await server.start();
    const [, port] = server.getServerConn().split(':');
    return new EmbeddedPostgres(db, server, Number(port));
  }

  get url(): string {
    return `postgresql://postgres:postgres@127.0.0.1:${this.port}/postgres`;
  }

  /** Archive of the whole data directory, loadable with `loadFrom`. */
  async dump(): Promise<Blob> {
    return this.db.dumpDataDir('none');
  }

  async stop(): Promise<void> {
    await this.server.stop();
    await this.db.close();
  }
}
