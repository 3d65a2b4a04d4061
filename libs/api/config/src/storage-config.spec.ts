import { readStorageSettings } from './storage-config';

const read = (env: Record<string, string>) => {
  const problems: string[] = [];
  return { ...readStorageSettings(env, problems), problems };
};

describe('STORAGE_URL', () => {
  it('keeps photos on local disk when unset', () => {
    expect(read({})).toEqual({ storage: { kind: 'local' }, problems: [] });
  });

  it('reads bucket, prefix, endpoint and region, with path style for a self-hosted endpoint', () => {
    expect(read({ STORAGE_URL: 's3://plaza-photos/madrid/photos/?endpoint=http://minio:9000&region=eu-south-2' })).toEqual({
      storage: {
        kind: 's3',
        bucket: 'plaza-photos',
        prefix: 'madrid/photos',
        endpoint: 'http://minio:9000',
        region: 'eu-south-2',
        forcePathStyle: true,
        credentials: null,
      },
      problems: [],
    });
  });

  it('uses virtual-hosted style and AWS_REGION on AWS itself', () => {
    expect(read({ STORAGE_URL: 's3://plaza-photos', AWS_REGION: 'eu-west-3' }).storage).toEqual({
      kind: 's3',
      bucket: 'plaza-photos',
      prefix: '',
      endpoint: null,
      region: 'eu-west-3',
      forcePathStyle: false,
      credentials: null,
    });
  });

  it('takes the access key pair from the environment, both or neither', () => {
    const url = 's3://plaza-photos?endpoint=http://minio:9000';
    expect(read({ STORAGE_URL: url, AWS_ACCESS_KEY_ID: 'plaza', AWS_SECRET_ACCESS_KEY: 'secret' }).storage).toMatchObject({
      credentials: { accessKeyId: 'plaza', secretAccessKey: 'secret' },
    });
    expect(read({ STORAGE_URL: url, AWS_ACCESS_KEY_ID: 'plaza' }).problems).toEqual([expect.stringContaining('set together')]);
  });

  it('refuses credentials in the URL, other schemes and invalid buckets, naming the problem', () => {
    expect(read({ STORAGE_URL: 's3://key:secret@plaza-photos' }).problems).toEqual([expect.stringContaining('AWS_ACCESS_KEY_ID')]);
    expect(read({ STORAGE_URL: 'https://plaza-photos' }).problems).toEqual([expect.stringContaining('must use s3:')]);
    expect(read({ STORAGE_URL: 's3://Plaza_Photos' }).problems).toEqual([expect.stringContaining('invalid bucket')]);
    expect(read({ STORAGE_URL: 's3://plaza-photos?endpoint=minio:9000' }).problems).toEqual([expect.stringContaining('endpoint')]);
  });
});
