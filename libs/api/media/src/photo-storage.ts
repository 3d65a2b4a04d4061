import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Where photo bytes live. Local disk by default; an object store can implement the same calls. */
export interface PhotoStorage {
  put(key: string, data: Buffer): Promise<void>;
  /** Streams `bytes` bytes in: an upload is never held whole in memory on its way to storage. */
  putStream(key: string, data: Readable, bytes: number): Promise<void>;
  /**
   * Takes a local file of `bytes` bytes in, consuming it: renamed into place when it can be (the
   * upload spool and local photos share DATA_DIR), else copied; the caller removes it either way.
   */
  putFile(key: string, file: string, bytes: number): Promise<void>;
  read(key: string): Promise<Readable | null>;
  remove(key: string): Promise<void>;
}

export const PHOTO_STORAGE = Symbol('PHOTO_STORAGE');

// `<uuid>.jpg` and `<uuid>-thumb.jpg` are served (media.controller.ts); `<uuid>-original` is the
// upload as the citizen sent it, kept only until the worker has processed it and never served.
const SAFE_KEY = /^[a-f0-9-]{36}(?:(?:-thumb)?\.jpg|-original)$/;
const SERVABLE_KEY = /^[a-f0-9-]{36}(-thumb)?\.jpg$/;

export function isSafeKey(key: string): boolean {
  return SAFE_KEY.test(key);
}

/** Whether a key may ever be answered on a public or staff URL: processed photos only, never an original. */
export function isServableKey(key: string): boolean {
  return SERVABLE_KEY.test(key);
}

/** The storage keys of one photo: its original upload and the two derivatives the worker writes. */
export function photoKeys(id: string): { originalKey: string; storageKey: string; thumbnailKey: string } {
  return { originalKey: `${id}-original`, storageKey: `${id}.jpg`, thumbnailKey: `${id}-thumb.jpg` };
}

export class LocalDiskPhotoStorage implements PhotoStorage {
  constructor(private readonly root: string) {}

  async put(key: string, data: Buffer): Promise<void> {
    const file = this.fileFor(key);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, data);
  }

  async putStream(key: string, data: Readable, _bytes: number): Promise<void> {
    const file = this.fileFor(key);
    await mkdir(path.dirname(file), { recursive: true });
    // Written aside and renamed: a reader never sees half a file, a failed copy leaves none.
    const partial = `${file}.part`;
    try {
      await pipeline(data, createWriteStream(partial));
      await rename(partial, file);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  }

  async putFile(key: string, source: string, bytes: number): Promise<void> {
    const file = this.fileFor(key);
    await mkdir(path.dirname(file), { recursive: true });
    try {
      // No copy: one rename, atomic like putStream's (a reader never sees half a file).
      await rename(source, file);
    } catch (error) {
      if ((error as { code?: string }).code !== 'EXDEV') throw error;
      await this.putStream(key, createReadStream(source), bytes);
    }
  }

  async read(key: string): Promise<Readable | null> {
    if (!isSafeKey(key)) return null;
    const file = this.fileFor(key);
    return new Promise((resolve) => {
      const stream = createReadStream(file);
      stream.once('open', () => resolve(stream));
      stream.once('error', () => resolve(null));
    });
  }

  async remove(key: string): Promise<void> {
    await rm(this.fileFor(key), { force: true });
  }

  // Two levels of fan-out keep any one folder small with hundreds of thousands of photos.
  private fileFor(key: string): string {
    if (!isSafeKey(key)) throw new Error(`unsafe photo key: ${key}`);
    return path.join(this.root, key.slice(0, 2), key.slice(2, 4), key);
  }
}
