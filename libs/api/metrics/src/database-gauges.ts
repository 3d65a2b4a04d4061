import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PhotoQueueMetrics, PhotoQueueRepository, type PhotoBacklog } from '@plaza/api/media';
import { OutboxRepository, type OutboxBacklogRow } from '@plaza/api/outbox';
import { FilingMetrics } from '@plaza/api/reports';
import { Gauge } from 'prom-client';
import type { DataSource } from 'typeorm';
import { MetricsRegistry } from './metrics-registry';

/** The counters node-postgres keeps on a pool. */
interface PoolCounters {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

function isPool(value: unknown): value is PoolCounters {
  return typeof value === 'object' && value !== null && 'totalCount' in value && 'idleCount' in value && 'waitingCount' in value;
}

/**
 * Gauges read at scrape time: the outbox backlog (from the database) and the connection pool
 * (from memory). A scrape while the database is down still answers, with `plaza_database_up 0`,
 * so the alert says "database" instead of "metrics endpoint broken".
 */
@Injectable()
export class DatabaseGauges {
  /** The backlog read shared by the gauges of one scrape (prom-client collects them all at once). */
  private backlogRead: Promise<OutboxBacklogRow[] | null> | null = null;
  private photoBacklogRead: Promise<PhotoBacklog | null> | null = null;

  constructor(
    metrics: MetricsRegistry,
    @InjectDataSource() db: DataSource,
    private readonly outbox: OutboxRepository,
    private readonly photos: PhotoQueueRepository,
    photoMetrics: PhotoQueueMetrics,
    filingMetrics: FilingMetrics,
  ) {
    const registers = [metrics.registry];
    const readBacklog = () => this.readBacklogOnce();
    const readPhotoBacklog = () => this.readPhotoBacklogOnce();
    // The worker's counters and histogram live with the worker; they are published here.
    for (const metric of photoMetrics.all()) metrics.registry.registerMetric(metric);
    // So do the group commit's counts (reports lib).
    for (const metric of filingMetrics.all()) metrics.registry.registerMetric(metric);
    new Gauge({
      name: 'plaza_photo_queue_depth',
      help: 'Photos uploaded and waiting to be processed (PHOTO_QUEUE_MAX refuses new uploads beyond it)',
      registers,
      async collect() {
        const backlog = await readPhotoBacklog();
        if (backlog) this.set(backlog.pending);
      },
    });
    new Gauge({
      name: 'plaza_photo_queue_oldest_age_seconds',
      help: 'Age of the oldest photo waiting to be processed: growing with a flat depth means a stuck worker',
      registers,
      async collect() {
        const backlog = await readPhotoBacklog();
        if (backlog) this.set(backlog.oldestAgeSeconds);
      },
    });
    new Gauge({
      name: 'plaza_database_up',
      help: '1 when this scrape could read the database',
      registers,
      async collect() {
        this.set((await readBacklog()) === null ? 0 : 1);
      },
    });
    new Gauge({
      name: 'plaza_outbox_messages',
      help: 'Outbox messages waiting (pending) or given up on (failed), by channel',
      labelNames: ['channel', 'status'] as const,
      registers,
      async collect() {
        this.reset();
        for (const row of (await readBacklog()) ?? []) this.set({ channel: row.channel, status: row.status }, row.messages);
      },
    });
    new Gauge({
      name: 'plaza_outbox_oldest_age_seconds',
      help: 'Age of the oldest pending (or failed) outbox message, by channel: growing with a flat count means a stuck worker',
      labelNames: ['channel', 'status'] as const,
      registers,
      async collect() {
        this.reset();
        for (const row of (await readBacklog()) ?? []) this.set({ channel: row.channel, status: row.status }, row.oldest_age_seconds);
      },
    });
    new Gauge({
      name: 'plaza_db_pool_connections',
      help: 'Connections of the primary database pool, by state (total, idle, waiting = requests queued for one)',
      labelNames: ['state'] as const,
      registers,
      collect() {
        const pool = (db.driver as unknown as { master?: unknown }).master;
        if (!isPool(pool)) return;
        this.set({ state: 'total' }, pool.totalCount);
        this.set({ state: 'idle' }, pool.idleCount);
        this.set({ state: 'waiting' }, pool.waitingCount);
      },
    });
  }

  private readPhotoBacklogOnce(): Promise<PhotoBacklog | null> {
    this.photoBacklogRead ??= this.photos
      .backlog()
      .catch(() => null)
      .finally(() => {
        this.photoBacklogRead = null;
      });
    return this.photoBacklogRead;
  }

  /** One query per scrape whatever the number of gauges reading it; null when the database is down. */
  private readBacklogOnce(): Promise<OutboxBacklogRow[] | null> {
    this.backlogRead ??= this.outbox
      .backlog()
      .catch(() => null)
      .finally(() => {
        this.backlogRead = null;
      });
    return this.backlogRead;
  }
}
