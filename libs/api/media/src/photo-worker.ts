import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@plaza/api/config';
import { backoffDelay, type BackoffPolicy } from '@plaza/api/outbox';
import { REPORT_LIMITS } from '@plaza/shared/contracts';
import { MissingOriginalError, outcomeOfError, type PhotoOutcome } from './photo-outcome';
import { InvalidPhotoError, type ProcessedPhoto } from './photo-processor';
import { PhotoProcessorPool } from './photo-processor-pool';
import { PhotoQueueMetrics } from './photo-queue-metrics';
import { PhotoQueueSignal } from './photo-queue-signal';
import { PhotoQueueRepository, type PhotoJob } from './photo-queue.repository';
import { PHOTO_STORAGE, type PhotoStorage } from './photo-storage';

export interface PhotoWorkerSettings {
  /** Images processed at once by this process (PHOTO_WORKERS). */
  workers: number;
  /** How long a claimed photo is reserved; far longer than processing one takes (well under 10 s). */
  leaseMs: number;
  /** Poll interval when nothing wakes the worker (uploads through other replicas, retries coming due). */
  pollMs: number;
  /** Attempts before a photo that keeps failing for reasons other than its content is given up on. */
  maxAttempts: number;
  backoff: BackoffPolicy;
  now: () => Date;
  /**
   * The image work itself. By default a pool of `workers` niced child processes
   * (photo-processor-pool.ts); a test may pass its own to slow it down and watch the bound.
   */
  process?: (original: Buffer) => Promise<ProcessedPhoto>;
}

export const DEFAULT_PHOTO_WORKER_SETTINGS: Omit<PhotoWorkerSettings, 'workers'> = {
  leaseMs: 2 * 60_000,
  pollMs: 2_000,
  maxAttempts: 5,
  // 5 s, 10 s, 20 s… up to 5 min: a bucket outage of minutes is bridged, then the photo fails visibly.
  backoff: { baseMs: 5_000, capMs: 5 * 60_000 },
  now: () => new Date(),
};

/** Everything the worker touches, so a test can build one with its own settings. */
export interface PhotoWorkerDeps {
  queue: PhotoQueueRepository;
  storage: PhotoStorage;
  signal: PhotoQueueSignal;
  metrics: PhotoQueueMetrics;
}

/**
 * Processes uploaded photos off the request path (docs/decisions/0011-photo-processing-queue.md):
 * at most `workers` images at once in this process, whatever the backlog. Claims happen in one short
 * transaction at a time and outcomes are single statements, so the embedded database's one session
 * never sees two of this worker's transactions interleave; the image work holds no connection.
 */
@Injectable()
export class PhotoWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('PhotoWorker');
  private readonly settings: PhotoWorkerSettings;
  private readonly deps: PhotoWorkerDeps;
  private readonly active = new Set<Promise<void>>();
  /** Forked on the first photo; none when the settings bring their own `process`. */
  private pool: PhotoProcessorPool | null = null;
  private timer: NodeJS.Timeout | null = null;
  private claiming: Promise<number> | null = null;
  private started = false;
  private unsubscribe: (() => void) | null = null;
  /** The most images this worker ever had in hand at once: the bound, observed (tests, bench). */
  peakActive = 0;

  constructor(
    queue: PhotoQueueRepository,
    @Inject(PHOTO_STORAGE) storage: PhotoStorage,
    signal: PhotoQueueSignal,
    metrics: PhotoQueueMetrics,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'photos'>,
  ) {
    this.deps = { queue, storage, signal, metrics };
    this.settings = { ...DEFAULT_PHOTO_WORKER_SETTINGS, workers: config.photos.workers };
  }

  /** A worker with other settings (tests: a short lease, a slow image step) sharing the rest. */
  static create(deps: PhotoWorkerDeps, settings: Partial<PhotoWorkerSettings> & { workers: number }): PhotoWorker {
    const worker = new PhotoWorker(deps.queue, deps.storage, deps.signal, deps.metrics, {
      photos: { worker: false, workers: settings.workers, queueMax: 1 },
    });
    Object.assign(worker.settings, settings);
    return worker;
  }

  get concurrency(): number {
    return this.settings.workers;
  }

  onApplicationBootstrap(): void {
    if (this.config.photos.worker) this.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.unsubscribe = this.deps.signal.subscribe(() => this.schedule(0));
    this.schedule(0);
  }

  /** Stops claiming and lets the images in hand finish (a second or so), so none is left half done. */
  async stop(): Promise<void> {
    this.started = false;
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.claiming?.catch(() => undefined);
    await Promise.allSettled([...this.active]);
    this.pool?.close();
    this.pool = null;
  }

  /**
   * Processes until nothing is due and nothing is in hand (tests, tools). Works whether or not the
   * background loop runs: both fill the same bounded set of slots.
   */
  async drain(): Promise<void> {
    for (;;) {
      const claimed = await this.fill();
      if (claimed === 0 && this.active.size === 0) return;
      if (this.active.size > 0) await Promise.race([...this.active]);
    }
  }

  private schedule(delayMs: number): void {
    if (!this.started) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), delayMs);
    this.timer.unref?.();
  }

  private async tick(): Promise<void> {
    this.timer = null;
    if (!this.started) return;
    let claimed = 0;
    try {
      claimed = await this.fill();
    } catch (error) {
      this.logger.error(`Photo queue claim failed: ${(error as Error).message}`);
    }
    // Slots left free and nothing claimed: wait for a signal or the poll. A finished image
    // schedules the next fill itself.
    if (claimed === 0 || this.active.size < this.settings.workers) this.schedule(this.settings.pollMs);
  }

  /** Claims as many photos as there are free slots, one claim at a time, and starts each. */
  private async fill(): Promise<number> {
    while (this.claiming) await this.claiming.catch(() => undefined);
    const free = this.settings.workers - this.active.size;
    if (free <= 0) return 0;
    this.claiming = this.claim(free);
    try {
      return await this.claiming;
    } finally {
      this.claiming = null;
    }
  }

  private async claim(free: number): Promise<number> {
    const now = this.settings.now();
    const leaseId = randomUUID();
    const jobs = await this.deps.queue.claim(now, new Date(now.getTime() + this.settings.leaseMs), leaseId, free);
    for (const job of jobs) this.begin(job, leaseId);
    return jobs.length;
  }

  private begin(job: PhotoJob, leaseId: string): void {
    const running: Promise<void> = this.run(job, leaseId)
      .catch((error: unknown) => this.logger.error(`Photo ${job.id}: ${(error as Error).message}`))
      .finally(() => {
        this.active.delete(running);
        this.schedule(0);
      });
    this.active.add(running);
    this.peakActive = Math.max(this.peakActive, this.active.size);
  }

  private async run(job: PhotoJob, leaseId: string): Promise<void> {
    const started = process.hrtime.bigint();
    let outcome: PhotoOutcome;
    try {
      const original = await this.readOriginal(job.originalKey);
      const processed = await this.processImage(original);
      await this.deps.storage.put(job.storageKey, processed.full);
      await this.deps.storage.put(job.thumbnailKey, processed.thumbnail);
      outcome = { state: 'ready' };
      if (await this.deps.queue.markReady(job.id, leaseId, { width: processed.width, height: processed.height, bytes: processed.full.length })) {
        // The original may carry EXIF GPS and other personal data: gone as soon as it is not needed.
        if (job.originalKey) await this.deps.storage.remove(job.originalKey);
      }
    } catch (error) {
      outcome = outcomeOfError(error, job.attempts, this.settings.maxAttempts);
      await this.record(job, leaseId, outcome);
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (outcome.state !== 'retry') {
      this.deps.metrics.processed.inc({ outcome: outcome.state });
      this.deps.metrics.duration.observe({ outcome: outcome.state }, seconds);
    }
  }

  private async record(job: PhotoJob, leaseId: string, outcome: PhotoOutcome): Promise<void> {
    if (outcome.state === 'failed') {
      this.logger.warn(`Photo ${job.id} failed after ${job.attempts} attempt(s): ${outcome.reason}`);
      if (await this.deps.queue.markFailed(job.id, leaseId, outcome.reason)) {
        if (job.originalKey) await this.deps.storage.remove(job.originalKey).catch(() => undefined);
      }
    } else if (outcome.state === 'retry') {
      this.deps.metrics.retried.inc();
      const next = new Date(this.settings.now().getTime() + backoffDelay(job.attempts, this.settings.backoff));
      await this.deps.queue.retryLater(job.id, leaseId, next, outcome.error);
    }
  }

  /**
   * In a processor process of this worker's pool, one per slot: the pool never holds more images
   * than the worker has slots, and it is only forked once there is a photo to process.
   */
  private processImage(original: Buffer): Promise<ProcessedPhoto> {
    if (this.settings.process) return this.settings.process(original);
    this.pool ??= new PhotoProcessorPool({ size: this.settings.workers, timeoutMs: Math.max(1_000, this.settings.leaseMs - 10_000) });
    return this.pool.process(original);
  }

  /** The whole original, read into memory: at most PHOTO_WORKERS of them at once, each within the upload limit. */
  private async readOriginal(key: string | null): Promise<Buffer> {
    const stream = key ? await this.deps.storage.read(key) : null;
    if (!stream) throw new MissingOriginalError();
    const chunks: Buffer[] = [];
    let bytes = 0;
    for await (const chunk of stream) {
      bytes += (chunk as Buffer).length;
      // Uploads are refused above this size; an object store holding more was not filled by Plaza.
      if (bytes > REPORT_LIMITS.photoBytesMax) {
        stream.destroy();
        throw new InvalidPhotoError('too_large');
      }
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
  }
}
