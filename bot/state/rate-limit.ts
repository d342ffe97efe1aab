import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { RedisClient } from './redis-client';

/** Per-person message budget, keyed by the hashed conversation key (never a phone number). */
export interface RateLimiter {
  /** true when this message is within the person's budget */
  allow(key: string): Promise<boolean>;
}

export interface RateLimitOptions {
  messages: number;
  windowSeconds: number;
  /** shared budget across processes; each process counts alone while Redis is away */
  redis?: { client: RedisClient; prefix: string };
}

export function createRateLimiter(options: RateLimitOptions): RateLimiter | undefined {
  if (options.messages <= 0) return undefined;
  const budget = { points: options.messages, duration: options.windowSeconds };
  const memory = new RateLimiterMemory(budget);
  const limiter = options.redis
    ? new RateLimiterRedis({
        ...budget,
        storeClient: options.redis.client,
        keyPrefix: `${options.redis.prefix}rate`,
        rejectIfRedisNotReady: true,
        insuranceLimiter: memory,
      })
    : memory;
  return {
    async allow(key) {
      try {
        await limiter.consume(key);
        return true;
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return false;
        throw rejection;
      }
    },
  };
}
