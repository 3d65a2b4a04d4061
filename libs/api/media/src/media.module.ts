import path from 'node:path';
import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@plaza/api/config';
import { MediaController } from './media.controller';
import { MediaVisibilityRepository } from './media-visibility.repository';
import { PhotoQueueMetrics } from './photo-queue-metrics';
import { PhotoQueueSignal } from './photo-queue-signal';
import { PhotoQueueRepository } from './photo-queue.repository';
import { LocalDiskPhotoStorage, PHOTO_STORAGE, type PhotoStorage } from './photo-storage';
import { PhotoWorker } from './photo-worker';
import { S3PhotoStorage } from './s3-photo-storage';

/** The storage STORAGE_URL names: a bucket, or local disk under DATA_DIR (the default). */
async function photoStorageFor(config: AppConfig): Promise<PhotoStorage> {
  if (config.storage.kind === 's3') return S3PhotoStorage.connect(config.storage);
  return new LocalDiskPhotoStorage(path.join(config.dataDir, 'photos'));
}

@Module({
  controllers: [MediaController],
  providers: [
    MediaVisibilityRepository,
    { provide: PHOTO_STORAGE, inject: [APP_CONFIG], useFactory: photoStorageFor },
    PhotoQueueRepository,
    PhotoQueueSignal,
    PhotoQueueMetrics,
    PhotoWorker,
  ],
  exports: [PHOTO_STORAGE, PhotoQueueRepository, PhotoQueueSignal, PhotoQueueMetrics, PhotoWorker],
})
export class MediaModule implements OnApplicationShutdown {
  constructor(@Inject(PHOTO_STORAGE) private readonly storage: PhotoStorage) {}

  onApplicationShutdown(): void {
    if (this.storage instanceof S3PhotoStorage) this.storage.close();
  }
}
