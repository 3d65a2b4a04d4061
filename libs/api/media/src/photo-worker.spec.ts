import { Readable } from 'node:stream';
import { PhotoQueueMetrics } from './photo-queue-metrics';
import { PhotoQueueSignal } from './photo-queue-signal';
import type { PhotoJob, PhotoQueueRepository } from './photo-queue.repository';
import type { PhotoStorage } from './photo-storage';
import { PhotoWorker } from './photo-worker';

/** The queue's contract in memory: claims hand out each due job once, outcomes are fenced by lease. */
class MemoryQueue {
  readonly jobs = new Map<string, { state: string; lease: string | null; attempts: number; reason: string | null }>();

  constructor(count: number) {
    for (let i = 0; i < count; i += 1) this.jobs.set(`p${i}`, { state: 'pending', lease: null, attempts: 0, reason: null });
  }

  async claim(_now: Date, _until: Date, leaseId: string, limit: number): Promise<PhotoJob[]> {
    const free = [...this.jobs.entries()].filter(([, job]) => job.state === 'pending' && job.lease === null).slice(0, limit);
    return free.map(([id, job]) => {
      job.lease = leaseId;
      job.attempts += 1;
      return { id, originalKey: `${id}-original`, storageKey: `${id}.jpg`, thumbnailKey: `${id}-thumb.jpg`, attempts: job.attempts };
    });
  }

  async markReady(id: string, leaseId: string): Promise<boolean> {
    return this.finish(id, leaseId, 'ready', null);
  }

  async markFailed(id: string, leaseId: string, reason: string): Promise<boolean> {
    return this.finish(id, leaseId, 'failed', reason);
  }

  async retryLater(id: string, leaseId: string): Promise<void> {
    const job = this.jobs.get(id)!;
    if (job.lease === leaseId) job.lease = null;
  }

  private finish(id: string, leaseId: string, state: string, reason: string | null): boolean {
    const job = this.jobs.get(id)!;
    if (job.lease !== leaseId || job.state !== 'pending') return false;
    Object.assign(job, { state, reason, lease: null });
    return true;
  }
}

class MemoryStorage implements PhotoStorage {
  readonly objects = new Map<string, Buffer>();
  async put(key: string, data: Buffer): Promise<void> {
    this.objects.set(key, data);
  }
  async putStream(): Promise<void> {
    throw new Error('not used by the worker');
  }
  async putFile(): Promise<void> {
    throw new Error('not used by the worker');
  }
  async read(key: string): Promise<Readable | null> {
    const data = this.objects.get(key);
    return data ? Readable.from([data]) : null;
  }
  async remove(key: string): Promise<void> {
    this.objects.delete(key);
  }
}

function setup(count: number, workers: number, process: (original: Buffer) => Promise<never> | ReturnType<typeof fakeProcess>) {
  const queue = new MemoryQueue(count);
  const storage = new MemoryStorage();
  for (const id of queue.jobs.keys()) storage.objects.set(`${id}-original`, Buffer.from(`original of ${id}`));
  const worker = PhotoWorker.create(
    { queue: queue as unknown as PhotoQueueRepository, storage, signal: new PhotoQueueSignal(), metrics: new PhotoQueueMetrics() },
    { workers, process, backoff: { baseMs: 1, capMs: 1 } },
  );
  return { queue, storage, worker };
}

let inFlight = 0;
let peak = 0;
async function fakeProcess(original: Buffer) {
  inFlight += 1;
  peak = Math.max(peak, inFlight);
  await new Promise((resolve) => setTimeout(resolve, 5));
  inFlight -= 1;
  return { full: Buffer.from(`full:${original.toString()}`), thumbnail: Buffer.from('thumb'), width: 10, height: 10 };
}

describe('the photo worker', () => {
  beforeEach(() => {
    inFlight = 0;
    peak = 0;
  });

  it('never has more than PHOTO_WORKERS images in hand, and uses all of them', async () => {
    const { queue, worker } = setup(20, 3, fakeProcess);
    await worker.drain();
    expect([...queue.jobs.values()].every((job) => job.state === 'ready' && job.attempts === 1)).toBe(true);
    expect(peak).toBe(3);
    expect(worker.peakActive).toBe(3);
  });

  it('writes the derivatives and removes the original once ready', async () => {
    const { storage, worker } = setup(1, 1, fakeProcess);
    await worker.drain();
    expect([...storage.objects.keys()].sort()).toEqual(['p0-thumb.jpg', 'p0.jpg']);
    expect(storage.objects.get('p0.jpg')?.toString()).toBe('full:original of p0');
  });

  it('fails a photo whose original is missing, and keeps going with the others', async () => {
    const { queue, storage, worker } = setup(3, 2, fakeProcess);
    storage.objects.delete('p1-original');
    await worker.drain();
    expect(queue.jobs.get('p1')).toMatchObject({ state: 'failed', reason: 'original_missing' });
    expect(queue.jobs.get('p0')?.state).toBe('ready');
    expect(queue.jobs.get('p2')?.state).toBe('ready');
  });

  it('counts outcomes and durations for /metrics', async () => {
    const { storage, worker } = setup(2, 2, fakeProcess);
    storage.objects.delete('p0-original');
    const metrics = (worker as unknown as { deps: { metrics: PhotoQueueMetrics } }).deps.metrics;
    await worker.drain();
    const processed = (await metrics.processed.get()).values;
    expect(processed).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ labels: { outcome: 'ready' }, value: 1 }),
        expect.objectContaining({ labels: { outcome: 'failed' }, value: 1 }),
      ]),
    );
  });
});
