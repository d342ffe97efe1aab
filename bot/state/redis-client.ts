import Redis, { Cluster } from 'ioredis';
import type { Logger } from 'pino';

export type RedisClient = Redis | Cluster;

export interface RedisConfig {
  /** redis://[:password@]host:port/db or rediss:// for TLS */
  url?: string;
  /** Sentinel mode: sentinel addresses and the name of the monitored master */
  sentinels?: { host: string; port: number }[];
  sentinelName?: string;
  /** Cluster mode: some of the cluster's nodes */
  clusterNodes?: { host: string; port: number }[];
  password?: string;
  /** prepended to every key, so several bots (or tests) can share one Redis */
  keyPrefix: string;
}

// Fail fast while Redis is away (the person gets an apology at once instead of a hung request),
// and keep reconnecting in the background so that the process recovers alone.
const failFast = {
  enableOfflineQueue: false,
  maxRetriesPerRequest: 1,
  commandTimeout: 2000,
  enableAutoPipelining: true,
};
const reconnectEvery = (attempt: number) => Math.min(100 * attempt, 2000);

/** One ioredis client for a standalone Redis, a Sentinel-managed master, or a Cluster. */
export function createRedisClient(config: RedisConfig, logger: Logger): RedisClient {
  const client: RedisClient = config.clusterNodes
    ? new Cluster(config.clusterNodes, {
        ...failFast,
        clusterRetryStrategy: reconnectEvery,
        redisOptions: { password: config.password, ...failFast },
      })
    : config.sentinels
      ? new Redis({
          sentinels: config.sentinels,
          name: config.sentinelName,
          password: config.password,
          sentinelPassword: config.password,
          retryStrategy: reconnectEvery,
          ...failFast,
        })
      : new Redis(config.url!, { password: config.password, retryStrategy: reconnectEvery, ...failFast });

  // One warning per outage, not one per reconnection attempt. ('reconnecting' is not emitted
  // after quit(), so a clean shutdown stays quiet.)
  let down = false;
  const lost = (reason: string) => {
    if (down) return;
    down = true;
    logger.warn({ reason }, 'redis unreachable; answering with an apology until it returns');
  };
  client.on('error', (err: Error) => lost(err.message));
  client.on('reconnecting', () => lost('connection lost'));
  client.on('ready', () => {
    if (down) logger.info('redis is back');
    down = false;
  });
  return client;
}

/** Resolves when the client is ready, or after timeoutMs: a bot starts even while Redis is away. */
export function readyWithin(client: RedisClient, timeoutMs: number): Promise<boolean> {
  if (client.status === 'ready') return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      client.off('ready', onReady);
      resolve(false);
    }, timeoutMs);
    const onReady = () => {
      clearTimeout(timer);
      resolve(true);
    };
    client.once('ready', onReady);
  });
}
