import sharp from 'sharp';
import { InvalidPhotoError, processPhoto } from './photo-processor';
import { asBuffer, type ProcessReply, type ProcessRequest } from './photo-processor-protocol';

// One image at a time per process, one libvips thread for it and no operation cache: PHOTO_WORKERS
// processes use about PHOTO_WORKERS cores and a bounded amount of memory.
sharp.concurrency(1);
sharp.cache(false);

function reply(message: ProcessReply): void {
  process.send?.(message);
}

process.on('message', (request: ProcessRequest) => {
  processPhoto(asBuffer(request.original)).then(
    (photo) => reply({ id: request.id, ok: true, full: photo.full, thumbnail: photo.thumbnail, width: photo.width, height: photo.height }),
    (error: unknown) =>
      reply({
        id: request.id,
        ok: false,
        invalid: error instanceof InvalidPhotoError ? error.message : null,
        message: error instanceof Error ? error.message : String(error),
      }),
  );
});

// The API went away (stopped, crashed): no orphan keeps running.
process.on('disconnect', () => process.exit(0));
