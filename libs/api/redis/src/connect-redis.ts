import { Redis } from 'ioredis';

/**
 * A client that fails fast: while Redis is down commands error at once instead of queueing, so
 * callers fall back (rate limits count in memory, case events are announced locally).
 */
export function createCommandClient(url: string): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000 });
  return redis;
}

/** Resolves once the client is ready, or has failed, or after two seconds: boot never hangs on Redis. */
export function settled(redis: Redis): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise<void>((resolve) => {
    const done = () => resolve();
    redis.once('ready', done);
    redis.once('error', done);
    setTimeout(done, 2000).unref();
  });
}

/** Connects a fail-fast client and waits for it (see `settled`). */
export async function connectRedis(url: string): Promise<Redis> {
  const redis = createCommandClient(url);
  redis.on('error', () => undefined); // callers surface outages themselves, rate-limited
  await settled(redis);
  return redis;
}
