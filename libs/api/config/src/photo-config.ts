import os from 'node:os';

type Env = Record<string, string | undefined>;

/** The photo processing queue (docs/operations.md#photo-processing). */
export interface PhotoSettings {
  /** Whether this process runs the photo worker (PHOTO_WORKER, default true). */
  worker: boolean;
  /** Images processed at once by this process (PHOTO_WORKERS, default: the number of cores). */
  workers: number;
  /**
   * Photos waiting to be processed beyond which new uploads are refused with 503 + Retry-After
   * (PHOTO_QUEUE_MAX, default 2000): a backlog of hours helps nobody and fills the disk.
   */
  queueMax: number;
}

export function readPhotoSettings(env: Env, problems: string[]): { photos: PhotoSettings } {
  const workersRaw = env['PHOTO_WORKERS']?.trim();
  let workers = Math.max(1, os.availableParallelism());
  if (workersRaw) {
    const value = Number(workersRaw);
    if (!Number.isInteger(value) || value < 1 || value > 64) {
      problems.push(`PHOTO_WORKERS must be a whole number from 1 to 64 (got "${workersRaw}")`);
    } else workers = value;
  }
  const queueRaw = env['PHOTO_QUEUE_MAX']?.trim();
  let queueMax = 2000;
  if (queueRaw) {
    const value = Number(queueRaw);
    if (!Number.isInteger(value) || value < 1) {
      problems.push(`PHOTO_QUEUE_MAX must be a whole number of photos, at least 1 (got "${queueRaw}")`);
    } else queueMax = value;
  }
  const workerRaw = env['PHOTO_WORKER']?.trim().toLowerCase();
  let worker = true;
  if (workerRaw) {
    if (['true', '1', 'yes', 'on'].includes(workerRaw)) worker = true;
    else if (['false', '0', 'no', 'off'].includes(workerRaw)) worker = false;
    else problems.push(`PHOTO_WORKER must be true or false (got "${workerRaw}")`);
  }
  return { photos: { worker, workers, queueMax } };
}
