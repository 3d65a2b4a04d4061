import os from 'node:os';
import { readPhotoSettings } from './photo-config';

function read(env: Record<string, string>) {
  const problems: string[] = [];
  return { ...readPhotoSettings(env, problems), problems };
}

describe('photo queue settings', () => {
  it('defaults to one image at a time per core, a worker in every process and a backlog cap', () => {
    expect(read({})).toEqual({ photos: { worker: true, workers: os.availableParallelism(), queueMax: 2000 }, problems: [] });
  });

  it('reads PHOTO_WORKERS, PHOTO_QUEUE_MAX and PHOTO_WORKER', () => {
    expect(read({ PHOTO_WORKERS: '3', PHOTO_QUEUE_MAX: '50', PHOTO_WORKER: 'off' }).photos).toEqual({ worker: false, workers: 3, queueMax: 50 });
  });

  it('names each bad value', () => {
    const { problems } = read({ PHOTO_WORKERS: '0', PHOTO_QUEUE_MAX: 'many', PHOTO_WORKER: 'maybe' });
    expect(problems).toEqual([expect.stringMatching(/^PHOTO_WORKERS/), expect.stringMatching(/^PHOTO_QUEUE_MAX/), expect.stringMatching(/^PHOTO_WORKER must/)]);
  });
});
