import type { FastifyRequest } from 'fastify';
import { REPORT_LIMITS } from '@plaza/shared/contracts';
import { DomainError } from '@plaza/api/http';
import { PhotoUploadErrors, removeSpooled, spoolPhoto, type SpooledPhoto, type SpoolOptions } from '@plaza/api/media';

export interface MultipartReport {
  fields: Record<string, unknown>;
  /** Spooled to files under the upload folder; the caller removes them once stored (removeSpooled). */
  photos: SpooledPhoto[];
}

const NUMBER_FIELDS = new Set(['lat', 'lon']);
const BOOLEAN_FIELDS = new Set(['consent', 'reporter.showName']);

/**
 * Reads a multipart report: fields in bracket notation (`reporter[email]`) become the same nested
 * object the JSON body has, and image files under `photos` are streamed to files in `uploadDir`
 * (one chunk in memory at a time), checked for type, size and count as they arrive; hashed only
 * when `options.digest` (a request with an Idempotency-Key).
 */
export async function readMultipartReport(request: FastifyRequest, uploadDir: string, options: SpoolOptions): Promise<MultipartReport> {
  const fields: Record<string, unknown> = {};
  const photos: SpooledPhoto[] = [];
  let photoBytes = 0;
  // The first refusal is answered once the whole form was read: leaving the parts iterator early
  // (a throw inside `for await`) waits forever on a body that is still arriving.
  let refusal: unknown = null;
  try {
    for await (const part of request.parts()) {
      if (refusal !== null) {
        if (part.type === 'file') await drain(part.file);
        continue;
      }
      try {
        if (part.type === 'file') {
          if (part.fieldname !== 'photos' && part.fieldname !== 'photos[]') {
            await drain(part.file);
            throw DomainError.validation([
              { field: part.fieldname, code: 'unknown_field', message: 'Files go in the "photos" field.' },
            ]);
          }
          if (photos.length >= REPORT_LIMITS.photosMax) {
            await drain(part.file);
            throw PhotoUploadErrors.tooMany(REPORT_LIMITS.photosMax);
          }
          const photo = await spoolPhoto(part, photos.length, uploadDir, {
            photoBytesMax: REPORT_LIMITS.photoBytesMax,
            requestBytesLeft: REPORT_LIMITS.photosRequestBytesMax - photoBytes,
          }, options);
          photos.push(photo);
          photoBytes += photo.bytes;
          continue;
        }
        const path = bracketPath(part.fieldname);
        if (!path) {
          throw DomainError.validation([{ field: part.fieldname, code: 'invalid_format', message: 'Bad field name.' }]);
        }
        setPath(fields, path, coerce(path.join('.'), String(part.value)));
      } catch (error) {
        refusal = error;
      }
    }
  } catch (error) {
    refusal ??= error;
  }
  if (refusal !== null) {
    await removeSpooled(photos);
    throw refusal;
  }
  return { fields, photos };
}

/** Lets a file part flow past unread (nothing kept in memory), so the parser reaches the next part. */
async function drain(stream: NodeJS.ReadableStream & { readableEnded?: boolean; destroyed?: boolean }): Promise<void> {
  if (stream.readableEnded || stream.destroyed) return;
  stream.resume();
  await new Promise<void>((resolve) => {
    stream.once('end', resolve);
    stream.once('close', resolve);
    stream.once('error', () => resolve());
  });
}

/** `reporter[email]` → ['reporter', 'email']; refuses prototype-polluting names. */
function bracketPath(name: string): string[] | null {
  const match = /^([A-Za-z][A-Za-z0-9_]*)((?:\[[A-Za-z][A-Za-z0-9_]*\])*)$/.exec(name);
  if (!match?.[1]) return null;
  const rest = [...(match[2] ?? '').matchAll(/\[([^\]]+)\]/g)].map((m) => m[1] as string);
  const path = [match[1], ...rest];
  if (path.some((p) => p === '__proto__' || p === 'constructor' || p === 'prototype')) return null;
  return path;
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1] as string] = value;
}

// Form fields are strings; turn the typed ones into what the JSON body would carry, and leave
// anything unparseable as a string so validation names the field.
function coerce(path: string, value: string): unknown {
  if (NUMBER_FIELDS.has(path)) {
    const n = Number(value);
    return value.trim() !== '' && Number.isFinite(n) ? n : value;
  }
  if (BOOLEAN_FIELDS.has(path)) {
    if (['true', 'on', '1', 'yes'].includes(value.toLowerCase())) return true;
    if (['false', 'off', '0', 'no', ''].includes(value.toLowerCase())) return false;
  }
  return value;
}
