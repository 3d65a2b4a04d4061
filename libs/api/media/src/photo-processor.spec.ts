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

  it('drops EXIF (GPS included) from a phone JPEG, in both sizes, once its orientation is applied', async () => {
    // Stored landscape with "rotate 90° clockwise" (orientation 6): upright it is portrait.
    const input = await sharp({ create: { width: 2600, height: 1950, channels: 3, background: '#c83232' } })
      .jpeg({ quality: 90 })
      .withExif({
        IFD0: { Make: 'Phone' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '40/1 25/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '3/1 42/1 0/1' },
      })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const before = await sharp(input).metadata();
    expect(before).toMatchObject({ orientation: 6, exif: expect.any(Buffer) });
    expect(before.exif!.toString('latin1')).toContain('Phone');

    const out = await processPhoto(input);
    for (const image of [out.full, out.thumbnail]) {
      const meta = await sharp(image).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.orientation).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.iptc).toBeUndefined();
      // No trace of the GPS or maker tags anywhere in the bytes.
      expect(image.includes(Buffer.from('Phone'))).toBe(false);
      expect(image.includes(Buffer.from('Exif\0\0'))).toBe(false);
    }
    expect(await sharp(out.full).metadata()).toMatchObject({ width: 1536, height: 2048 });
    expect(out).toMatchObject({ width: 1536, height: 2048 });
  });

  it('rejects bytes that are not an accepted image', async () => {
    await expect(processPhoto(Buffer.from('GIF89a not really'))).rejects.toBeInstanceOf(InvalidPhotoError);
    const gif = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } }).gif().toBuffer();
    await expect(processPhoto(gif)).rejects.toThrow('unsupported_format');
  });
});
