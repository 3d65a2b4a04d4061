import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Access } from '@plaza/api/auth';
import { DomainError } from '@plaza/api/http';
import type { FastifyReply } from 'fastify';
import { PHOTO_STORAGE, type PhotoStorage } from './photo-storage';

@ApiExcludeController()
@Access('public')
@Controller({ path: 'media', version: '1' })
export class MediaController {
  constructor(@Inject(PHOTO_STORAGE) private readonly storage: PhotoStorage) {}

  @Get(':key')
  async photo(@Param('key') key: string, @Res() reply: FastifyReply): Promise<void> {
    const stream = await this.storage.read(key);
    if (!stream) throw new DomainError('PHOTO.NOT_FOUND', 'not_found', 'No such photo.');
    // Keys are random and content never changes under a key: cache for a year.
    await reply
      .header('content-type', 'image/jpeg')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('x-content-type-options', 'nosniff')
      .send(stream);
  }
}
