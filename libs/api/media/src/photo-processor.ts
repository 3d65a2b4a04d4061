import sharp from 'sharp';
import { REPORT_LIMITS } from '@plaza/shared/contracts';

export interface ProcessedPhoto {
  full: Buffer;
  thumbnail: Buffer;
  width: number;
  height: number;
}

export class InvalidPhotoError extends Error {}

const ACCEPTED_FORMATS = new Set(['jpeg', 'png', 'webp']);
// Citizen photos are phone pictures; anything far larger is a decompression bomb, not a pothole.
const MAX_INPUT_PIXELS = 50_000_000;
const FULL_SIZE = 2048;
const THUMB_SIZE = 400;

/**
 * Re-encodes a citizen's photo: the format is sniffed from the bytes (never trusted from the
 * name or declared type), orientation applied, then every piece of metadata — EXIF GPS included —
 * dropped by re-encoding to JPEG.
 */
export async function processPhoto(input: Buffer): Promise<ProcessedPhoto> {
  if (input.length > REPORT_LIMITS.photoBytesMax) throw new InvalidPhotoError('too_large');
  let format: string | undefined;
  try {
    ({ format } = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS }).metadata());
  } catch {
    throw new InvalidPhotoError('not_an_image');
  }
  if (!format || !ACCEPTED_FORMATS.has(format)) throw new InvalidPhotoError('unsupported_format');
  try {
    const base = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' }).rotate();
    const { data: full, info } = await base
      .clone()
      .resize(FULL_SIZE, FULL_SIZE, { fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 80, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    const thumbnail = await base
      .clone()
      .resize(THUMB_SIZE, THUMB_SIZE, { fit: 'cover' })
      .jpeg({ quality: 75 })
      .toBuffer();
    return { full, thumbnail, width: info.width, height: info.height };
  } catch {
    throw new InvalidPhotoError('not_an_image');
  }
}
