// A real S3-protocol server for the storage tests (s3rver, files in a temporary folder): the
// driver is exercised through the AWS SDK's actual requests and signatures, not a mock of the SDK.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';

export interface S3TestServer {
  endpoint: string;
  bucket: string;
  /** The environment that points Plaza at this server's bucket under `prefix`. */
  env(prefix?: string): Record<string, string>;
  close(): Promise<void>;
}

/** s3rver accepts these fixed credentials and checks the signature made with them. */
const ACCESS_KEY = 'S3RVER';

export async function startS3TestServer(bucket = 'plaza-photos'): Promise<S3TestServer> {
  const directory = await mkdtemp(path.join(os.tmpdir(), 'plaza-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    env: (prefix = 'photos') => ({
      STORAGE_URL: `s3://${bucket}/${prefix}?endpoint=${encodeURIComponent(endpoint)}&region=us-east-1`,
      AWS_ACCESS_KEY_ID: ACCESS_KEY,
      AWS_SECRET_ACCESS_KEY: ACCESS_KEY,
    }),
    close: async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
