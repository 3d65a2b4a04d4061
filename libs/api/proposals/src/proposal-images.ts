import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@plaza/api/http';
import { InvalidPhotoError, PHOTO_STORAGE, processPhoto, type PhotoStorage } from '@plaza/api/media';
import { PROPOSAL_LIMITS } from '@plaza/shared/contracts';
import type { FastifyRequest } from 'fastify';
import sharp from 'sharp';
import type { NewImage } from './proposals.repository';

const BOOLEAN_FIELDS = new Set(['showName']);
const NUMBER_FIELDS = new Set(['lat', 'lon']);

/** Proposal images go through the same processing and storage as report photos (EXIF stripped, re-encoded). */
@Injectable()
export class ProposalImages {
  constructor(@Inject(PHOTO_STORAGE) private readonly storage: PhotoStorage) {
    // Processed here, in the staff member's request (rare, at most three images), unlike citizens'
    // photos (photo processor processes): one libvips thread and no operation cache, so it neither
    // spreads over every core nor keeps a 50 MB cache in the API process.
    sharp.concurrency(1);
    sharp.cache(false);
  }

  async store(buffers: Buffer[]): Promise<NewImage[]> {
    const stored: NewImage[] = [];
    try {
      for (const [index, buffer] of buffers.entries()) {
        let processed;
        try {
          processed = await processPhoto(buffer);
        } catch (error) {
          if (error instanceof InvalidPhotoError) {
            throw DomainError.validation([{ field: `images[${index}]`, code: error.message, message: 'This file is not a usable image.' }]);
          }
          throw error;
        }
        const id = randomUUID();
        const image = {
          storageKey: `${id}.jpg`,
          thumbnailKey: `${id}-thumb.jpg`,
          width: processed.width,
          height: processed.height,
          bytes: processed.full.length,
        };
        await this.storage.put(image.storageKey, processed.full);
        await this.storage.put(image.thumbnailKey, processed.thumbnail);
        stored.push(image);
      }
      return stored;
    } catch (error) {
      await this.remove(stored);
      throw error;
    }
  }

  async remove(images: NewImage[]): Promise<void> {
    await Promise.all(images.flatMap((i) => [this.storage.remove(i.storageKey), this.storage.remove(i.thumbnailKey)]));
  }
}

/** A multipart proposal: flat text fields and up to three files under `images`. */
export async function readMultipartProposal(request: FastifyRequest): Promise<{ fields: Record<string, unknown>; images: Buffer[] }> {
  const fields: Record<string, unknown> = {};
  const images: Buffer[] = [];
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== 'images' && part.fieldname !== 'images[]') {
        await part.toBuffer();
        throw DomainError.validation([{ field: part.fieldname, code: 'unknown_field', message: 'Files go in the "images" field.' }]);
      }
      if (images.length >= PROPOSAL_LIMITS.imagesMax) {
        throw DomainError.validation([
          { field: 'images', code: 'too_many', message: `At most ${PROPOSAL_LIMITS.imagesMax} images per proposal.` },
        ]);
      }
      images.push(await part.toBuffer());
    } else if (/^[A-Za-z][A-Za-z0-9]{0,31}$/.test(part.fieldname)) {
      fields[part.fieldname] = coerce(part.fieldname, String(part.value));
    } else {
      throw DomainError.validation([{ field: part.fieldname, code: 'invalid_format', message: 'Bad field name.' }]);
    }
  }
  return { fields, images };
}

function coerce(name: string, value: string): unknown {
  if (NUMBER_FIELDS.has(name)) {
    const n = Number(value);
    return value.trim() !== '' && Number.isFinite(n) ? n : value;
  }
  if (BOOLEAN_FIELDS.has(name)) {
    if (['true', 'on', '1', 'yes'].includes(value.toLowerCase())) return true;
    if (['false', 'off', '0', 'no', ''].includes(value.toLowerCase())) return false;
  }
  return value;
}
