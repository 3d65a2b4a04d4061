import { Controller, Get, Headers, Inject, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Access } from '@plaza/api/auth';
import { DomainError } from '@plaza/api/http';
import type { FastifyReply } from 'fastify';
import { MediaVisibilityRepository } from './media-visibility.repository';
import { isServableKey, PHOTO_STORAGE, type PhotoStorage } from './photo-storage';

/**
 * Public user content may be cached, but only briefly and with revalidation: when a moderator hides
 * a photo, browsers and shared caches stop showing it within five minutes instead of a year.
 */
export const PUBLIC_PHOTO_CACHE = 'public, max-age=300, must-revalidate';
/** Staff see hidden photos too; those answers are nobody else's to keep. */
export const STAFF_PHOTO_CACHE = 'private, no-store';

const notFound = () => new DomainError('PHOTO.NOT_FOUND', 'not_found', 'No such photo.');

/** Content never changes under a key, so the key is a strong validator. */
function etagOf(key: string): string {
  return `"${key.replace(/\.jpg$/, '')}"`;
}

@ApiExcludeController()
@Controller({ version: '1' })
export class MediaController {
  constructor(
    @Inject(PHOTO_STORAGE) private readonly storage: PhotoStorage,
    private readonly visibility: MediaVisibilityRepository,
  ) {}

  /** A photo or thumbnail of public content; hidden ones (and those of hidden content) are 404. */
  @Get('media/:key')
  @Access('public')
  async photo(@Param('key') key: string, @Headers('if-none-match') ifNoneMatch: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    // An original upload (`…-original`) is never served to anyone: it may carry EXIF GPS.
    if (!isServableKey(key) || (await this.visibility.visibility(key)) !== 'public') throw notFound();
    await this.send(key, PUBLIC_PHOTO_CACHE, ifNoneMatch, reply);
  }

  /** The same bytes for staff, hidden or not (the console shows what it hid, marked as hidden). */
  @Get('staff/media/:key')
  @Access('department_staff', 'community_manager', 'admin')
  async staffPhoto(@Param('key') key: string, @Res() reply: FastifyReply): Promise<void> {
    if (!isServableKey(key) || (await this.visibility.visibility(key)) === 'unknown') throw notFound();
    await this.send(key, STAFF_PHOTO_CACHE, undefined, reply);
  }

  private async send(key: string, cacheControl: string, ifNoneMatch: string | undefined, reply: FastifyReply): Promise<void> {
    const etag = etagOf(key);
    reply.header('cache-control', cacheControl).header('x-content-type-options', 'nosniff');
    if (cacheControl === PUBLIC_PHOTO_CACHE) {
      reply.header('etag', etag);
      // Checked after the visibility, so a cached copy is only confirmed while the photo is public.
      if (ifNoneMatch?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
        await reply.status(304).send();
        return;
      }
    }
    const stream = await this.storage.read(key);
    if (!stream) throw notFound();
    await reply.header('content-type', 'image/jpeg').send(stream);
  }
}
