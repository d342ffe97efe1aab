import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Claim, ConversationState, StateStore, StoreStatus } from './types';
import { StateUnavailableError } from './types';
import { KeyedQueue } from './keyed-queue';
import type { RedisClient } from './redis-client';
import { keepRenewed } from './lease';

export interface RedisStateStoreOptions {
  /** prepended to every key */
  prefix: string;
  /** how long an idle conversation is kept */
  ttlMs: number;
  /** how long we remember, without content, that a conversation existed */
  expiredNoticeMs: number;
  idempotencyTtlMs: number;
  /**
   * a conversation's lock is a lease of this length, renewed while its turn runs: a process
   * killed mid-turn holds the conversation at most this long
   */
  leaseMs: number;
  /** how long a message waits for another process's turn on the same conversation */
  waitMs: number;
}

// Takes the lock if free and, in the same round trip, reads what the turn needs first: the
// state, and whether an expired conversation left its trace.
const ACQUIRE_LOCK = `
if not redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2], 'NX') then return false end
return {redis.call('get', KEYS[2]) or '', redis.call('exists', KEYS[3])}`;

// Deletes the lock, or extends its lease, only if we still hold it: after an expiry another
// process may own it.
const RELEASE_LOCK = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
const RENEW_LOCK = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;

// A webhook event id: 'pending' while a turn answers it (a lease), any other value once
// answered. Claiming reads and takes it in one step.
const CLAIM_EVENT = `
local seen = redis.call('get', KEYS[1])
if not seen then redis.call('set', KEYS[1], 'pending', 'PX', ARGV[1]) return 'new' end
if seen == 'pending' then return 'pending' end
return 'answered'`;
const PROLONG_CLAIM = `if redis.call('get', KEYS[1]) == 'pending' then return redis.call('pexpire', KEYS[1], ARGV[1]) else return 0 end`;

// Saves a state and its expiry trace; under a lock (token given), only while that lock is still
// ours, so that a holder paused past its lease cannot overwrite a newer update. A lease that
// lapsed while nobody else took the conversation (a stalled event loop could not renew it)
// still saves if the state is the one read with the lock: then no turn came in between.
const SAVE_STATE = `
if ARGV[4] ~= '' then
  local holder = redis.call('get', KEYS[3])
  if holder ~= ARGV[4] and (holder or (redis.call('get', KEYS[1]) or '') ~= ARGV[5]) then return 0 end
end
redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2])
if tonumber(ARGV[3]) > 0 then redis.call('set', KEYS[2], '1', 'PX', ARGV[3]) end
return 1`;

type WithScripts = RedisClient & {
  acquireLock(lock: string, state: string, trace: string, token: string, ttlMs: number): Promise<[string, number] | null>;
  releaseLock(lock: string, token: string): Promise<number>;
  renewLock(lock: string, token: string, leaseMs: number): Promise<number>;
  claimEvent(key: string, leaseMs: number): Promise<Claim>;
  prolongClaim(key: string, leaseMs: number): Promise<number>;
  saveState(state: string, trace: string, lock: string, json: string, ttlMs: number, traceTtlMs: number, token: string, read: string): Promise<number>;
};

interface Held {
  token: string;
  /** the state as stored (null: none), kept up to date by set and delete while the lock is held */
  state: string | null;
  trace: boolean;
}

/**
 * Conversation state shared by every bot process through Redis.
 * The three keys of a conversation share one hash tag so that they live on one Cluster slot.
 */
export class RedisStateStore implements StateStore {
  private readonly redis: WithScripts;
  private readonly queue = new KeyedQueue();
  /** conversations this process is updating: the lock's token and what was read with it */
  private readonly held = new Map<string, Held>();

  constructor(
    redis: RedisClient,
    private readonly options: RedisStateStoreOptions,
  ) {
    redis.defineCommand('acquireLock', { numberOfKeys: 3, lua: ACQUIRE_LOCK });
    redis.defineCommand('releaseLock', { numberOfKeys: 1, lua: RELEASE_LOCK });
    redis.defineCommand('renewLock', { numberOfKeys: 1, lua: RENEW_LOCK });
    redis.defineCommand('claimEvent', { numberOfKeys: 1, lua: CLAIM_EVENT });
    redis.defineCommand('prolongClaim', { numberOfKeys: 1, lua: PROLONG_CLAIM });
    redis.defineCommand('saveState', { numberOfKeys: 3, lua: SAVE_STATE });
    this.redis = redis as WithScripts;
  }

  private keys(key: string) {
    const base = `${this.options.prefix}{${key}}`;
    return { state: `${base}:state`, trace: `${base}:trace`, lock: `${base}:lock` };
  }

  async get(key: string): Promise<ConversationState | undefined> {
    const held = this.held.get(key);
    const raw = held ? held.state : await this.call(() => this.redis.get(this.keys(key).state));
    return raw === null ? undefined : (JSON.parse(raw) as ConversationState);
  }

  async set(key: string, state: ConversationState): Promise<void> {
    const k = this.keys(key);
    const { ttlMs, expiredNoticeMs } = this.options;
    const held = this.held.get(key);
    const json = JSON.stringify(state);
    const saved = await this.call(() => this.redis.saveState(k.state, k.trace, k.lock, json, ttlMs, expiredNoticeMs, held?.token ?? '', held?.state ?? ''));
    if (saved !== 1) throw new StateUnavailableError('the conversation lock expired before the state was saved');
    if (held) Object.assign(held, { state: json, trace: expiredNoticeMs > 0 });
  }

  async delete(key: string): Promise<void> {
    const k = this.keys(key);
    await this.call(() => this.redis.del(k.state, k.trace));
    const held = this.held.get(key);
    if (held) Object.assign(held, { state: null, trace: false });
  }

  async expired(key: string): Promise<boolean> {
    const held = this.held.get(key);
    if (held) return held.state === null && held.trace;
    const k = this.keys(key);
    const [state, trace] = await this.call(() => this.redis.mget(k.state, k.trace));
    return state === null && trace !== null;
  }

  /**
   * Serialises updates of one conversation: in order within this process, then through a
   * Redis lock (token + lease) across processes, so that no update is ever lost. Reads
   * inside fn are served from what was read when the lock was taken.
   */
  exclusive<T>(key: string, fn: () => Promise<T>): Promise<T> {
    return this.queue.run(key, async () => {
      const k = this.keys(key);
      const held = await this.acquire(k);
      this.held.set(key, held);
      const { leaseMs } = this.options;
      const stopRenewing = keepRenewed(leaseMs, () => this.redis.renewLock(k.lock, held.token, leaseMs));
      try {
        return await fn();
      } finally {
        stopRenewing();
        this.held.delete(key);
        // Not awaited: the reply need not wait for it. Commands on one connection run in
        // order, so this process's next turn for the same person still finds the lock free;
        // if the release is lost, the lease lapses on its own.
        void this.redis.releaseLock(k.lock, held.token).catch(() => undefined);
      }
    });
  }

  async claim(idempotencyKey: string, holdMs: number): Promise<Claim> {
    return this.call(() => this.redis.claimEvent(`${this.options.prefix}${idempotencyKey}`, holdMs));
  }

  async prolong(idempotencyKey: string, holdMs: number): Promise<void> {
    await this.call(() => this.redis.prolongClaim(`${this.options.prefix}${idempotencyKey}`, holdMs));
  }

  async remember(idempotencyKey: string): Promise<void> {
    const key = `${this.options.prefix}${idempotencyKey}`;
    await this.call(() => this.redis.set(key, 'answered', 'PX', this.options.idempotencyTtlMs));
  }

  status(): StoreStatus {
    return this.redis.status === 'ready' ? 'ok' : 'degraded';
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  /** Another process holds the conversation: wait for its turn to end, or its lease to lapse. */
  private async acquire(k: ReturnType<RedisStateStore['keys']>): Promise<Held> {
    const token = randomBytes(12).toString('base64url');
    const deadline = Date.now() + this.options.waitMs;
    for (let pause = 2; ; pause = Math.min(pause * 2, 50)) {
      const taken = await this.call(() => this.redis.acquireLock(k.lock, k.state, k.trace, token, this.options.leaseMs));
      if (taken) return { token, state: taken[0] === '' ? null : taken[0], trace: taken[1] === 1 };
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
