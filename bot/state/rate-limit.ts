import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { RedisClient } from './redis-client';

/** A budget of events per key (a hashed conversation key, a hashed client address). */
export interface RateLimiter {
  /** true when this event is within the key's budget */
  allow(key: string): Promise<boolean>;
  /** 0 when this event is within the key's budget, else the seconds until it is (Retry-After) */
  secondsToWait(key: string): Promise<number>;
}

export interface RateLimitOptions {
  messages: number;
  windowSeconds: number;
  /** shared budget across processes; each process counts alone while Redis is away */
  redis?: { client: RedisClient; prefix: string };
  /** names this budget in Redis keys, when a process keeps several (default "rate") */
  name?: string;
}

export function createRateLimiter(options: RateLimitOptions): RateLimiter | undefined {
  if (options.messages <= 0) return undefined;
  const budget = { points: options.messages, duration: options.windowSeconds };
  const memory = new RateLimiterMemory(budget);
  const limiter = options.redis
    ? new RateLimiterRedis({
        ...budget,
        storeClient: options.redis.client,
        keyPrefix: `${options.redis.prefix}${options.name ?? 'rate'}`,
        rejectIfRedisNotReady: true,
        insuranceLimiter: memory,
      })
    : memory;
  const secondsToWait = async (key: string) => {
    try {
      // In braces: a Cluster hash tag, so that a conversation's counter lives on the slot of its state.
      await limiter.consume(`{${key}}`);
      return 0;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw rejection;
    }
  };
  return { secondsToWait, allow: async (key) => (await secondsToWait(key)) === 0 };
}
