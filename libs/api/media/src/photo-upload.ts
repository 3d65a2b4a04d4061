import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DomainError } from '@plaza/api/http';
import { REPORT_LIMITS } from '@plaza/shared/contracts';

/** One uploaded photo, spooled to a local file while the rest of the form arrives. */
export interface SpooledPhoto {
  /** Position in the form (`photos[i]` in problem details). */
  index: number;
  file: string;
  bytes: number;
  /** SHA-256 of the bytes, for Idempotency-Key request hashes; null when not asked for (no key). */
  sha256: string | null;
  format: ImageFormat;
}

export type ImageFormat = 'jpeg' | 'png' | 'webp';

/** A file part as @fastify/multipart hands it over. */
export interface FilePart {
  mimetype: string;
  file: Readable & { truncated?: boolean };
}

export interface SpoolOptions {
  /**
   * Whether to hash the bytes (SHA-256): only an Idempotency-Key's request hash needs it, and it
   * costs ≈ 2.5 ms of event-loop time per MB on the request path.
   */
  digest: boolean;
}

export interface SpoolLimits {
  photoBytesMax: number;
  /** What the request may still carry in photos, after the ones already read. */
  requestBytesLeft: number;
}

// Browsers send the declared type of the file chooser; some clients send a generic one. Both are
// checked against the bytes anyway: the declaration only decides between 415 and a closer look.
const ACCEPTED_DECLARED = new Set<string>([...REPORT_LIMITS.photoAcceptedTypes, 'application/octet-stream', '']);

/** The format the first bytes announce: JPEG (FF D8 FF), PNG (its 8-byte signature) or WebP (RIFF…WEBP). */
export function sniffImageFormat(head: Buffer): ImageFormat | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (head.length >= 12 && head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  return null;
}

const field = (index: number) => `photos[${index}]`;

export const PhotoUploadErrors = {
  unsupportedType: (index: number, declared: string) =>
    new DomainError('PHOTO.UNSUPPORTED_TYPE', 'unsupported_media_type', `Photos must be JPEG, PNG or WebP (got ${declared}).`, [
      { field: field(index), code: 'unsupported_type', message: 'Only JPEG, PNG and WebP photos are accepted.' },
    ]),
  notAnImage: (index: number) =>
    DomainError.validation([{ field: field(index), code: 'not_an_image', message: 'This file is not an image.' }], 'A photo could not be accepted.'),
  tooLarge: (index: number, max: number) =>
    new DomainError('PHOTO.TOO_LARGE', 'too_large', `A photo is larger than ${megabytes(max)} MB.`, [
      { field: field(index), code: 'too_large', message: `At most ${megabytes(max)} MB per photo.` },
    ]),
  requestTooLarge: (max: number) =>
    new DomainError('PHOTO.REQUEST_TOO_LARGE', 'too_large', `The photos of one report add up to more than ${megabytes(max)} MB.`, [
      { field: 'photos', code: 'too_large', message: `At most ${megabytes(max)} MB of photos per report.` },
    ]),
  tooMany: (max: number) => DomainError.validation([{ field: 'photos', code: 'too_many', message: `At most ${max} photos per report.` }]),
};

function megabytes(bytes: number): number {
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
}

class SizeExceeded extends Error {}
class NotAnImage extends Error {}
class UnsupportedType extends Error {}

/**
 * Counts, hashes and sniffs the bytes as they pass: memory holds one chunk (and the first 12
 * bytes), whatever the file's size. Once a limit is crossed or the first bytes are not an image,
 * nothing more is written, but the part is still read to its end: the multipart parser only moves
 * on to the next part (and the answer can only be sent) once this one is consumed.
 */
class UploadInspector extends Transform {
  bytes = 0;
  format: ImageFormat | null = null;
  refusal: SizeExceeded | NotAnImage | null = null;
  readonly hash = this.digest ? createHash('sha256') : null;
  private head = Buffer.alloc(0);

  constructor(
    private readonly max: number,
    private readonly digest: boolean,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.refusal) return done();
    if (this.bytes > this.max) {
      this.refusal = new SizeExceeded();
      return done();
    }
    if (this.format === null && this.head.length < 12) {
      this.head = Buffer.concat([this.head, chunk.subarray(0, 12)]).subarray(0, 12);
      if (this.head.length >= 12) {
        this.format = sniffImageFormat(this.head);
        if (this.format === null) {
          this.refusal = new NotAnImage();
          return done();
        }
      }
    }
    this.hash?.update(chunk);
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    if (!this.refusal && this.format === null) {
      this.format = sniffImageFormat(this.head);
      if (this.format === null) this.refusal = new NotAnImage();
    }
    done();
  }
}

/**
 * Copies one uploaded photo to a file in `dir`, checking as it goes: the first bytes (422), the
 * per-photo and per-request size (413, naming the field), and the declared type (415). On refusal
 * the partial file is removed.
 */
export async function spoolPhoto(
  part: FilePart,
  index: number,
  dir: string,
  limits: SpoolLimits,
  options: SpoolOptions = { digest: true },
): Promise<SpooledPhoto> {
  const declared = part.mimetype.toLowerCase().split(';')[0]!.trim();
  const max = Math.min(limits.photoBytesMax, limits.requestBytesLeft);
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${randomUUID()}.upload`);
  const inspector = new UploadInspector(max, options.digest);
  let refusal: Error | null;
  try {
    await pipeline(part.file, inspector, createWriteStream(file));
    refusal = inspector.refusal;
    // @fastify/multipart stops a file at its own fileSize limit and marks it truncated.
    if (part.file.truncated) refusal = new SizeExceeded();
    // Checked once the part is read (within the limits), so the form's next parts still follow.
    if (!refusal && !ACCEPTED_DECLARED.has(declared)) refusal = new UnsupportedType();
  } catch (error) {
    refusal = (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE' ? new SizeExceeded() : (error as Error);
  }
  if (refusal === null) return { index, file, bytes: inspector.bytes, sha256: inspector.hash?.digest('hex') ?? null, format: inspector.format! };
  await rm(file, { force: true });
  if (refusal instanceof SizeExceeded) {
    throw inspector.bytes > limits.photoBytesMax || part.file.truncated
      ? PhotoUploadErrors.tooLarge(index, limits.photoBytesMax)
      : PhotoUploadErrors.requestTooLarge(REPORT_LIMITS.photosRequestBytesMax);
  }
  // A GIF declared as a GIF is refused for its type (415), not as "not an image".
  if (refusal instanceof UnsupportedType || (refusal instanceof NotAnImage && !ACCEPTED_DECLARED.has(declared))) {
    throw PhotoUploadErrors.unsupportedType(index, declared);
  }
  if (refusal instanceof NotAnImage) throw PhotoUploadErrors.notAnImage(index);
  throw refusal;
}

/** Removes the spooled files of a request, whatever became of it. */
export async function removeSpooled(photos: SpooledPhoto[]): Promise<void> {
  await Promise.all(photos.map((photo) => rm(photo.file, { force: true })));
}
