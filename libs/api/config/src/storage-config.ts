type Env = Record<string, string | undefined>;

/** Where photos are kept (STORAGE_URL): local disk under DATA_DIR, or an S3-compatible bucket. */
export type StorageSettings =
  | { kind: 'local' }
  | {
      kind: 's3';
      bucket: string;
      /** Key prefix inside the bucket, without leading or trailing slash ('' for the bucket root). */
      prefix: string;
      /** S3-compatible endpoint (MinIO, Ceph, a city's own store); null for AWS itself. */
      endpoint: string | null;
      region: string;
      /** Path-style addressing (`endpoint/bucket/key`), which most self-hosted stores need. */
      forcePathStyle: boolean;
      /** From AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY; null lets the SDK find them (instance role, profile). */
      credentials: { accessKeyId: string; secretAccessKey: string } | null;
    };

/**
 * `STORAGE_URL=s3://bucket/prefix?endpoint=https://minio.example:9000&region=eu-south-2`.
 * Credentials are never in the URL: the SDK reads AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (or the
 * platform's role), so the URL can be logged and shared.
 */
export function readStorageSettings(env: Env, problems: string[]): { storage: StorageSettings } {
  const raw = env['STORAGE_URL']?.trim();
  if (!raw) return { storage: { kind: 'local' } };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    problems.push('STORAGE_URL is not a valid URL (expected s3://bucket/prefix?endpoint=…&region=…)');
    return { storage: { kind: 'local' } };
  }
  if (url.protocol !== 's3:') {
    problems.push(`STORAGE_URL must use s3: (got "${url.protocol}")`);
    return { storage: { kind: 'local' } };
  }
  if (url.username || url.password) {
    problems.push('STORAGE_URL must not carry credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY');
  }
  const bucket = url.hostname;
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
    problems.push(`STORAGE_URL names an invalid bucket "${bucket}"`);
  }
  const endpoint = url.searchParams.get('endpoint');
  if (endpoint !== null && !/^https?:\/\/[^/]+/.test(endpoint)) {
    problems.push(`STORAGE_URL's endpoint must be an http(s) URL (got "${endpoint}")`);
  }
  const pathStyle = url.searchParams.get('forcePathStyle');
  const accessKeyId = env['AWS_ACCESS_KEY_ID']?.trim();
  const secretAccessKey = env['AWS_SECRET_ACCESS_KEY']?.trim();
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    problems.push('AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must be set together');
  }
  return {
    storage: {
      kind: 's3',
      bucket,
      prefix: decodeURIComponent(url.pathname).replace(/^\/+|\/+$/g, ''),
      endpoint,
      region: url.searchParams.get('region') || env['AWS_REGION']?.trim() || 'us-east-1',
      // Self-hosted stores rarely have per-bucket DNS names: path style unless told otherwise.
      forcePathStyle: pathStyle === null ? endpoint !== null : pathStyle === 'true',
      credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : null,
    },
  };
}
