import { Injectable } from '@nestjs/common';
import { Counter, Histogram, type Metric } from 'prom-client';

/**
 * What the photo worker counts, registered on no registry here: @plaza/api/metrics adds these to
 * the process's own registry (and the queue's gauges, read from the database at scrape time).
 */
@Injectable()
export class PhotoQueueMetrics {
  readonly processed = new Counter({
    name: 'plaza_photos_processed_total',
    help: 'Photos the worker finished, by outcome (ready, failed)',
    labelNames: ['outcome'] as const,
    registers: [],
  });

  readonly retried = new Counter({
    name: 'plaza_photo_retries_total',
    help: 'Photo processing attempts that failed and were scheduled again (storage errors, not bad images)',
    registers: [],
  });

  /** From 50 ms (a small PNG) to 10 s (a 50 MP image on a busy core). */
  readonly duration = new Histogram({
    name: 'plaza_photo_processing_duration_seconds',
    help: 'Time to process one photo: read the original, re-encode, strip metadata, write the derivatives',
    labelNames: ['outcome'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 4, 10],
    registers: [],
  });

  all(): Metric[] {
    return [this.processed, this.retried, this.duration];
  }
}
