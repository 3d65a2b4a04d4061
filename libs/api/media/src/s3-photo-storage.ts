import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { S3Client } from '@aws-sdk/client-s3';
import { isSafeKey, type PhotoStorage } from './photo-storage';

export interface S3Location {
  bucket: string;
  /** Key prefix without slashes at either end ('' for the bucket root). */
  prefix: string;
}

/**
 * Photos in an S3-compatible bucket (AWS, MinIO, Ceph…), so every replica reads what any replica
 * stored. The bucket stays private: photos are still served through the API's own URLs, which
 * apply moderation (a hidden photo stops being served at once) and the cache headers
 * (docs/operations.md#photo-storage).
 */
export class S3PhotoStorage implements PhotoStorage {
  private constructor(
    private readonly client: S3Client,
    private readonly sdk: typeof import('@aws-sdk/client-s3'),
    private readonly location: S3Location,
  ) {}

  /** The SDK is loaded only when a bucket is configured: local-disk installs never pay for it. */
  static async connect(
    options: S3Location & {
      endpoint: string | null;
      region: string;
      forcePathStyle: boolean;
      credentials: { accessKeyId: string; secretAccessKey: string } | null;
    },
  ): Promise<S3PhotoStorage> {
    const sdk = await import('@aws-sdk/client-s3');
    const client = new sdk.S3Client({
      region: options.region,
      forcePathStyle: options.forcePathStyle,
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      ...(options.credentials ? { credentials: options.credentials } : {}),
      // Checksums only where an operation requires them: a streamed upload is then sent as its
      // plain bytes with a Content-Length, which every S3-compatible store accepts, instead of the
      // aws-chunked framing with trailing checksums that some (older MinIO, s3rver) store verbatim.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      // A stuck store must not hold a citizen's upload forever.
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 30_000 },
    });
    return new S3PhotoStorage(client, sdk, { bucket: options.bucket, prefix: options.prefix });
  }

  async put(key: string, data: Buffer): Promise<void> {
    await this.client.send(
      new this.sdk.PutObjectCommand({
        Bucket: this.location.bucket,
        Key: this.objectKey(key),
        Body: data,
        ContentType: 'image/jpeg',
      }),
    );
  }

  /** A stream of known length goes up in one PutObject, never buffered whole. */
  async putStream(key: string, data: Readable, bytes: number): Promise<void> {
    await this.client.send(
      new this.sdk.PutObjectCommand({
        Bucket: this.location.bucket,
        Key: this.objectKey(key),
        Body: data,
        ContentLength: bytes,
        ContentType: key.endsWith('.jpg') ? 'image/jpeg' : 'application/octet-stream',
      }),
    );
  }

  async putFile(key: string, file: string, bytes: number): Promise<void> {
    await this.putStream(key, createReadStream(file), bytes);
  }

  async read(key: string): Promise<Readable | null> {
    if (!isSafeKey(key)) return null;
    try {
      const object = await this.client.send(new this.sdk.GetObjectCommand({ Bucket: this.location.bucket, Key: this.objectKey(key) }));
      return object.Body instanceof Readable ? object.Body : null;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async remove(key: string): Promise<void> {
    // S3 deletes are idempotent: a missing key is not an error, as on local disk.
    await this.client.send(new this.sdk.DeleteObjectCommand({ Bucket: this.location.bucket, Key: this.objectKey(key) }));
  }

  /** Closes the SDK's sockets (at shutdown). */
  close(): void {
    this.client.destroy();
  }

  private objectKey(key: string): string {
    if (!isSafeKey(key)) throw new Error(`unsafe photo key: ${key}`);
    return this.location.prefix ? `${this.location.prefix}/${key}` : key;
  }
}

function isMissing(error: unknown): boolean {
  const named = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return named.name === 'NoSuchKey' || named.name === 'NotFound' || named.$metadata?.httpStatusCode === 404;
}
