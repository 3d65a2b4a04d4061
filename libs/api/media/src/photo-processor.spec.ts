import sharp from 'sharp';
import { InvalidPhotoError, processPhoto } from './photo-processor';

describe('processPhoto', () => {
  it('re-encodes to JPEG without EXIF, applying orientation, with a thumbnail', async () => {
    const input = await sharp({ create: { width: 3000, height: 1000, channels: 3, background: '#3366cc' } })
      .png()
      .withExif({ IFD0: { Copyright: 'private' }, IFD3: { GPSLatitudeRef: 'N' } })
      .toBuffer();
    const out = await processPhoto(input);
    const full = await sharp(out.full).metadata();
    const thumb = await sharp(out.thumbnail).metadata();
    expect(full).toMatchObject({ format: 'jpeg', width: 2048 });
    expect(full.exif).toBeUndefined();
    expect(thumb).toMatchObject({ format: 'jpeg', width: 400, height: 400 });
    expect(out.width).toBe(2048);
  });

  it('rejects bytes that are not an accepted image', async () => {
    await expect(processPhoto(Buffer.from('GIF89a not really'))).rejects.toBeInstanceOf(InvalidPhotoError);
    const gif = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } }).gif().toBuffer();
    await expect(processPhoto(gif)).rejects.toThrow('unsupported_format');
  });
});
