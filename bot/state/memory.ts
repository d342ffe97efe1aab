import type { Claim, ConversationState, StateStore, StoreStatus } from './types';
import { KeyedQueue } from './keyed-queue';

export interface MemoryStateStoreOptions {
  /** how long an idle conversation is kept */
  ttlMs: number;
  /** how long we remember that a conversation existed (no content), to restart politely */
  expiredNoticeMs?: number;
  idempotencyTtlMs?: number;
}

/** In-process store with idle expiry: the default when REDIS_URL is not set. */
export class MemoryStateStore implements StateStore {
  private readonly states = new Map<string, { state: ConversationState; expires: number }>();
  /** key -> until when an expired conversation is announced as such */
  private readonly traces = new Map<string, number>();
  /** idempotency key -> until when it is held, and whether its event was answered */
  private readonly seen = new Map<string, { expires: number; answered: boolean }>();
  private readonly queue = new KeyedQueue();
  private nextSweep = 0;
  private readonly ttlMs: number;
  private readonly expiredNoticeMs: number;
  private readonly idempotencyTtlMs: number;

  constructor(options: MemoryStateStoreOptions | number) {
    const o = typeof options === 'number' ? { ttlMs: options } : options;
    this.ttlMs = o.ttlMs;
    this.expiredNoticeMs = o.expiredNoticeMs ?? 24 * 3600_000;
    this.idempotencyTtlMs = o.idempotencyTtlMs ?? 24 * 3600_000;
  }

  async get(key: string) {
    const entry = this.states.get(key);
    if (!entry) return undefined;
    if (entry.expires <= Date.now()) {
      this.states.delete(key);
      return undefined;
    }
    return structuredClone(entry.state);
  }

  async set(key: string, state: ConversationState) {
    const now = Date.now();
    this.states.set(key, { state: structuredClone(state), expires: now + this.ttlMs });
    this.traces.set(key, now + this.expiredNoticeMs);
    if (now >= this.nextSweep) this.sweep(now);
  }

  async delete(key: string) {
    this.states.delete(key);
    this.traces.delete(key);
  }

  async expired(key: string) {
    if (this.states.has(key) && (await this.get(key))) return false;
    const until = this.traces.get(key);
    return until !== undefined && until > Date.now();
  }

  exclusive<T>(key: string, fn: () => Promise<T>): Promise<T> {
    return this.queue.run(key, fn);
  }

  async claim(idempotencyKey: string, holdMs: number): Promise<Claim> {
    const now = Date.now();
    const held = this.seen.get(idempotencyKey);
    if (held && held.expires > now) return held.answered ? 'answered' : 'pending';
    this.seen.set(idempotencyKey, { expires: now + holdMs, answered: false });
    if (this.seen.size > 100_000) for (const [k, e] of this.seen) if (e.expires <= now) this.seen.delete(k);
    return 'new';
  }

  async prolong(idempotencyKey: string, holdMs: number) {
    const held = this.seen.get(idempotencyKey);
    if (held && !held.answered) held.expires = Date.now() + holdMs;
  }

  async remember(idempotencyKey: string) {
    this.seen.set(idempotencyKey, { expires: Date.now() + this.idempotencyTtlMs, answered: true });
  }

  status(): StoreStatus {
    return 'ok';
  }

  async close() {}

  /** Expired entries are dropped lazily on read; this bounds memory for people who never come back. */
  private sweep(now: number) {
    this.nextSweep = now + this.ttlMs;
    for (const [k, e] of this.states) if (e.expires <= now) this.states.delete(k);
    for (const [k, until] of this.traces) if (until <= now) this.traces.delete(k);
  }
}
