// Every setting of a running bot, read once at startup from environment variables.
// docs/operations.md documents each variable; keep the two in step.
import { MAX_MESSAGE_LENGTH } from '../bot/engine/step';
import type { RedisConfig } from '../bot/state/redis-client';

export interface Config {
  port: number;
  host: string;
  /** undefined: conversation state in memory (one process only) */
  redis?: RedisConfig;
  stateSecret: string;
  stateTtlMs: number;
  expiredNoticeMs: number;
  idempotencyTtlMs: number;
  /** a conversation's lock and a webhook event's claim: leases renewed while the turn runs */
  leaseMs: number;
  /** how long a message waits for another process's turn on the same conversation */
  lockWaitMs: number;
  /** messages per person per window; 0 disables the limit */
  rateLimitMessages: number;
  rateLimitWindowSeconds: number;
  /** requests per client address per window on the REST API, web chat and agent console; 0 disables */
  clientRateLimitRequests: number;
  /** requests per client address per window on the platforms' webhooks; 0 disables */
  webhookRateLimitRequests: number;
  clientRateLimitWindowSeconds: number;
  /** days a misunderstood message (masked) is kept for agents after its last occurrence */
  reviewRetentionDays: number;
  /** /metrics on a port of its own (internal network); undefined: not served apart */
  metricsPort?: number;
  /** /metrics on the app port to requests bearing this token; undefined: not served there */
  metricsToken?: string;
  /** express's "trust proxy": hops or addresses whose X-Forwarded-For is believed */
  trustProxy: boolean | number | string;
  maxMessageChars: number;
  maxBodyBytes: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  shutdownTimeoutMs: number;
}

export class ConfigError extends Error {
  name = 'ConfigError';
}

const DEV_SECRET = 'dev-secret-not-for-production';
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

type Env = Record<string, string | undefined>;

function number(env: Env, name: string, fallback: number, { min = 0 } = {}): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min) throw new ConfigError(`${name} must be a number ≥ ${min}, got "${raw}"`);
  return value;
}

function hosts(env: Env, name: string): { host: string; port: number }[] | undefined {
  const raw = env[name];
  if (!raw) return undefined;
  return raw.split(',').map((item) => {
    const [host, port] = item.trim().split(':');
    if (!host || !Number(port)) throw new ConfigError(`${name} must list host:port pairs separated by commas, got "${raw}"`);
    return { host, port: Number(port) };
  });
}

function redisConfig(env: Env): RedisConfig | undefined {
  const sentinels = hosts(env, 'REDIS_SENTINELS');
  const clusterNodes = hosts(env, 'REDIS_CLUSTER_NODES');
  if (!env.REDIS_URL && !sentinels && !clusterNodes) return undefined;
  if (sentinels && !env.REDIS_SENTINEL_NAME) throw new ConfigError('REDIS_SENTINELS needs REDIS_SENTINEL_NAME (the master name)');
  return {
    url: env.REDIS_URL || undefined,
    sentinels,
    sentinelName: env.REDIS_SENTINEL_NAME,
    clusterNodes,
    password: env.REDIS_PASSWORD || undefined,
    keyPrefix: env.REDIS_KEY_PREFIX ?? 'orientation:',
  };
}

function stateSecret(env: Env): string {
  const secret = env.STATE_SECRET;
  if (secret) return secret;
  // Phone numbers are few enough to brute-force an HMAC whose key is public.
  if (env.NODE_ENV === 'production') throw new ConfigError('STATE_SECRET is required when NODE_ENV=production');
  return DEV_SECRET;
}

function trustProxy(raw: string | undefined): boolean | number | string {
  if (!raw || raw === 'false') return false;
  if (raw === 'true') return true;
  return /^\d+$/.test(raw) ? Number(raw) : raw;
}

export function loadConfig(env: Env = process.env): Config {
  // Its meaning changed (a lease renewed while a turn runs, and a separate wait): silently
  // ignoring an operator's value would be worse than stopping.
  if (env.STATE_LOCK_TTL_MS) throw new ConfigError('STATE_LOCK_TTL_MS is replaced by STATE_LOCK_LEASE_MS and STATE_LOCK_WAIT_MS (docs/operations.md)');
  const logLevel = (env.LOG_LEVEL ?? 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  return {
    port: number(env, 'PORT', 3978),
    host: env.HOST ?? '0.0.0.0',
    redis: redisConfig(env),
    stateSecret: stateSecret(env),
    stateTtlMs: number(env, 'STATE_TTL_MINUTES', 30, { min: 1 }) * 60_000,
    expiredNoticeMs: number(env, 'STATE_EXPIRED_NOTICE_HOURS', 24) * 3600_000,
    idempotencyTtlMs: number(env, 'IDEMPOTENCY_TTL_HOURS', 24, { min: 1 }) * 3600_000,
    leaseMs: number(env, 'STATE_LOCK_LEASE_MS', 1500, { min: 100 }),
    lockWaitMs: number(env, 'STATE_LOCK_WAIT_MS', 5000, { min: 0 }),
    rateLimitMessages: number(env, 'RATE_LIMIT_MESSAGES', 30),
    rateLimitWindowSeconds: number(env, 'RATE_LIMIT_WINDOW_SECONDS', 60, { min: 1 }),
    clientRateLimitRequests: number(env, 'CLIENT_RATE_LIMIT_REQUESTS', 120),
    webhookRateLimitRequests: number(env, 'WEBHOOK_RATE_LIMIT_REQUESTS', 3000),
    clientRateLimitWindowSeconds: number(env, 'CLIENT_RATE_LIMIT_WINDOW_SECONDS', 60, { min: 1 }),
    trustProxy: trustProxy(env.TRUST_PROXY),
    reviewRetentionDays: number(env, 'REVIEW_RETENTION_DAYS', 30, { min: 1 }),
    metricsPort: env.METRICS_PORT ? number(env, 'METRICS_PORT', 0) : undefined,
    metricsToken: env.METRICS_TOKEN || undefined,
    maxMessageChars: number(env, 'MAX_MESSAGE_CHARS', MAX_MESSAGE_LENGTH, { min: 1 }),
    maxBodyBytes: number(env, 'MAX_BODY_BYTES', 16_384, { min: 1024 }),
    logLevel,
    shutdownTimeoutMs: number(env, 'SHUTDOWN_TIMEOUT_SECONDS', 10) * 1000,
  };
}

/** true when the secret is the built-in development one (worth a warning at startup) */
export const usesDevSecret = (config: Config): boolean => config.stateSecret === DEV_SECRET;
