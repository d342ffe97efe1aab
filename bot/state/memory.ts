import type { ConversationState, StateStore } from './types';

/** In-process store with idle expiry: the default when REDIS_URL is not set. */
export class MemoryStateStore implements StateStore {
  private readonly states = new Map<string, { state: ConversationState; expires: number }>();
  private readonly seen = new Map<string, number>();
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(private readonly ttlMs: number, private readonly idempotencyTtlMs = 24 * 3600_000) {}

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
    this.states.set(key, { state: structuredClone(state), expires: Date.now() + this.ttlMs });
  }

  async delete(key: string) {
    this.states.delete(key);
  }

  async exclusive<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(key) ?? Promise.resolve();
    const run = previous.then(fn, fn);
    const settled = run.catch(() => undefined);
    this.queues.set(key, settled);
    try {
      return await run;
    } finally {
      if (this.queues.get(key) === settled) this.queues.delete(key);
    }
  }

  async firstSeen(idempotencyKey: string) {
    const now = Date.now();
    const expires = this.seen.get(idempotencyKey);
    if (expires && expires > now) return false;
    this.seen.set(idempotencyKey, now + this.idempotencyTtlMs);
    if (this.seen.size > 100_000) for (const [k, e] of this.seen) if (e <= now) this.seen.delete(k);
    return true;
  }

  async close() {}
}
