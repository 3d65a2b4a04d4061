// Photos processed off the request path (docs/decisions/0011-photo-processing-queue.md): the upload
// answers at once with pending photos, a bounded worker processes them, limits answer clear 4xx.
import { APP_CONFIG, type AppConfig } from '@plaza/api/config';
import {
  DEFAULT_PHOTO_WORKER_SETTINGS,
  PHOTO_STORAGE,
  PhotoQueueMetrics,
  PhotoQueueRepository,
  PhotoQueueSignal,
  PhotoProcessorPool,
  PhotoWorker,
  processPhoto,
  type PhotoWorkerDeps,
} from '@plaza/api/media';
import sharp from 'sharp';
import { DataSource } from 'typeorm';
import { call, caseUrl, citizenReport } from './cases-fixtures';
import { createTestApp, multipart, type TestApp, type TestResponse } from './create-test-app';
import { confirmByMail } from './report-confirmation';
import { DEMO, seedAccounts, signIn, type TestSession } from './sessions';

interface PhotoRow {
  state: string;
  attempts: number;
  failure_reason: string | null;
  original_key: string | null;
  width: number;
}

function form(photos: Array<{ bytes: Buffer; type?: string }>, overrides: Record<string, unknown> = {}): FormData {
  const report = citizenReport(overrides);
  const body = new FormData();
  for (const [field, value] of Object.entries({
    category: report.category,
    title: report.title,
    description: report.description,
    lat: report.lat,
    lon: report.lon,
    'reporter[name]': report.reporter.name,
    'reporter[email]': report.reporter.email,
    'reporter[showName]': 'false',
    consent: 'true',
  })) {
    body.set(field, String(value));
  }
  for (const [index, photo] of photos.entries()) {
    body.append('photos', new Blob([new Uint8Array(photo.bytes)], { type: photo.type ?? 'image/jpeg' }), `photo-${index}.jpg`);
  }
  return body;
}

async function upload(
  t: TestApp,
  photos: Array<{ bytes: Buffer; type?: string }>,
  overrides: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<TestResponse> {
  const body = await multipart(form(photos, overrides));
  return t.inject({ method: 'POST', url: '/api/v1/reports', payload: body.payload, headers: { ...body.headers, ...headers } });
}

/** A phone-like photo with GPS in its EXIF. */
function gpsPhoto(width = 1600, height = 1200): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#c83232' } })
    .jpeg()
    .withExif({ IFD0: { Copyright: 'private' }, IFD3: { GPSLatitudeRef: 'N', GPSLongitudeRef: 'W' } })
    .toBuffer();
}

describe('the photo processing queue', () => {
  let t: TestApp;
  let db: DataSource;
  let worker: PhotoWorker;
  let manager: TestSession;

  const photoRow = async (id: string): Promise<PhotoRow> =>
    (await db.query(`SELECT state, attempts, failure_reason, original_key, width FROM report_photos WHERE id = $1`, [id]))[0];
  const deps = (): PhotoWorkerDeps => ({
    queue: t.app.get(PhotoQueueRepository),
    storage: t.app.get(PHOTO_STORAGE),
    signal: new PhotoQueueSignal(),
    metrics: t.app.get(PhotoQueueMetrics),
  });

  beforeAll(async () => {
    // No background worker: each test decides when photos are processed.
    t = await createTestApp({ PHOTO_WORKER: 'false', PHOTO_WORKERS: '2' });
    db = t.app.get(DataSource);
    worker = t.app.get(PhotoWorker);
    await seedAccounts(t);
    manager = await signIn(t, DEMO.manager);
  });
  afterAll(() => t?.close());
  // Whatever a test left pending must not leak into the next one's counts.
  afterEach(() => worker.drain());

  it('answers at once with pending photos, never serves the original, and publishes them once processed', async () => {
    const filed = await upload(t, [{ bytes: await gpsPhoto() }, { bytes: await gpsPhoto(800, 600) }]);
    expect(filed.statusCode).toBe(201);
    const report = filed.json();
    expect(report.properties.photos).toEqual([]);
    expect(report.photoUploads).toEqual([
      { id: expect.any(String), state: 'pending' },
      { id: expect.any(String), state: 'pending' },
    ]);
    const ref: string = report.properties.ref;
    await confirmByMail(t, ref);
    const [first] = report.photoUploads as Array<{ id: string }>;
    expect(await photoRow(first!.id)).toMatchObject({ state: 'pending', original_key: `${first!.id}-original` });

    // Pending: the page says a photo is on its way; neither derivative nor original is reachable.
    const pendingPage = (await t.inject({ method: 'GET', url: `/api/v1/reports/${ref}` })).json();
    expect(pendingPage.properties).toMatchObject({ photos: [], photosProcessing: 2 });
    for (const key of [`${first!.id}.jpg`, `${first!.id}-thumb.jpg`, `${first!.id}-original`]) {
      expect((await t.inject({ method: 'GET', url: `/api/v1/media/${key}` })).statusCode).toBe(404);
    }

    await worker.drain();
    expect(await photoRow(first!.id)).toMatchObject({ state: 'ready', original_key: null, width: 1600, attempts: 1 });
    const page = (await t.inject({ method: 'GET', url: `/api/v1/reports/${ref}` })).json();
    expect(page.properties.photosProcessing).toBe(0);
    expect(page.properties.photos).toHaveLength(2);
    for (const url of [page.properties.photos[0].url, page.properties.photos[0].thumbnailUrl]) {
      const image = await t.inject({ method: 'GET', url: new URL(url).pathname });
      expect(image.statusCode).toBe(200);
      expect((await sharp(image.rawPayload).metadata()).exif).toBeUndefined();
    }
    // The original, with its GPS, is gone from storage once processed.
    expect(await t.app.get(PHOTO_STORAGE).read(`${first!.id}-original`)).toBeNull();
  });

  it('tells a retry with the same photos from another request under the same Idempotency-Key', async () => {
    const photo = await gpsPhoto(400, 300);
    const fields = { title: 'Farola apagada en la esquina' };
    const headers = { 'idempotency-key': 'photo-retry-1' };
    const first = await upload(t, [{ bytes: photo }], fields, headers);
    expect(first.statusCode).toBe(201);
    const again = await upload(t, [{ bytes: photo }], fields, headers);
    expect(again.statusCode).toBe(201);
    expect(again.json().properties.ref).toBe(first.json().properties.ref);
    expect(again.json().photoUploads).toEqual([]);
    // Same fields, another photo: the photos' digests are part of the request hash.
    const other = await upload(t, [{ bytes: await gpsPhoto(401, 300) }], fields, headers);
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('IDEMPOTENCY.KEY_REUSED');
  });

  it('ends a corrupt image as failed, with the reason for staff only, and never answers 500', async () => {
    // JPEG magic bytes, then garbage: accepted by the upload, refused by the decoder.
    const corrupt = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(4000, 0x41)]);
    const filed = await upload(t, [{ bytes: corrupt }]);
    expect(filed.statusCode).toBe(201);
    const ref: string = filed.json().properties.ref;
    const id: string = filed.json().photoUploads[0].id;
    await confirmByMail(t, ref);
    await worker.drain();
    expect(await photoRow(id)).toMatchObject({ state: 'failed', failure_reason: 'not_an_image', original_key: null, attempts: 1 });

    const page = await t.inject({ method: 'GET', url: `/api/v1/reports/${ref}` });
    expect(page.statusCode).toBe(200);
    expect(page.json().properties).toMatchObject({ photos: [], photosProcessing: 0 });
    expect((await t.inject({ method: 'GET', url: `/api/v1/media/${id}.jpg` })).statusCode).toBe(404);
    const staffView = (await call(t, manager, 'GET', caseUrl(ref))).json();
    expect(staffView.photos).toEqual([expect.objectContaining({ id, state: 'failed', failureReason: 'not_an_image' })]);
  });

  it('takes again a photo whose worker died holding its lease, once the lease has run out', async () => {
    const filed = await upload(t, [{ bytes: await gpsPhoto(640, 480) }]);
    const id: string = filed.json().photoUploads[0].id;
    // A worker claims it with a short lease, then "dies": it never records an outcome.
    const queue = t.app.get(PhotoQueueRepository);
    const now = new Date();
    const dead = await queue.claim(now, new Date(now.getTime() + 300), '00000000-0000-4000-8000-000000000000', 10);
    expect(dead.map((job) => job.id)).toEqual([id]);

    const survivor = PhotoWorker.create(deps(), { workers: 2 });
    await survivor.drain();
    expect(await photoRow(id)).toMatchObject({ state: 'pending', attempts: 1 });

    await new Promise((resolve) => setTimeout(resolve, 400));
    await survivor.drain();
    expect(await photoRow(id)).toMatchObject({ state: 'ready', attempts: 2 });
    // The dead worker's late outcome is fenced off by its lost lease.
    expect(await queue.markFailed(id, '00000000-0000-4000-8000-000000000000', 'late')).toBe(false);
    expect(await photoRow(id)).toMatchObject({ state: 'ready' });
  });

  it('retries a photo whose processing failed for a reason other than its content', async () => {
    const filed = await upload(t, [{ bytes: await gpsPhoto(640, 480) }]);
    const id: string = filed.json().photoUploads[0].id;
    let calls = 0;
    const flaky = PhotoWorker.create(deps(), {
      workers: 1,
      backoff: { baseMs: 1, capMs: 1 },
      process: async (original) => {
        calls += 1;
        if (calls === 1) throw new Error('bucket unreachable');
        return processPhoto(original);
      },
    });
    await flaky.drain();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await flaky.drain();
    expect(await photoRow(id)).toMatchObject({ state: 'ready', attempts: 2 });
    expect(calls).toBe(2);
  });

  it('takes again a photo whose processor process crashed with it in hand, then fails one that always crashes it', async () => {
    const filed = await upload(t, [{ bytes: await gpsPhoto(640, 480) }]);
    const id: string = filed.json().photoUploads[0].id;
    const pool = new PhotoProcessorPool({ size: 1 });
    let crashes = 1;
    // The real processor process, killed (as a segfault or the OOM killer would) with the photo in hand.
    const crashing = async (original: Buffer) => {
      const result = pool.process(original);
      if (crashes > 0) {
        crashes -= 1;
        pool.crashBusy();
      }
      return result;
    };
    try {
      const survivor = PhotoWorker.create(deps(), { workers: 1, maxAttempts: 3, backoff: { baseMs: 1, capMs: 1 }, process: crashing });
      await survivor.drain();
      await new Promise((resolve) => setTimeout(resolve, 20));
      await survivor.drain();
      expect(crashes).toBe(0);
      expect(await photoRow(id)).toMatchObject({ state: 'ready', attempts: 2, original_key: null, width: 640 });

      // A file that kills its process every time ends failed after maxAttempts, its original removed.
      const poison = await upload(t, [{ bytes: await gpsPhoto(640, 480) }]);
      const poisonId: string = poison.json().photoUploads[0].id;
      crashes = Number.POSITIVE_INFINITY;
      for (let attempt = 0; attempt < 3; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        await survivor.drain();
      }
      expect(await photoRow(poisonId)).toMatchObject({
        state: 'failed',
        attempts: 3,
        failure_reason: 'processing_error: photo processor exited (SIGKILL)',
        original_key: null,
      });
    } finally {
      pool.close();
    }
  });

  it('never lets two workers process the same photo, and each stays within its bound', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const filed = await upload(t, [{ bytes: await gpsPhoto(320, 240) }, { bytes: await gpsPhoto(320, 240) }, { bytes: await gpsPhoto(320, 240) }]);
      ids.push(...filed.json().photoUploads.map((u: { id: string }) => u.id));
    }
    const processedBy = new Map<string, string[]>();
    const slowly = (name: string) => async (original: Buffer) => {
      await new Promise((resolve) => setTimeout(resolve, 40));
      const result = await processPhoto(original);
      processedBy.set(name, [...(processedBy.get(name) ?? []), 'x']);
      return result;
    };
    const a = PhotoWorker.create(deps(), { workers: 2, process: slowly('a') });
    const b = PhotoWorker.create(deps(), { workers: 2, process: slowly('b') });
    await Promise.all([a.drain(), b.drain()]);

    const rows: Array<{ id: string; state: string; attempts: number }> = await db.query(
      `SELECT id, state, attempts FROM report_photos WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    expect(rows).toHaveLength(9);
    // One attempt each: no photo was claimed by both.
    expect(rows.every((row) => row.state === 'ready' && row.attempts === 1)).toBe(true);
    const total = [...processedBy.values()].reduce((sum, list) => sum + list.length, 0);
    expect(total).toBe(9);
    expect(a.peakActive).toBeLessThanOrEqual(2);
    expect(b.peakActive).toBeLessThanOrEqual(2);
    expect(a.peakActive + b.peakActive).toBeGreaterThanOrEqual(3);
  });

  describe('limits', () => {
    const expectProblem = (response: TestResponse, status: number, field: string, code: string) => {
      expect(response.statusCode).toBe(status);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors).toEqual([expect.objectContaining({ field, code })]);
    };

    it('refuses a photo over the size limit with 413 naming it', async () => {
      const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(10 * 1024 * 1024 + 10)]);
      expectProblem(await upload(t, [{ bytes: await gpsPhoto(200, 200) }, { bytes: big }]), 413, 'photos[1]', 'too_large');
    });

    it('refuses photos adding up to more than the request allows with 413', async () => {
      const nine = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(9 * 1024 * 1024)]);
      expectProblem(await upload(t, [{ bytes: nine }, { bytes: nine }, { bytes: nine }]), 413, 'photos', 'too_large');
    });

    it('refuses a declared type that is no photo with 415, and bytes that are no image with 422', async () => {
      expectProblem(await upload(t, [{ bytes: Buffer.from('GIF89a…'), type: 'image/gif' }]), 415, 'photos[0]', 'unsupported_type');
      expectProblem(await upload(t, [{ bytes: Buffer.from('%PDF-1.4 not an image at all') }]), 422, 'photos[0]', 'not_an_image');
    });

    it('refuses a sixth photo with 422', async () => {
      const small = await gpsPhoto(100, 100);
      expectProblem(await upload(t, Array.from({ length: 6 }, () => ({ bytes: small }))), 422, 'photos', 'too_many');
    });

    it('refuses uploads with 503 and Retry-After while the queue is over PHOTO_QUEUE_MAX, never a report without photos', async () => {
      const config = t.app.get<AppConfig>(APP_CONFIG);
      const before = config.photos.queueMax;
      config.photos.queueMax = 1;
      try {
        expect((await upload(t, [{ bytes: await gpsPhoto(200, 200) }])).statusCode).toBe(201);
        const refused = await upload(t, [{ bytes: await gpsPhoto(200, 200) }]);
        expectProblem(refused, 503, 'photos', 'queue_full');
        expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
        expect((await upload(t, [])).statusCode).toBe(201);
        expect((await t.inject({ method: 'POST', url: '/api/v1/reports', payload: citizenReport() })).statusCode).toBe(201);
      } finally {
        config.photos.queueMax = before;
      }
      await worker.drain();
      expect((await upload(t, [{ bytes: await gpsPhoto(200, 200) }])).statusCode).toBe(201);
    });

    it('keeps no spooled upload on local disk, accepted or refused', async () => {
      const { readdir } = await import('node:fs/promises');
      const path = await import('node:path');
      expect(await readdir(path.join(t.dataDir, 'uploads')).catch(() => [])).toEqual([]);
    });
  });

  it('publishes the queue depth, the oldest age, outcomes and durations at /metrics', async () => {
    await upload(t, [{ bytes: await gpsPhoto(300, 300) }]);
    const before = (await t.inject({ method: 'GET', url: '/metrics' })).body;
    expect(before).toMatch(/^plaza_photo_queue_depth 1$/m);
    expect(before).toMatch(/^plaza_photo_queue_oldest_age_seconds \d/m);
    await worker.drain();
    const after = (await t.inject({ method: 'GET', url: '/metrics' })).body;
    expect(after).toMatch(/^plaza_photo_queue_depth 0$/m);
    expect(after).toMatch(/^plaza_photos_processed_total\{outcome="ready"\} [1-9]/m);
    expect(after).toMatch(/^plaza_photos_processed_total\{outcome="failed"\} [1-9]/m);
    expect(after).toMatch(/^plaza_photo_processing_duration_seconds_count\{outcome="ready"\} [1-9]/m);
  });

  it('processes on its own when the worker runs, woken by the upload', async () => {
    const background = PhotoWorker.create({ ...deps(), signal: t.app.get(PhotoQueueSignal) }, { workers: 1, pollMs: 60_000 });
    background.start();
    try {
      const filed = await upload(t, [{ bytes: await gpsPhoto(300, 300) }]);
      const id: string = filed.json().photoUploads[0].id;
      const deadline = Date.now() + 10_000;
      while ((await photoRow(id)).state === 'pending' && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
      expect((await photoRow(id)).state).toBe('ready');
    } finally {
      await background.stop();
    }
    expect(DEFAULT_PHOTO_WORKER_SETTINGS.leaseMs).toBeGreaterThan(60_000);
  });
});
