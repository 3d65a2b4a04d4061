// The photo processor processes (photo-processor-pool.ts): real forks of the processor script,
// run from the TypeScript sources through infra/scripts/register-swc.mjs.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { InvalidPhotoError } from './photo-processor';
import { PhotoProcessorExitedError, PhotoProcessorPool } from './photo-processor-pool';

function photo(width = 1200, height = 900): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#3366cc' } })
    .jpeg()
    .withExif({ IFD3: { GPSLatitudeRef: 'N' } })
    .toBuffer();
}

/** The niceness of every thread of a process (Linux /proc: field 19 of each task's stat). */
async function threadNiceness(pid: number): Promise<number[]> {
  const tasks = await readdir(`/proc/${pid}/task`);
  return Promise.all(tasks.map(async (task) => Number((await readFile(`/proc/${pid}/task/${task}/stat`, 'utf8')).replace(/^.*\) /, '').split(' ')[16])));
}

describe('the photo processor processes', () => {
  let pool: PhotoProcessorPool;

  afterEach(() => pool?.close());

  it('process a photo out of the API process, every thread of it niced', async () => {
    pool = new PhotoProcessorPool({ size: 1, niceness: 10 });
    const out = await pool.process(await photo());
    expect(out).toMatchObject({ width: 1200, height: 900 });
    expect((await sharp(out.full).metadata()).exif).toBeUndefined();
    const [pid] = pool.pids;
    expect(pid).not.toBe(process.pid);
    if (existsSync('/proc/self/task')) {
      const niceness = await threadNiceness(pid!);
      // Node's threads, libuv's pool and libvips' workers: all of them yield to the API.
      expect(niceness.length).toBeGreaterThan(3);
      expect(niceness.every((n) => n === 10)).toBe(true);
    }
  });

  it('never runs more processes than its size, and serves every photo', async () => {
    pool = new PhotoProcessorPool({ size: 2 });
    const input = await photo(400, 300);
    const results = Array.from({ length: 5 }, () => pool.process(input));
    expect(pool.pids).toHaveLength(2);
    expect(await Promise.all(results)).toHaveLength(5);
    expect(pool.pids.length).toBeLessThanOrEqual(2);
  });

  it('answers a corrupt file with the decoder refusal, and stays usable', async () => {
    pool = new PhotoProcessorPool({ size: 1 });
    const corrupt = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(4000, 0x41)]);
    await expect(pool.process(corrupt)).rejects.toEqual(new InvalidPhotoError('not_an_image'));
    await expect(pool.process(await photo(300, 200))).resolves.toMatchObject({ width: 300 });
  });

  it('loses only the photo in hand when its process dies, and forks a fresh one for the next', async () => {
    pool = new PhotoProcessorPool({ size: 1 });
    const input = await photo();
    await pool.process(input);
    const [first] = pool.pids;
    const inHand = pool.process(input);
    pool.crashBusy();
    await expect(inHand).rejects.toBeInstanceOf(PhotoProcessorExitedError);
    await expect(inHand).rejects.toThrow('photo processor exited (SIGKILL)');
    await expect(pool.process(input)).resolves.toMatchObject({ width: 1200 });
    expect(pool.pids).toHaveLength(1);
    expect(pool.pids[0]).not.toBe(first);
  });

  it('kills a process that does not answer in time, so its slot comes back', async () => {
    // A timeout no 12 MP decode meets on any machine: the process is killed mid-photo.
    pool = new PhotoProcessorPool({ size: 1, timeoutMs: 1 });
    await expect(pool.process(await photo(4000, 3000))).rejects.toBeInstanceOf(PhotoProcessorExitedError);
    expect(pool.pids).toHaveLength(0);
  });
});
