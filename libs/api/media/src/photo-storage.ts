import { createReadStream } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

/** Where photo bytes live. Local disk by default; an object store can implement the same four calls. */
export interface PhotoStorage {
  put(key: string, data: Buffer): Promise<void>;
  read(key: string): Promise<Readable | null>;
  remove(key: string): Promise<void>;
}

export const PHOTO_STORAGE = Symbol('PHOTO_STORAGE');

const SAFE_KEY = /^[a-f0-9-]{36}(-thumb)?\.jpg$/;

export function isSafeKey(key: string): boolean {
  return SAFE_KEY.test(key);
}

export class LocalDiskPhotoStorage implements PhotoStorage {
  constructor(private readonly root: string) {}

  async put(key: string, data: Buffer): Promise<void> {
    const file = this.fileFor(key);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, data);
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
