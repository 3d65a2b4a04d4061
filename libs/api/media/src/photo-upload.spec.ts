import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { DomainError } from '@plaza/api/http';
import { sniffImageFormat, spoolPhoto } from './photo-upload';

const JPEG_HEAD = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]);
const PNG_HEAD = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);

/** A file part that arrives in many small chunks, as from a socket. */
function part(bytes: Buffer, mimetype = 'image/jpeg') {
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += 7) chunks.push(bytes.subarray(at, at + 7));
  return { mimetype, file: Readable.from(chunks) };
}

async function refusal(promise: Promise<unknown>): Promise<{ kind: string; errors: unknown }> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return { kind: error.kind, errors: error.fieldErrors };
}

describe('spooling an uploaded photo', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'plaza-spool-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));
  const limits = { photoBytesMax: 1000, requestBytesLeft: 5000 };

  it('knows JPEG, PNG and WebP by their first bytes, and nothing else', () => {
    expect(sniffImageFormat(JPEG_HEAD)).toBe('jpeg');
    expect(sniffImageFormat(PNG_HEAD)).toBe('png');
    expect(sniffImageFormat(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('webp');
    expect(sniffImageFormat(Buffer.from('GIF89a......'))).toBeNull();
    expect(sniffImageFormat(Buffer.from('%PDF-1.4 ...'))).toBeNull();
  });

  it('copies the bytes to a file, with their size and hash, whatever the chunking', async () => {
    const bytes = Buffer.concat([JPEG_HEAD, Buffer.alloc(500, 7)]);
    const spooled = await spoolPhoto(part(bytes), 0, dir, limits);
    expect(spooled).toMatchObject({ index: 0, bytes: bytes.length, format: 'jpeg', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(await readFile(spooled.file)).toEqual(bytes);
  });

  it('skips the hash when no Idempotency-Key needs it, and checks the bytes all the same', async () => {
    const bytes = Buffer.concat([JPEG_HEAD, Buffer.alloc(500, 7)]);
    const spooled = await spoolPhoto(part(bytes), 0, dir, limits, { digest: false });
    expect(spooled).toMatchObject({ bytes: bytes.length, format: 'jpeg', sha256: null });
    expect(await readFile(spooled.file)).toEqual(bytes);
    expect(await refusal(spoolPhoto(part(Buffer.from('%PDF-1.4 not an image')), 0, dir, limits, { digest: false }))).toMatchObject({
      errors: [{ field: 'photos[0]', code: 'not_an_image' }],
    });
  });

  it('refuses a photo over its limit (413 naming it) and keeps no partial file', async () => {
    const big = Buffer.concat([JPEG_HEAD, Buffer.alloc(2000)]);
    expect(await refusal(spoolPhoto(part(big), 2, dir, limits))).toEqual({
      kind: 'too_large',
      errors: [expect.objectContaining({ field: 'photos[2]', code: 'too_large' })],
    });
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses what would take the request over its total (413 on photos)', async () => {
    const bytes = Buffer.concat([JPEG_HEAD, Buffer.alloc(600)]);
    expect(await refusal(spoolPhoto(part(bytes), 1, dir, { photoBytesMax: 1000, requestBytesLeft: 300 }))).toEqual({
      kind: 'too_large',
      errors: [expect.objectContaining({ field: 'photos', code: 'too_large' })],
    });
  });

  it('refuses bytes that are no image (422), a declared type that is no photo (415), even a short file', async () => {
    expect(await refusal(spoolPhoto(part(Buffer.from('%PDF-1.4 not an image')), 0, dir, limits))).toMatchObject({
      kind: 'validation',
      errors: [expect.objectContaining({ field: 'photos[0]', code: 'not_an_image' })],
    });
    expect(await refusal(spoolPhoto(part(Buffer.from('GIF89a'), 'image/gif'), 0, dir, limits))).toMatchObject({
      kind: 'unsupported_media_type',
      errors: [expect.objectContaining({ field: 'photos[0]', code: 'unsupported_type' })],
    });
    expect(await refusal(spoolPhoto(part(Buffer.concat([PNG_HEAD, Buffer.alloc(10)]), 'application/pdf'), 0, dir, limits))).toMatchObject({
      kind: 'unsupported_media_type',
    });
    expect(await readdir(dir)).toEqual([]);
  });
});
