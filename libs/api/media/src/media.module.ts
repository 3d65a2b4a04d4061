import path from 'node:path';
import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@plaza/api/config';
import { MediaController } from './media.controller';
import { MediaVisibilityRepository } from './media-visibility.repository';
import { LocalDiskPhotoStorage, PHOTO_STORAGE } from './photo-storage';

@Module({
  controllers: [MediaController],
  providers: [
    MediaVisibilityRepository,
    {
      provide: PHOTO_STORAGE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new LocalDiskPhotoStorage(path.join(config.dataDir, 'photos')),
    },
  ],
  exports: [PHOTO_STORAGE],
})
export class MediaModule {}
