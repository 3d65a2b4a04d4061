// Photos in an S3-compatible bucket (STORAGE_URL), against a real S3-protocol server.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { loadConfig } from '@plaza/api/config';
import { PhotoWorker, S3PhotoStorage } from '@plaza/api/media';
import sharp from 'sharp';
import { createTestApp, multipart, type TestApp } from './create-test-app';
import { startS3TestServer, type S3TestServer } from './s3-test-server';

const SOL = { lat: 40.4169, lon: -3.7035 };
const KEY = '0b7c2a5e-3f1d-4c1a-9e2b-5d6f7a8b9c0d.jpg';

async function objectKeys(s3: S3TestServer): Promise<string[]> {
  const client = new S3Client({
    endpoint: s3.endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  try {
    const listed = await client.send(new ListObjectsV2Command({ Bucket: s3.bucket }));
    return (listed.Contents ?? []).map((object) => object.Key ?? '').sort();
  } finally {
    client.destroy();
  }
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

describe('photo storage in an S3-compatible bucket', () => {
  let s3: S3TestServer;

  beforeAll(async () => {
    s3 = await startS3TestServer();
  });
  afterAll(() => s3?.close());

  describe('the driver', () => {
    let storage: S3PhotoStorage;
    beforeAll(async () => {
      const { storage: settings } = loadConfig({ ...s3.env('driver'), WEB_ROOT: 'none' });
      if (settings.kind !== 's3') throw new Error('STORAGE_URL was not read as a bucket');
      storage = await S3PhotoStorage.connect(settings);
    });
    afterAll(() => storage?.close());

    it('writes under the prefix, reads back the same bytes, and removes', async () => {
      const bytes = Buffer.from('not really a jpeg, the driver does not care');
      await storage.put(KEY, bytes);
      expect(await objectKeys(s3)).toContain(`driver/${KEY}`);
      expect(await readAll((await storage.read(KEY))!)).toEqual(bytes);

      await storage.remove(KEY);
      expect(await objectKeys(s3)).not.toContain(`driver/${KEY}`);

      // An upload streams in with its length known up front, never buffered whole.
      const original = '0b7c2a5e-3f1d-4c1a-9e2b-5d6f7a8b9c0d-original';
      await storage.putStream(original, Readable.from([bytes.subarray(0, 10), bytes.subarray(10)]), bytes.length);
      expect(await readAll((await storage.read(original))!)).toEqual(bytes);
      await storage.remove(original);
      expect(await storage.read(KEY)).toBeNull();
      // Removing what is already gone is not an error, as on local disk.
      await expect(storage.remove(KEY)).resolves.toBeUndefined();
    });

    it('refuses keys that are not photo keys, before any request', async () => {
      expect(await storage.read('../../etc/passwd')).toBeNull();
      await expect(storage.put('x/../y.jpg', Buffer.from('x'))).rejects.toThrow(/unsafe photo key/);
    });
  });

  describe('the API with STORAGE_URL set', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(s3.env('city'));
    });
    afterAll(() => t?.close());

    it('stores a report’s photo and thumbnail in the bucket, not on local disk, and serves them', async () => {
      const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#2a6f3c' } }).jpeg().toBuffer();
      const form = new FormData();
      for (const [field, value] of Object.entries({
        category: 'farola',
        title: 'Farola apagada',
        description: 'Lleva tres noches apagada.',
        lat: SOL.lat,
        lon: SOL.lon,
        'reporter[name]': 'Pablo',
        'reporter[email]': 'pablo@example.org',
        'reporter[showName]': 'false',
        consent: 'true',
      })) {
        form.set(field, String(value));
      }
      form.append('photos', new Blob([photo], { type: 'image/jpeg' }), 'farola.jpg');
      const filed = await t.inject({ method: 'POST', url: '/api/v1/reports', ...(await multipart(form)) });
      expect(filed.statusCode).toBe(201);

      // The upload streamed the original into the bucket; nothing is served until it is processed.
      const [upload] = filed.json().photoUploads;
      expect(await objectKeys(s3)).toContain(`city/${upload.id}-original`);
      expect((await t.inject({ method: 'GET', url: `/api/v1/media/${upload.id}-original` })).statusCode).toBe(404);
      // The worker reads the original from the bucket, writes the derivatives there, removes the original.
      await t.app.get(PhotoWorker).drain();
      const keys = await objectKeys(s3);
      expect(keys).not.toContain(`city/${upload.id}-original`);
      for (const key of [`${upload.id}.jpg`, `${upload.id}-thumb.jpg`]) {
        expect(keys).toContain(`city/${key}`);
        const served = await t.inject({ method: 'GET', url: `/api/v1/media/${key}` });
        expect(served.statusCode).toBe(200);
        expect(served.headers['content-type']).toBe('image/jpeg');
        expect((await sharp(served.rawPayload).metadata()).format).toBe('jpeg');
      }
      const localPhotos = await readdir(path.join(t.dataDir, 'photos')).catch(() => []);
      expect(localPhotos).toEqual([]);
    });

    it('answers 404 problem+json for a key the bucket does not have', async () => {
      const missing = await t.inject({ method: 'GET', url: `/api/v1/media/${KEY}` });
      expect(missing.statusCode).toBe(404);
      expect(missing.headers['content-type']).toContain('application/problem+json');
    });
  });
});
