import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ConversationState, StateStore, StoreStatus } from './types';
import { StateUnavailableError } from './types';
import { KeyedQueue } from './keyed-queue';
import type { RedisClient } from './redis-client';

export interface RedisStateStoreOptions {
  /** prepended to every key */
  prefix: string;
  /** how long an idle conversation is kept */
  ttlMs: number;
  /** how long we remember, without content, that a conversation existed */
  expiredNoticeMs: number;
  idempotencyTtlMs: number;
  /** a lock outlives a crashed holder by at most this long */
  lockTtlMs: number;
}

// Deletes the lock only if we still hold it: after an expiry another process may own it.
const RELEASE_LOCK = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

// Saves a state and its expiry trace; under a lock (token given), only while that lock is still
// ours, so that a holder paused past its lock's expiry cannot overwrite a newer update.
const SAVE_STATE = `
if ARGV[4] ~= '' and redis.call('get', KEYS[3]) ~= ARGV[4] then return 0 end
redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2])
if tonumber(ARGV[3]) > 0 then redis.call('set', KEYS[2], '1', 'PX', ARGV[3]) end
return 1`;

type WithScripts = RedisClient & {
  releaseLock(lock: string, token: string): Promise<number>;
  saveState(state: string, trace: string, lock: string, json: string, ttlMs: number, traceTtlMs: number, token: string): Promise<number>;
};

/**
 * Conversation state shared by every bot process through Redis.
 * The three keys of a conversation share one hash tag so that they live on one Cluster slot.
 */
export class RedisStateStore implements StateStore {
  private readonly redis: WithScripts;
  private readonly queue = new KeyedQueue();
  /** lock tokens of the conversations this process is updating */
  private readonly held = new Map<string, string>();

  constructor(redis: RedisClient, private readonly options: RedisStateStoreOptions) {
    redis.defineCommand('releaseLock', { numberOfKeys: 1, lua: RELEASE_LOCK });
    redis.defineCommand('saveState', { numberOfKeys: 3, lua: SAVE_STATE });
    this.redis = redis as WithScripts;
  }

  private keys(key: string) {
    const base = `${this.options.prefix}{${key}}`;
    return { state: `${base}:state`, trace: `${base}:trace`, lock: `${base}:lock` };
  }

  async get(key: string): Promise<ConversationState | undefined> {
    const raw = await this.call(() => this.redis.get(this.keys(key).state));
    return raw === null ? undefined : (JSON.parse(raw) as ConversationState);
  }

  async set(key: string, state: ConversationState): Promise<void> {
    const k = this.keys(key);
    const { ttlMs, expiredNoticeMs } = this.options;
    const token = this.held.get(key) ?? '';
    const saved = await this.call(() => this.redis.saveState(k.state, k.trace, k.lock, JSON.stringify(state), ttlMs, expiredNoticeMs, token));
    if (saved !== 1) throw new StateUnavailableError('the conversation lock expired before the state was saved');
  }

  async delete(key: string): Promise<void> {
    const k = this.keys(key);
    await this.call(() => this.redis.del(k.state, k.trace));
  }

  async expired(key: string): Promise<boolean> {
    const k = this.keys(key);
    const [state, trace] = await this.call(() => this.redis.mget(k.state, k.trace));
    return state === null && trace !== null;
  }

  /**
   * Serialises updates of one conversation: in order within this process, then through a
   * Redis lock (token + expiry) across processes, so that no update is ever lost.
   */
  exclusive<T>(key: string, fn: () => Promise<T>): Promise<T> {
    return this.queue.run(key, async () => {
      const lock = this.keys(key).lock;
      const token = await this.acquire(lock);
      this.held.set(key, token);
      try {
        return await fn();
      } finally {
        this.held.delete(key);
        await this.redis.releaseLock(lock, token).catch(() => undefined); // expires on its own
      }
    });
  }

  async firstSeen(idempotencyKey: string): Promise<boolean> {
    const key = `${this.options.prefix}${idempotencyKey}`;
    return (await this.call(() => this.redis.set(key, '1', 'PX', this.options.idempotencyTtlMs, 'NX'))) === 'OK';
  }

  status(): StoreStatus {
    return this.redis.status === 'ready' ? 'ok' : 'degraded';
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  /** Another process holds the conversation: wait for it, at most a lock's lifetime. */
  private async acquire(lock: string): Promise<string> {
    const token = randomBytes(12).toString('base64url');
    const deadline = Date.now() + this.options.lockTtlMs;
    for (let pause = 2; ; pause = Math.min(pause * 2, 50)) {
      const taken = await this.call(() => this.redis.set(lock, token, 'PX', this.options.lockTtlMs, 'NX'));
      if (taken === 'OK') return token;
      if (Date.now() > deadline) throw new StateUnavailableError('conversation locked by another process for too long');
      await sleep(pause);
    }
  }

  private async call<T>(command: () => Promise<T>): Promise<T> {
    try {
      return await command();
    } catch (err) {
      throw new StateUnavailableError(err);
    }
  }
}
